"""createStaff: HQ opens accounts whose scope matches their role; nobody else may."""

from __future__ import annotations

from typing import Any

import pytest

from server.access.models import Staff
from tests.conftest import Api
from tests.schema.access.conftest import CREATE_STAFF, gid
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


def _scope(org: Any, role: str, region: str | None = None, store: str | None = None) -> dict[str, Any]:
    scope: dict[str, Any] = {"role": role}
    if region:
        scope["regionId"] = gid("Region", org.regions[region].id)
    if store:
        scope["storeId"] = gid("Store", org.stores[store].id)
    return scope


def _input(org: Any, username: str = "sh002.clerk", **scope: str) -> dict[str, Any]:
    return {
        "username": username,
        "password": "a-long-password",
        "scope": _scope(org, **(scope or {"role": "STORE", "store": "SH002"})),
    }


@pytest.mark.parametrize(
    ("scope", "region", "store"),
    [
        ({"role": "HQ"}, None, None),
        ({"role": "REGION", "region": "WEST"}, "WEST", None),
        ({"role": "STORE", "store": "SH002"}, "EAST", "SH002"),
    ],
    ids=["HQ", "REGION", "STORE"],
)
async def test_hq_creates_an_account_for_each_role(
    api: Api, org: Any, scope: dict[str, str], region: str | None, store: str | None
) -> None:
    # given
    hq = await api.login("hq.admin")
    mark = await audit_mark()

    # when
    body = await hq(CREATE_STAFF, input={**_input(org, "new.person", **scope), "displayName": " 新同事 "})

    # then
    payload = body["data"]["createStaff"]
    assert payload["errors"] == []
    created = await Staff.get(username="new.person")
    assert payload["staff"]["id"] == gid("Staff", created.id)
    assert (payload["staff"]["username"], payload["staff"]["displayName"], payload["staff"]["role"]) == (
        "new.person",
        "新同事",
        scope["role"],
    )
    assert payload["staff"]["region"] == ({"code": region} if region else None)
    assert payload["staff"]["store"] == ({"code": store} if store else None)
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_type, entry.target_id) == ("staff.create", "Staff", str(created.id))
    assert (entry.actor_name, entry.role, entry.ip, entry.before) == ("hq.admin", "HQ", "203.0.113.7", None)
    assert entry.after == {
        "username": "new.person",
        "display_name": "新同事",
        "role": scope["role"],
        "region_id": org.regions[region].id if region else None,
        "store_id": org.stores[store].id if store else None,
        "is_active": True,
        "grants": [],
        "withholds": [],
    }


async def test_new_account_can_sign_in_with_its_password(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    await hq(CREATE_STAFF, input=_input(org))

    # when
    clerk = await api.login("sh002.clerk", "a-long-password")

    # then
    body = await clerk("{ me { username store { code } } }")
    assert body == {"data": {"me": {"username": "sh002.clerk", "store": {"code": "SH002"}}}}


@pytest.mark.parametrize(
    ("scope", "field", "message"),
    [
        ({"role": "REGION"}, "regionId", "REGION staff need a region."),
        ({"role": "REGION", "region": "EAST", "store": "SH001"}, "storeId", "REGION staff have no store."),
        ({"role": "STORE"}, "storeId", "STORE staff need a store."),
        (
            {"role": "STORE", "region": "WEST", "store": "SH001"},
            "regionId",
            "A STORE account's region is its store's region.",
        ),
        ({"role": "HQ", "region": "EAST"}, "regionId", "HQ staff have no region."),
        ({"role": "HQ", "store": "SH001"}, "storeId", "HQ staff have no store."),
    ],
    ids=[
        "region-without-region",
        "region-with-store",
        "store-without-store",
        "store-in-other-region",
        "hq-with-region",
        "hq-with-store",
    ],
)
async def test_scope_must_match_the_role(
    api: Api, org: Any, scope: dict[str, str], field: str, message: str
) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_STAFF, input=_input(org, **scope))

    # then
    assert body["data"]["createStaff"] == {
        "staff": None,
        "errors": [{"field": [field], "code": "INVALID", "message": message}],
    }
    assert await database_rows() == before


