"""updateStaff: HQ changes accounts; re-scoping (to a different role, region or store), deactivating
or a new password ends their sessions."""

from __future__ import annotations

from typing import Any

import pytest

from server.access.models import Role, Staff, StaffSession
from server.access.services import StaffScope, update_staff
from server.core.errors import DomainError, ErrorCode
from tests.conftest import PASSWORD, Api
from tests.schema.access.conftest import ME, UPDATE_STAFF, gid
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


async def _update(client: Api, org: Any, username: str, **changes: Any) -> dict[str, Any]:
    body = await client(UPDATE_STAFF, id=gid("Staff", org.staff[username].id), input=changes)
    return body["data"]["updateStaff"]


async def _live_sessions(org: Any, username: str) -> int:
    return await StaffSession.filter(staff_id=org.staff[username].id, revoked_at=None).count()


async def test_renaming_is_audited_with_only_the_changed_field(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    mark = await audit_mark()

    # when
    payload = await _update(hq, org, "sh001.clerk", displayName="王店员")

    # then
    assert payload["errors"] == []
    assert payload["staff"]["displayName"] == "王店员"
    [entry] = await entries_since(mark)
    target = ("staff.update", "Staff", str(org.staff["sh001.clerk"].id))
    assert (entry.action, entry.target_type, entry.target_id) == target
    assert (entry.actor_name, entry.role, entry.ip) == ("hq.admin", "HQ", "203.0.113.7")
    assert (entry.before, entry.after) == ({"display_name": ""}, {"display_name": "王店员"})
    assert (await clerk("{ me { displayName } }"))["data"]["me"] == {"displayName": "王店员"}


async def test_rescoping_revokes_the_account_sessions(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    mark = await audit_mark()

    # when
    payload = await _update(
        hq, org, "sh001.clerk", scope={"role": "STORE", "storeId": gid("Store", org.stores["CD001"].id)}
    )

    # then
    assert payload["errors"] == []
    assert (payload["staff"]["region"], payload["staff"]["store"]) == ({"code": "WEST"}, {"code": "CD001"})
    assert await clerk(ME) == {"data": {"me": None}}
    assert await _live_sessions(org, "sh001.clerk") == 0
    assert await _live_sessions(org, "hq.admin") == 1
    [entry] = await entries_since(mark)
    assert (entry.before, entry.after) == (
        {"region_id": org.regions["EAST"].id, "store_id": org.stores["SH001"].id},
        {"region_id": org.regions["WEST"].id, "store_id": org.stores["CD001"].id},
    )
    again = await api.login("sh001.clerk")
    assert (await again("{ me { store { code } } }"))["data"]["me"] == {"store": {"code": "CD001"}}


async def test_saving_the_scope_an_account_already_has_keeps_it_signed_in(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")

    # when HQ saves the clerk's role and store unchanged (the console's dialog sends the scope)
    payload = await _update(
        hq, org, "sh001.clerk", scope={"role": "STORE", "storeId": gid("Store", org.stores["SH001"].id)}
    )

    # then
    assert payload["errors"] == []
    assert await _live_sessions(org, "sh001.clerk") == 1
    assert (await clerk("{ me { store { code } } }"))["data"]["me"] == {"store": {"code": "SH001"}}


async def test_promoting_to_region_manager_changes_role_and_scope(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    payload = await _update(
        hq, org, "sh001.clerk", scope={"role": "REGION", "regionId": gid("Region", org.regions["EAST"].id)}
    )

    # then
    assert payload["errors"] == []
    staff = payload["staff"]
    assert (staff["role"], staff["region"], staff["store"]) == ("REGION", {"code": "EAST"}, None)
    assert staff["permissions"] == ["CARD_OPS", "EXPORT", "MANAGE_CAMPAIGNS", "MANAGE_MEMBERS", "MANAGE_SEGMENTS", "TAG_MEMBERS"]


async def test_deactivating_revokes_sessions_and_blocks_login(api: Api, org: Any, login: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")

    # when
    payload = await _update(hq, org, "sh001.clerk", isActive=False)

    # then
    assert payload["errors"] == []
    assert payload["staff"]["isActive"] is False
    assert await clerk(ME) == {"data": {"me": None}}
    assert await _live_sessions(org, "sh001.clerk") == 0
    assert (await login("sh001.clerk", PASSWORD))["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_reactivated_account_can_sign_in_again(api: Api, org: Any, login: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    await _update(hq, org, "sh001.clerk", isActive=False)

    # when
    payload = await _update(hq, org, "sh001.clerk", isActive=True)

    # then
    assert payload["staff"]["isActive"] is True
    assert (await login("sh001.clerk", PASSWORD))["errors"] == []


async def test_new_password_revokes_sessions_and_replaces_the_old_one(api: Api, org: Any, login: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    old_hash = (await Staff.get(username="sh001.clerk")).password_hash
    mark = await audit_mark()

    # when
    payload = await _update(hq, org, "sh001.clerk", password="a-brand-new-secret")

    # then
    assert payload["errors"] == []
    [entry] = await entries_since(mark)
    assert (entry.before, entry.after) == ({"password": None}, {"password": "changed"})
    assert (await Staff.get(username="sh001.clerk")).password_hash != old_hash
    assert await clerk(ME) == {"data": {"me": None}}
    assert (await login("sh001.clerk", PASSWORD))["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert (await login("sh001.clerk", "a-brand-new-secret"))["errors"] == []


async def test_new_password_lifts_a_lock(api: Api, org: Any, login: Any) -> None:
    # given
    for _ in range(5):
        await login("sh001.clerk", "wrong-password")
    hq = await api.login("hq.admin")

    # when
    await _update(hq, org, "sh001.clerk", password="a-brand-new-secret")

    # then
    assert (await login("sh001.clerk", "a-brand-new-secret"))["errors"] == []


async def test_grants_and_withholds_apply_to_live_sessions(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")

    # when
    payload = await _update(hq, org, "sh001.clerk", grants=["EXPORT"], withholds=["RECHARGE"])

    # then
    assert payload["errors"] == []
    me = (await clerk("{ me { grants withholds permissions } }"))["data"]["me"]
    assert me == {
        "grants": ["EXPORT"],
        "withholds": ["RECHARGE"],
        "permissions": ["CARD_OPS", "EXPORT", "MANAGE_CAMPAIGNS", "MANAGE_MEMBERS", "MANAGE_SEGMENTS", "REFUND", "RESET_PIN", "TAG_MEMBERS"],
    }


async def test_withhold_wins_over_a_grant_of_the_same_operation(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    payload = await _update(hq, org, "east.manager", grants=["RECHARGE", "ADJUST"], withholds=["RECHARGE", "EXPORT"])

    # then
    assert payload["staff"]["permissions"] == ["ADJUST", "CARD_OPS", "MANAGE_CAMPAIGNS", "MANAGE_MEMBERS", "MANAGE_SEGMENTS", "TAG_MEMBERS"]


async def test_changing_permissions_keeps_the_account_signed_in(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    await api.login("sh001.clerk")

    # when
    await _update(hq, org, "sh001.clerk", grants=["ADJUST"])

    # then
    assert await _live_sessions(org, "sh001.clerk") == 1


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"grants": ["VIEW_AUDIT"]}, {"field": ["grants"], "code": "INVALID"}),
        ({"withholds": ["MANAGE_ORG"]}, {"field": ["withholds"], "code": "INVALID"}),
        ({"password": "short"}, {"field": ["password"], "code": "INVALID"}),
        ({"displayName": "x" * 101}, {"field": ["displayName"], "code": "INVALID"}),
        ({"scope": {"role": "STORE"}}, {"field": ["storeId"], "code": "INVALID"}),
        (
            {"scope": {"role": "REGION", "regionId": gid("Region", 9999)}},
            {"field": ["regionId"], "code": "NOT_FOUND"},
        ),
    ],
    ids=["grant-role-permission", "withhold-role-permission", "weak-password", "long-name", "scope", "region"],
)
async def test_rejected_change_changes_nothing_and_keeps_sessions(
    api: Api, org: Any, changes: dict[str, Any], error: dict[str, Any]
) -> None:
    # given
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    before = await database_rows()

    # when
    payload = await _update(hq, org, "sh001.clerk", isActive=False, **changes)

    # then
    assert payload["staff"] is None
    assert [{"field": e["field"], "code": e["code"]} for e in payload["errors"]] == [error]
    assert await database_rows() == before
    assert (await clerk("{ me { username } }"))["data"]["me"] == {"username": "sh001.clerk"}


async def test_unknown_staff_is_not_found(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(UPDATE_STAFF, id=gid("Staff", 9999), input={"displayName": "x"})

    # then
    assert body["data"]["updateStaff"] == {
        "staff": None,
        "errors": [{"field": ["id"], "code": "NOT_FOUND", "message": "Staff not found."}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize(("username", "target"), [("east.manager", "sh001.clerk"), ("sh001.clerk", "sh001.clerk")])
async def test_region_and_store_staff_may_not_update_staff(api: Api, org: Any, username: str, target: str) -> None:
    # given
    client = await api.login(username)
    before = await database_rows()

    # when
    payload = await _update(client, org, target, grants=["ADJUST"], isActive=False)

    # then
    assert payload == {
        "staff": None,
        "errors": [{"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage staff."}],
    }
    assert await database_rows() == before



@pytest.mark.parametrize(
    "change",
    [{"is_active": False}, {"scope": StaffScope(Role.STORE, store_id=None)}],
    ids=["deactivate", "demote"],
)
async def test_the_last_active_hq_account_cannot_be_deactivated_or_demoted(org: Any, change: dict[str, Any]) -> None:
    target = org.staff["hq.admin"]
    if "scope" in change:
        change = {"scope": StaffScope(Role.STORE, store_id=org.stores["SH001"].id)}

    with pytest.raises(DomainError) as caught:
        await update_staff(org.actors["hq.admin"], target.id, **change)

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["id"])
    stored = await Staff.get(id=target.id)
    assert (stored.is_active, stored.role) == (True, Role.HQ)
