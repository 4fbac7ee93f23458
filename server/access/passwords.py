"""argon2id password hashing at OWASP's minimum parameters, off the event loop.

The library defaults (64 MiB, t=3, p=4) cost ~160 ms a hash here; OWASP's m=19 MiB, t=2, p=1
costs ~24 ms. Hashing runs in a small dedicated pool so a burst of logins queues there instead
of blocking the event loop or taking every thread the ORM may need.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_pool = ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1), thread_name_prefix="argon2")
# Verified when the username is unknown, so timing does not tell which usernames exist.
_DUMMY_HASH = _hasher.hash("tessera-timing-equaliser")

MIN_PASSWORD_LENGTH = 8


async def hash_password(password: str) -> str:
    return await asyncio.get_running_loop().run_in_executor(_pool, _hasher.hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(password_hash: str | None, password: str) -> bool:
    target = password_hash or _DUMMY_HASH
    ok = await asyncio.get_running_loop().run_in_executor(_pool, _verify, target, password)
    return ok and password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