async def test_store_account_may_name_its_own_region(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(CREATE_STAFF, input=_input(org, role="STORE", region="EAST", store="SH002"))

    # then
    assert body["data"]["createStaff"]["errors"] == []
    assert body["data"]["createStaff"]["staff"]["region"] == {"code": "EAST"}


@pytest.mark.parametrize(
    ("scope_id", "field", "code", "message"),
    [
        ({"regionId": gid("Region", 9999)}, "regionId", "NOT_FOUND", "Region not found."),
        ({"storeId": gid("Store", 9999)}, "storeId", "NOT_FOUND", "Store not found."),
        ({"regionId": gid("Store", 1)}, "regionId", "INVALID", "Not a Region ID."),
    ],
    ids=["unknown-region", "unknown-store", "store-id-as-region-id"],
)
async def test_scope_must_name_an_existing_region_or_store(
    api: Api, org: Any, scope_id: dict[str, str], field: str, code: str, message: str
) -> None:
    # given
    hq = await api.login("hq.admin")
    role = "REGION" if "regionId" in scope_id else "STORE"
    before = await database_rows()

    # when
    body = await hq(CREATE_STAFF, input={**_input(org), "scope": {"role": role, **scope_id}})

    # then
    assert body["data"]["createStaff"] == {
        "staff": None,
        "errors": [{"field": [field], "code": code, "message": message}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize("username", ["sh001.clerk", "SH001.Clerk"])
async def test_taken_username_is_duplicate(api: Api, org: Any, username: str) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_STAFF, input=_input(org, username))

    # then
    assert body["data"]["createStaff"] == {
        "staff": None,
        "errors": [{"field": ["username"], "code": "DUPLICATE", "message": "Username sh001.clerk is taken."}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize("password", ["", "short", "1234567", "x" * 257])
async def test_weak_password_is_invalid(api: Api, org: Any, password: str) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_STAFF, input={**_input(org), "password": password})

    # then
    assert body["data"]["createStaff"] == {
        "staff": None,
        "errors": [{"field": ["password"], "code": "INVALID", "message": "Passwords are 8-256 characters."}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize("username", ["ab", "has space", "-leading", "中文名", "x" * 65])
async def test_malformed_username_is_invalid(api: Api, org: Any, username: str) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_STAFF, input=_input(org, username))

    # then
    assert body["data"]["createStaff"]["staff"] is None
    assert [(e["field"], e["code"]) for e in body["data"]["createStaff"]["errors"]] == [(["username"], "INVALID")]
    assert await database_rows() == before


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_may_not_create_staff(api: Api, org: Any, username: str) -> None:
    # given
    client = await api.login(username)
    before = await database_rows()

    # when
    body = await client(CREATE_STAFF, input=_input(org))

    # then
    assert body["data"]["createStaff"] == {
        "staff": None,
        "errors": [{"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage staff."}],
    }
    assert await database_rows() == before


async def test_grants_and_withholds_set_the_new_account_permissions(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(CREATE_STAFF, input={**_input(org), "grants": ["EXPORT", "ADJUST"], "withholds": ["REFUND"]})

    # then
    staff = body["data"]["createStaff"]["staff"]
    assert (staff["grants"], staff["withholds"]) == (["ADJUST", "EXPORT"], ["REFUND"])
    assert staff["permissions"] == ["ADJUST", "CARD_OPS", "EXPORT", "MANAGE_CAMPAIGNS", "MANAGE_MEMBERS", "MANAGE_SEGMENTS", "RECHARGE", "RESET_PIN", "TAG_MEMBERS"]


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"grants": ["MANAGE_STAFF"]}, "grants", "MANAGE_STAFF is a role permission and can't be granted or withheld."),
        (
            {"withholds": ["MANAGE_MEMBERS"]},
            "withholds",
            "MANAGE_MEMBERS is a role permission and can't be granted or withheld.",
        ),
    ],
    ids=["grant", "withhold"],
)
async def test_only_sensitive_operations_can_be_granted_or_withheld(
    api: Api, org: Any, extra: dict[str, list[str]], field: str, message: str
) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_STAFF, input={**_input(org), **extra})

    # then
    assert body["data"]["createStaff"] == {
        "staff": None,
        "errors": [{"field": [field], "code": "INVALID", "message": message}],
    }
    assert await database_rows() == before
