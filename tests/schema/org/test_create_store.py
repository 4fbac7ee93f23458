"""createStore: HQ opens stores in existing regions with unique codes; nobody else may."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import encode_id
from server.org.models import Store
from tests.conftest import Api
from tests.schema.org.conftest import CREATE_STORE, DENIED
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


async def test_hq_opens_a_store_and_it_is_audited(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    west = org.regions["WEST"]
    mark = await audit_mark()

    # when
    body = await hq(
        CREATE_STORE, code="cd002", name="成都二店", regionId=str(encode_id("Region", west.id)), address=" 春熙路 1 号 "
    )

    # then
    store = await Store.get(code="CD002")
    assert body["data"]["createStore"] == {
        "store": {
            "id": str(encode_id("Store", store.id)),
            "code": "CD002",
            "name": "成都二店",
            "address": "春熙路 1 号",
            "isActive": True,
            "region": {"code": "WEST"},
        },
        "errors": [],
    }
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_type, entry.target_id) == ("store.create", "Store", str(store.id))
    assert entry.before is None
    assert entry.after == {
        "code": "CD002",
        "name": "成都二店",
        "region_id": west.id,
        "address": "春熙路 1 号",
        "is_active": True,
    }
    assert (entry.actor_name, entry.role, entry.ip) == ("hq.admin", "HQ", "203.0.113.7")


@pytest.mark.parametrize(
    ("variables", "error"),
    [
        (
            {"code": "SH 3"},
            {"field": ["code"], "code": "INVALID", "message": "Codes are 1-32 letters, digits, '-' or '_'."},
        ),
        ({"name": ""}, {"field": ["name"], "code": "INVALID", "message": "name is required."}),
        (
            {"address": "路" * 256},
            {"field": ["address"], "code": "INVALID", "message": "address must be at most 255 characters."},
        ),
        ({"code": "sh001"}, {"field": ["code"], "code": "DUPLICATE", "message": "Store code SH001 is taken."}),
        (
            {"regionId": str(encode_id("Region", 9999))},
            {"field": ["regionId"], "code": "NOT_FOUND", "message": "Region not found."},
        ),
        (
            {"regionId": str(encode_id("Store", 1))},
            {"field": ["regionId"], "code": "INVALID", "message": "Not a Region ID."},
        ),
    ],
    ids=["malformed-code", "blank-name", "long-address", "duplicate-code", "unknown-region", "wrong-id-type"],
)
async def test_rejected_store_changes_nothing(
    api: Api, org: Any, variables: dict[str, str], error: dict[str, Any]
) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    east = str(encode_id("Region", org.regions["EAST"].id))
    body = await hq(CREATE_STORE, **{"code": "SH003", "name": "上海三店", "regionId": east, **variables})

    # then
    assert body["data"]["createStore"] == {"store": None, "errors": [error]}
    assert await database_rows() == before


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_may_not_open_stores(api: Api, org: Any, username: str) -> None:
    # given
    client = await api.login(username)
    before = await database_rows()

    # when
    body = await client(
        CREATE_STORE, code="SH003", name="上海三店", regionId=str(encode_id("Region", org.regions["EAST"].id))
    )

    # then
    assert body["data"]["createStore"] == {"store": None, "errors": DENIED}
    assert await database_rows() == before
