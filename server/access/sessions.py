"""Login, logout and token authentication.

Tokens are 256-bit random strings handed out once; only their SHA-256 is stored, so a database
leak yields no usable token. After `login_max_failures` wrong passwords an account is locked for
`login_lock_minutes`.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server.access.models import Role, Staff, StaffKind, StaffSession
from server.access.passwords import hash_password, needs_rehash, verify_password
from server.access.policy import Actor, effective_permissions
from server.audit import services as audit
from server.config import Settings
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.core.sql import fetch_one, sql
from server.events.publishing import sessions_revoked


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def actor_for(staff: Staff, *, ip: str = "", session_id: int | None = None) -> Actor:
    return Actor(
        staff_id=staff.id,
        username=staff.username,
        role=Role(staff.role),
        region_id=staff.region_id,
        store_id=staff.store_id,
        permissions=effective_permissions(Role(staff.role), staff.grants, staff.withholds),
        ip=ip,
        session_id=session_id,
    )


# Every request authenticates: one hand-written join costs about a third of the ORM's
# select_related (query building and model construction dominate at this size). An API client's
# key is a session of its identity (`server.access.api_clients`), joined on its index.
SESSION_ACTOR = """
SELECT s.id AS session_id, t.id, t.username, t.role, t.region_id, t.store_id, t.grants, t.withholds,
    c.id AS api_client_id, c.allowed_fields, c.rate_limit_per_minute
FROM staff_session s JOIN staff t ON t.id = s.staff_id LEFT JOIN api_client c ON c.session_id = s.id
WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND t.is_active
"""


def _json_list(value: str | list[str]) -> list[str]:
    """JSON columns arrive decoded or as text, depending on the driver."""
    return json.loads(value) if isinstance(value, str) else value


_BAD_CREDENTIALS = DomainError(ErrorCode.INVALID_CREDENTIALS, "Wrong username or password.")


async def login(settings: Settings, username: str, password: str, *, ip: str = "") -> tuple[str, Staff]:
    """Returns (token, staff) or raises INVALID_CREDENTIALS / ACCOUNT_LOCKED.

    Usernames are stored lower-case, so the name is matched the way it was created."""
    staff = await Staff.get_or_none(username=username.strip().lower(), kind=StaffKind.PERSON)
    if staff is not None and staff.locked_until is not None and staff.locked_until > now():
        raise DomainError(ErrorCode.ACCOUNT_LOCKED, "Too many wrong passwords; try again later.")
    ok = await verify_password(staff.password_hash if staff else None, password)
    if staff is None or not staff.is_active:
        raise _BAD_CREDENTIALS
    if not ok:
        await _count_failure(settings, staff, ip)
        raise _BAD_CREDENTIALS
    if needs_rehash(staff.password_hash):
        staff.password_hash = await hash_password(password)
    staff.failed_logins = 0
    staff.locked_until = None
    await staff.save(update_fields=["failed_logins", "locked_until", "password_hash"])
    token = secrets.token_urlsafe(32)
    session = await StaffSession.create(
        token_hash=token_digest(token),
        staff=staff,
        expires_at=now() + timedelta(hours=settings.session_ttl_hours),
        ip=ip,
    )
    await audit.record(actor_for(staff, ip=ip, session_id=session.id), "staff.login", "Staff", staff.id)
    return token, staff


async def _count_failure(settings: Settings, staff: Staff, ip: str) -> None:
    """Counts with an atomic increment so parallel guesses can't slip past the limit; the lock is
    audited so HQ can see why an account can't sign in and where the guesses came from."""
    await Staff.filter(id=staff.id).update(failed_logins=F("failed_logins") + 1)
    failures = (await Staff.get(id=staff.id)).failed_logins
    if failures >= settings.login_max_failures:
        locked_until = now() + timedelta(minutes=settings.login_lock_minutes)
        async with in_transaction():
            await Staff.filter(id=staff.id).update(failed_logins=0, locked_until=locked_until)
            await audit.record(
                None, "staff.lock", "Staff", staff.id, None, {"locked_until": locked_until.isoformat()}, ip=ip
            )
        raise DomainError(ErrorCode.ACCOUNT_LOCKED, "Too many wrong passwords; try again later.")


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None."""
    scheme, _, token = (headers.get("authorization") or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def authenticate(token: str, *, ip: str = "") -> Actor | None:
    """The actor behind a bearer token (a staff session or an API client's key), or None when it is
    unknown, revoked or expired."""
    row = await fetch_one(sql(SESSION_ACTOR, token_digest(token), now()))
    if row is None:
        return None
    staff = Staff(
        id=row["id"],
        username=row["username"],
        role=Role(row["role"]),
        region_id=row["region_id"],
        store_id=row["store_id"],
        grants=_json_list(row["grants"]),
        withholds=_json_list(row["withholds"]),
    )
    actor = actor_for(staff, ip=ip, session_id=row["session_id"])
    if row["api_client_id"] is None:
        return actor
    return replace(
        actor,
        api_client_id=row["api_client_id"],
        allowed_fields=frozenset(_json_list(row["allowed_fields"])),
        rate_limit_per_minute=row["rate_limit_per_minute"],
    )


async def logout(actor: Actor) -> None:
    if actor.session_id is not None:
        await StaffSession.filter(id=actor.session_id, revoked_at=None).update(revoked_at=now())
        await audit.record(actor, "staff.logout", "Staff", actor.staff_id)
        await sessions_revoked()
