"""Passwords are argon2id at OWASP's minimum parameters, hashed in a worker pool, never on the loop."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from argon2 import PasswordHasher

from server.access import passwords
from server.access.models import Staff
from server.access.sessions import login
from server.config import Settings
from tests.conftest import PASSWORD


async def test_password_hash_is_argon2id_with_owasp_parameters() -> None:
    # when
    stored = await passwords.hash_password(PASSWORD)

    # then
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored
    assert await passwords.verify_password(stored, PASSWORD) is True
    assert await passwords.verify_password(stored, "wrong-password") is False


async def test_staff_rows_store_the_argon2id_hash_not_the_password(org: Any) -> None:
    # when
    row = await Staff.get(username="sh001.clerk")

    # then
    assert row.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in row.password_hash


async def test_verifying_against_no_hash_fails_even_for_the_timing_dummy_password() -> None:
    # when an unknown user is checked, the dummy hash is verified but never accepted
    ok = await passwords.verify_password(None, "tessera-timing-equaliser")

    # then
    assert ok is False


class _ThreadRecordingHasher:
    """Delegates to the real hasher and records which thread each call ran on."""

    def __init__(self, real: PasswordHasher) -> None:
        self.real = real
        self.threads: list[str] = []

    def hash(self, password: str) -> str:
        self.threads.append(threading.current_thread().name)
        return self.real.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        self.threads.append(threading.current_thread().name)
        return self.real.verify(password_hash, password)


async def test_hashing_and_verifying_run_in_the_argon2_pool_not_on_the_event_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given
    recorder = _ThreadRecordingHasher(passwords._hasher)
    monkeypatch.setattr(passwords, "_hasher", recorder)
    loop_thread = threading.current_thread().name

    # when
    stored = await passwords.hash_password(PASSWORD)
    await passwords.verify_password(stored, PASSWORD)

    # then
    assert len(recorder.threads) == 2
    assert all(name.startswith("argon2") for name in recorder.threads)
    assert loop_thread not in recorder.threads


async def test_login_rehashes_a_password_stored_with_weaker_parameters(org: Any, settings: Settings) -> None:
    # given a hash made with the library's old defaults
    legacy = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash(PASSWORD)
    await Staff.filter(username="sh001.clerk").update(password_hash=legacy)

    # when
    await login(settings, "sh001.clerk", PASSWORD)

    # then
    row = await Staff.get(username="sh001.clerk")
    assert row.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert await passwords.verify_password(row.password_hash, PASSWORD) is True
