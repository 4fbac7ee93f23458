"""API clients: keys stored hashed, an identity of their own, validated settings, rotation and
revocation taking effect at once."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import pytest

from server.access import api_clients
from server.access.api_clients import ApiClientSpec
from server.access.models import ApiClient, Role, Staff, StaffKind, StaffSession
from server.access.policy import Permission
from server.access.services import StaffScope, update_staff
from server.access.sessions import authenticate, login
from server.audit.models import AuditEntry
from server.config import Settings
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from tests.conftest import Org
from tests.server.audit.recorded import database_rows

KNOWN = {("Query", "memberLookup"), ("Member", "name"), ("Member", "*"), ("Mutation", "consume")}


def known(type_name: str, field_name: str) -> bool:
    return (type_name, field_name) in KNOWN


def pos_spec(org: Org, **changes: Any) -> ApiClientSpec:
    spec: dict[str, Any] = {
        "name": "POS 上海一店",
        "scope": StaffScope(Role.STORE, store_id=org.stores["SH001"].id),
        "allowed_fields": ["Query.memberLookup", "Member.name", "Mutation.consume"],
        "rate_limit_per_minute": 120,
    }
    return ApiClientSpec(**{**spec, **changes})


async def test_the_key_is_shown_once_and_stored_only_as_its_sha256(org: Org) -> None:
    # when
    key, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)

    # then
    assert key.startswith("tsk_") and len(key) >= 47
    session = await StaffSession.get(id=client.session_id)
    assert session.token_hash == hashlib.sha256(key.encode()).hexdigest()
    assert client.key_prefix == key[:12]
    assert key not in repr(await database_rows())


async def test_a_client_acts_as_its_own_identity_with_its_role_scope_and_limits(org: Org) -> None:
    # given
    key, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org, grants=["EXPORT"]), known)

    # when
    actor = await authenticate(key, ip="198.51.100.9")

    # then
    assert actor is not None
    identity = await Staff.get(id=client.staff_id)
    assert identity.kind == StaffKind.API_CLIENT and identity.display_name == "POS 上海一店"
    assert (actor.staff_id, actor.role, actor.store_id) == (identity.id, Role.STORE, org.stores["SH001"].id)
    assert actor.region_id == org.regions["EAST"].id
    assert actor.api_client_id == client.id
    assert actor.allowed_fields == frozenset({"Member.name", "Mutation.consume", "Query.memberLookup"})
    assert actor.rate_limit_per_minute == 120
    assert actor.can(Permission.EXPORT)
    assert actor.ip == "198.51.100.9"


async def test_staff_sessions_carry_no_allowlist(org: Org, settings: Settings) -> None:
    # given
    token, _ = await login(settings, "sh001.clerk", "correct-horse-42")

    # when
    actor = await authenticate(token)

    # then
    assert actor is not None and actor.api_client_id is None and actor.allowed_fields is None


async def test_the_identity_cannot_sign_in_with_a_password(org: Org, settings: Settings) -> None:
    # given
    _, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)
    identity = await Staff.get(id=client.staff_id)

    # when / then: not even with the hasher's timing-equaliser password or the stored placeholder
    for password in ("tessera-timing-equaliser", "!", ""):
        with pytest.raises(DomainError) as refused:
            await login(settings, identity.username, password)
        assert refused.value.code is ErrorCode.INVALID_CREDENTIALS


async def test_creation_is_audited_without_the_key(org: Org) -> None:
    # when
    key, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)

    # then
    entry = await AuditEntry.get(action="api_client.create")
    assert entry.actor_name == "hq.admin" and entry.target_id == str(client.id)
    assert entry.after is not None and entry.after["allowed_fields"] == [
        "Member.name",
        "Mutation.consume",
        "Query.memberLookup",
    ]
    assert entry.after["role"] == "STORE" and entry.after["rate_limit_per_minute"] == 120
    assert key not in repr(entry.after)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "required"),
        ({"allowed_fields": []}, "allowedFields", "at least one"),
        ({"allowed_fields": ["Member"]}, "allowedFields", "not Type.field"),
        ({"allowed_fields": ["Member.secret"]}, "allowedFields", "no Member.secret"),
        ({"rate_limit_per_minute": 0}, "rateLimitPerMinute", "1-100000"),
        ({"rate_limit_per_minute": 100_001}, "rateLimitPerMinute", "1-100000"),
        ({"expires_at": now() - timedelta(minutes=1)}, "expiresAt", "expire"),
        ({"scope": StaffScope(Role.STORE)}, "storeId", "need a store"),
        ({"grants": ["MANAGE_STAFF"]}, "grants", "role permission"),
    ],
)
async def test_bad_settings_are_refused_naming_the_field_and_create_nothing(
    org: Org, changes: dict[str, Any], field: str, message: str
) -> None:
    # when
    with pytest.raises(DomainError) as refused:
        await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org, **changes), known)

    # then
    assert refused.value.code is ErrorCode.INVALID and refused.value.field == [field]
    assert message in refused.value.message
    assert await ApiClient.all().count() == 0
    assert await Staff.filter(kind=StaffKind.API_CLIENT).count() == 0


async def test_only_staff_managers_issue_change_and_revoke_clients(org: Org) -> None:
    # given
    clerk = org.actors["sh001.clerk"]
    _, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)

    # when / then
    calls = [
        api_clients.create_api_client(clerk, pos_spec(org), known),
        api_clients.update_api_client(clerk, client.id, known, rate_limit_per_minute=5),
        api_clients.rotate_api_client_key(clerk, client.id),
        api_clients.revoke_api_client(clerk, client.id),
        api_clients.api_clients(clerk),
    ]
    for call in calls:
        with pytest.raises(DomainError) as refused:
            await call
        assert refused.value.code is ErrorCode.PERMISSION_DENIED
    assert (await ApiClient.get(id=client.id)).rate_limit_per_minute == 120


async def test_changes_apply_to_the_next_request_with_the_same_key(org: Org) -> None:
    # given
    key, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)

    # when
    await api_clients.update_api_client(
        org.actors["hq.admin"],
        client.id,
        known,
        name="POS 2",
        allowed_fields=["Member.*"],
        rate_limit_per_minute=7,
        withholds=["REFUND"],
    )

    # then
    actor = await authenticate(key)
    assert actor is not None
    assert actor.allowed_fields == frozenset({"Member.*"}) and actor.rate_limit_per_minute == 7
    assert not actor.can(Permission.REFUND)
    assert (await Staff.get(id=client.staff_id)).display_name == "POS 2"
    entry = await AuditEntry.get(action="api_client.update")
    assert entry.before == {
        "name": "POS 上海一店",
        "display_name": "POS 上海一店",
        "allowed_fields": ["Member.name", "Mutation.consume", "Query.memberLookup"],
        "rate_limit_per_minute": 120,
        "withholds": [],
    }


async def test_a_rotated_key_replaces_the_old_one_at_once(org: Org) -> None:
    # given
    old, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)

    # when
    new, rotated = await api_clients.rotate_api_client_key(org.actors["hq.admin"], client.id)

    # then
    assert await authenticate(old) is None
    actor = await authenticate(new)
    assert actor is not None and actor.api_client_id == client.id and actor.staff_id == client.staff_id
    assert rotated.key_prefix == new[:12] != old[:12]
    assert await AuditEntry.filter(action="api_client.rotate_key").count() == 1


async def test_a_revoked_client_is_refused_and_stays_revoked(org: Org) -> None:
    # given
    key, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)

    # when
    revoked = await api_clients.revoke_api_client(org.actors["hq.admin"], client.id)

    # then
    assert revoked.revoked_at is not None
    assert await authenticate(key) is None
    assert not (await Staff.get(id=client.staff_id)).is_active
    for call in (
        api_clients.revoke_api_client(org.actors["hq.admin"], client.id),
        api_clients.rotate_api_client_key(org.actors["hq.admin"], client.id),
        api_clients.update_api_client(org.actors["hq.admin"], client.id, known, rate_limit_per_minute=1),
    ):
        with pytest.raises(DomainError) as refused:
            await call
        assert refused.value.code is ErrorCode.INVALID
    assert await authenticate(key) is None


async def test_a_key_with_an_expiry_works_until_then(org: Org) -> None:
    # given
    key, client = await api_clients.create_api_client(
        org.actors["hq.admin"], pos_spec(org, expires_at=now() + timedelta(days=30)), known
    )
    assert await authenticate(key) is not None

    # when
    await StaffSession.filter(id=client.session_id).update(expires_at=now() - timedelta(seconds=1))

    # then
    assert await authenticate(key) is None


async def test_an_hq_client_does_not_count_as_an_hq_manager(org: Org) -> None:
    # given: the only HQ person, and an HQ API client
    await api_clients.create_api_client(
        org.actors["hq.admin"], pos_spec(org, scope=StaffScope(Role.HQ), allowed_fields=["Member.*"]), known
    )

    # when / then
    with pytest.raises(DomainError) as refused:
        await update_staff(org.actors["hq.admin"], org.staff["hq.admin"].id, is_active=False)
    assert refused.value.code is ErrorCode.INVALID


async def test_an_api_identity_is_not_a_staff_account_to_update(org: Org) -> None:
    # given
    _, client = await api_clients.create_api_client(org.actors["hq.admin"], pos_spec(org), known)

    # when / then
    with pytest.raises(DomainError) as refused:
        await update_staff(org.actors["hq.admin"], client.staff_id, is_active=False)
    assert refused.value.code is ErrorCode.NOT_FOUND
