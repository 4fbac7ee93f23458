"""Partner apps' API keys (POS, ERP, e-shops): HQ issues a key with a role, a scope, the fields it
may read and a request rate.

A client acts through its own staff identity (kind API_CLIENT: no password, not in the staff list),
so everything that records who did what (ledger operations, audit entries) names the client, and
the role's permissions, org scoping and per-staff grants apply to it unchanged. Its key is a
session of that identity that does not lapse on the session timeout: authentication, revocation
and the live connections' checks are the sessions' own. The key is shown once; only its SHA-256
is stored (256-bit random keys need no slow hash), with a short prefix to tell keys apart.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from server.access.models import ApiClient, Staff, StaffKind, StaffSession
from server.access.policy import Actor, Permission, require
from server.access.services import (
    StaffScope,
    clean_permissions,
    resolve_scope,
    staff_snapshot,
)
from server.access.sessions import token_digest
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import invalid, not_found
from server.core.text import clean_text
from server.events.publishing import sessions_revoked

KEY_PREFIX = "tsk_"
SHOWN_PREFIX = 12
MAX_RATE = 100_000
DEFAULT_RATE = 600
# A key without an expiry date is valid until revoked; the session row needs a date all the same.
NO_EXPIRY = datetime(9999, 12, 31, tzinfo=now().tzinfo)
_COORDINATE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\.(\*|[A-Za-z_][A-Za-z0-9_]*)")

KnownField = Callable[[str, str], bool]
"""Whether the API has this type and field ("*": any field of the type)."""


@dataclass
class ApiClientSpec:
    name: str
    scope: StaffScope
    allowed_fields: list[str]
    rate_limit_per_minute: int = DEFAULT_RATE
    grants: list[str] | None = None
    withholds: list[str] | None = None
    expires_at: datetime | None = None


def _clean_fields(values: list[str], known: KnownField) -> list[str]:
    """Schema coordinates (`Member.phone`, `Mutation.consume`, `Member.*`), each one the API has."""
    cleaned = sorted({value.strip() for value in values})
    if not cleaned:
        raise invalid("allowedFields", "List at least one field the client may use.")
    for coordinate in cleaned:
        if not _COORDINATE.fullmatch(coordinate):
            raise invalid("allowedFields", f"{coordinate!r} is not Type.field or Type.*.")
        type_name, _, field_name = coordinate.partition(".")
        if not known(type_name, field_name):
            raise invalid("allowedFields", f"The API has no {coordinate}.")
    return cleaned


def _clean_rate(rate: int) -> int:
    if not 1 <= rate <= MAX_RATE:
        raise invalid("rateLimitPerMinute", f"The rate limit is 1-{MAX_RATE} requests a minute.")
    return rate


def _clean_expiry(expires_at: datetime | None) -> datetime:
    if expires_at is None:
        return NO_EXPIRY
    if expires_at <= now():
        raise invalid("expiresAt", "The key would expire before it is used.")
    return expires_at


def _snapshot(client: ApiClient, staff: Staff) -> dict[str, object]:
    return {
        **staff_snapshot(staff),
        "name": client.name,
        "key_prefix": client.key_prefix,
        "allowed_fields": client.allowed_fields,
        "rate_limit_per_minute": client.rate_limit_per_minute,
        "revoked": client.revoked_at is not None,
    }


async def _new_key(staff: Staff, expires_at: datetime) -> tuple[str, StaffSession]:
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    session = await StaffSession.create(token_hash=token_digest(key), staff=staff, expires_at=expires_at)
    return key, session


async def create_api_client(actor: Actor | None, spec: ApiClientSpec, known: KnownField) -> tuple[str, ApiClient]:
    """Returns (the key, shown this once; the client)."""
    actor = require(actor, Permission.MANAGE_STAFF)
    name = clean_text(spec.name, "name", max_length=100, required=True)
    fields = _clean_fields(spec.allowed_fields, known)
    rate = _clean_rate(spec.rate_limit_per_minute)
    expires_at = _clean_expiry(spec.expires_at)
    region_id, store_id = await resolve_scope(spec.scope)
    grants, withholds = clean_permissions(spec.grants, "grants"), clean_permissions(spec.withholds, "withholds")
    async with in_transaction():
        staff = await Staff.create(
            username=f"api.{secrets.token_hex(6)}",
            display_name=name,
            password_hash="!",
            kind=StaffKind.API_CLIENT,
            role=spec.scope.role,
            region_id=region_id,
            store_id=store_id,
            grants=grants,
            withholds=withholds,
        )
        key, session = await _new_key(staff, expires_at)
        client = await ApiClient.create(
            name=name,
            staff=staff,
            session=session,
            key_prefix=key[:SHOWN_PREFIX],
            allowed_fields=fields,
            rate_limit_per_minute=rate,
            created_by_id=actor.staff_id,
        )
        await audit.record(actor, "api_client.create", "ApiClient", client.id, None, _snapshot(client, staff))
    return key, client


async def _client_for_change(client_id: int) -> tuple[ApiClient, Staff]:
    client = await ApiClient.get_or_none(id=client_id).select_for_update()
    if client is None:
        raise not_found("ApiClient", "id")
    if client.revoked_at is not None:
        raise invalid("id", "This API client is revoked.")
    return client, await Staff.get(id=client.staff_id)


async def update_api_client(
    actor: Actor | None,
    client_id: int,
    known: KnownField,
    *,
    name: str | None = None,
    allowed_fields: list[str] | None = None,
    rate_limit_per_minute: int | None = None,
    grants: list[str] | None = None,
    withholds: list[str] | None = None,
) -> ApiClient:
    """Changes take effect on the client's next request (its key stays the same); a narrower
    permission set also ends its live connections' next check."""
    require(actor, Permission.MANAGE_STAFF)
    async with in_transaction():
        client, staff = await _client_for_change(client_id)
        before = _snapshot(client, staff)
        if name is not None:
            client.name = staff.display_name = clean_text(name, "name", max_length=100, required=True)
        if allowed_fields is not None:
            client.allowed_fields = _clean_fields(allowed_fields, known)
        if rate_limit_per_minute is not None:
            client.rate_limit_per_minute = _clean_rate(rate_limit_per_minute)
        if grants is not None:
            staff.grants = clean_permissions(grants, "grants")
        if withholds is not None:
            staff.withholds = clean_permissions(withholds, "withholds")
        await client.save()
        await staff.save()
        await audit.record(
            actor, "api_client.update", "ApiClient", client.id, *audit.changed_only(before, _snapshot(client, staff))
        )
    return client


