"""Sessions: opaque tokens stored hashed, expiring after the configured TTL, failing closed."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import timedelta
from typing import Any

import pytest

from server.access.models import Staff, StaffSession
from server.access.sessions import authenticate, login, logout
from server.config import Settings
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from tests.conftest import PASSWORD
from tests.server.audit.recorded import database_rows


async def test_session_row_holds_only_the_sha256_of_the_token(org: Any, settings: Settings) -> None:
    # when
    token, staff = await login(settings, "sh001.clerk", PASSWORD, ip="198.51.100.4")

    # then
    session = await StaffSession.get(staff_id=staff.id)
    assert session.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert session.ip == "198.51.100.4"
    rows = await database_rows()
    assert token not in repr(rows)


async def test_tokens_are_random_and_distinct_per_login(org: Any, settings: Settings) -> None:
    # when
    first, _ = await login(settings, "sh001.clerk", PASSWORD)
    second, _ = await login(settings, "sh001.clerk", PASSWORD)

    # then
    assert first != second
    assert len(first) >= 43  # 32 random bytes, url-safe base64


@pytest.mark.parametrize("ttl_hours", [0.5, 12.0, 72.0])
async def test_session_expiry_follows_the_configured_ttl(org: Any, settings: Settings, ttl_hours: float) -> None:
    # given
    configured = dataclasses.replace(settings, session_ttl_hours=ttl_hours)

    # when
    started = now()
    await login(configured, "sh001.clerk", PASSWORD)
    finished = now()

    # then
    session = await StaffSession.get(staff_id=org.staff["sh001.clerk"].id)
    assert started + timedelta(hours=ttl_hours) <= session.expires_at <= finished + timedelta(hours=ttl_hours)


async def test_authenticate_returns_the_actor_behind_a_live_token(org: Any, settings: Settings) -> None:
    # given
    token, staff = await login(settings, "sh001.clerk", PASSWORD)

    # when
    actor = await authenticate(token, ip="198.51.100.4")

    # then
    assert actor is not None
    session = await StaffSession.get(staff_id=staff.id)
    assert (actor.staff_id, actor.username, actor.region_id, actor.store_id) == (
        staff.id,
        "sh001.clerk",
        org.regions["EAST"].id,
        org.stores["SH001"].id,
    )
    assert (actor.ip, actor.session_id) == ("198.51.100.4", session.id)


async def test_authenticate_refuses_an_expired_session(org: Any, settings: Settings) -> None:
    # given
    token, staff = await login(settings, "sh001.clerk", PASSWORD)
    await StaffSession.filter(staff_id=staff.id).update(expires_at=now() - timedelta(seconds=1))

    # when
    actor = await authenticate(token)

    # then
    assert actor is None


async def test_authenticate_refuses_a_revoked_session(org: Any, settings: Settings) -> None:
    # given
    token, _ = await login(settings, "sh001.clerk", PASSWORD)
    actor = await authenticate(token)
    assert actor is not None
    await logout(actor)

    # when
    after_logout = await authenticate(token)

    # then
    assert after_logout is None
    session = await StaffSession.get(id=actor.session_id)
    assert session.revoked_at is not None


async def test_authenticate_refuses_a_deactivated_account_with_a_live_session(org: Any, settings: Settings) -> None:
    # given
    token, staff = await login(settings, "sh001.clerk", PASSWORD)
    await Staff.filter(id=staff.id).update(is_active=False)

    # when
    actor = await authenticate(token)

    # then
    assert actor is None


async def test_authenticate_refuses_an_unknown_token(org: Any, settings: Settings) -> None:
    # given
    token, _ = await login(settings, "sh001.clerk", PASSWORD)

    # when
    actor = await authenticate(token[:-1] + ("A" if token[-1] != "A" else "B"))

    # then
    assert actor is None


async def test_lock_lasts_the_configured_minutes(org: Any, settings: Settings) -> None:
    # given
    for _ in range(settings.login_max_failures - 1):
        with pytest.raises(DomainError):
            await login(settings, "sh001.clerk", "wrong-password")

    # when
    started = now()
    with pytest.raises(DomainError) as raised:
        await login(settings, "sh001.clerk", "wrong-password")
    finished = now()

    # then
    assert raised.value.code is ErrorCode.ACCOUNT_LOCKED
    staff = await Staff.get(username="sh001.clerk")
    lock = timedelta(minutes=settings.login_lock_minutes)
    assert settings.login_lock_minutes == 15
    assert staff.locked_until is not None
    assert started + lock <= staff.locked_until <= finished + lock
    assert staff.failed_logins == 0