async def rotate_api_client_key(
    actor: Actor | None, client_id: int, expires_at: datetime | None = None
) -> tuple[str, ApiClient]:
    """A new key for the client; the old one stops working at once."""
    require(actor, Permission.MANAGE_STAFF)
    expiry = _clean_expiry(expires_at)
    async with in_transaction():
        client, staff = await _client_for_change(client_id)
        await StaffSession.filter(id=client.session_id, revoked_at=None).update(revoked_at=now())
        key, session = await _new_key(staff, expiry)
        before = {"key_prefix": client.key_prefix}
        client.session_id, client.key_prefix = session.id, key[:SHOWN_PREFIX]
        await client.save()
        await audit.record(
            actor, "api_client.rotate_key", "ApiClient", client.id, before, {"key_prefix": client.key_prefix}
        )
    await sessions_revoked()
    return key, client


async def revoke_api_client(actor: Actor | None, client_id: int) -> ApiClient:
    """Ends the client: its key is refused from the next request, its live connections are closed."""
    require(actor, Permission.MANAGE_STAFF)
    async with in_transaction():
        client, staff = await _client_for_change(client_id)
        before = _snapshot(client, staff)
        client.revoked_at = now()
        staff.is_active = False
        await client.save()
        await staff.save()
        await StaffSession.filter(staff_id=staff.id, revoked_at=None).update(revoked_at=client.revoked_at)
        await audit.record(
            actor, "api_client.revoke", "ApiClient", client.id, *audit.changed_only(before, _snapshot(client, staff))
        )
    await sessions_revoked()
    return client


async def api_clients(actor: Actor | None) -> list[ApiClient]:
    """Every client, newest first, with its identity (role and scope) and key loaded."""
    require(actor, Permission.MANAGE_STAFF)
    return await ApiClient.all().order_by("-id").prefetch_related("staff", "session")
