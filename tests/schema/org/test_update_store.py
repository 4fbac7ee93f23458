"""updateStore: HQ changes a store's name, address or active flag; the audit keeps only changes."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import encode_id
from tests.conftest import Api
from tests.schema.org.conftest import DENIED, UPDATE_STORE
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


def _store_id(org: Any, code: str = "SH001") -> str:
    return str(encode_id("Store", org.stores[code].id))


async def test_hq_closes_a_store_and_the_audit_holds_only_the_changes(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    mark = await audit_mark()

    # when
    body = await hq(UPDATE_STORE, id=_store_id(org), address="南京西路 8 号", isActive=False)

    # then
    assert body["data"]["updateStore"] == {
        "store": {
            "id": _store_id(org),
            "code": "SH001",
            "name": "上海一店",
            "address": "南京西路 8 号",
            "isActive": False,
            "region": {"code": "EAST"},
        },
        "errors": [],
    }
    [entry] = await entries_since(mark)
    store_pk = str(org.stores["SH001"].id)
    assert (entry.action, entry.target_type, entry.target_id) == ("store.update", "Store", store_pk)
    assert (entry.before, entry.after) == (
        {"address": "", "is_active": True},
        {"address": "南京西路 8 号", "is_active": False},
    )
    assert (entry.actor_name, entry.role, entry.ip) == ("hq.admin", "HQ", "203.0.113.7")


async def test_omitted_fields_stay_as_they_are(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(UPDATE_STORE, id=_store_id(org), name="上海旗舰店")

    # then
    store = body["data"]["updateStore"]["store"]
    assert (store["name"], store["address"], store["isActive"]) == ("上海旗舰店", "", True)


@pytest.mark.parametrize(
    ("variables", "error"),
    [
        ({"name": " "}, {"field": ["name"], "code": "INVALID", "message": "name is required."}),
        (
            {"id": str(encode_id("Store", 9999))},
            {"field": ["id"], "code": "NOT_FOUND", "message": "Store not found."},
        ),
        (
            {"id": str(encode_id("Region", 1))},
            {"field": ["id"], "code": "INVALID", "message": "Not a Store ID."},
        ),
    ],
    ids=["blank-name", "unknown-store", "wrong-id-type"],
)
async def test_rejected_change_changes_nothing(
    api: Api, org: Any, variables: dict[str, str], error: dict[str, Any]
) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(UPDATE_STORE, **{"id": _store_id(org), "isActive": False, **variables})

    # then
    assert body["data"]["updateStore"] == {"store": None, "errors": [error]}
    assert await database_rows() == before


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_may_not_change_stores(api: Api, org: Any, username: str) -> None:
    # given
    client = await api.login(username)
    before = await database_rows()

    # when
    body = await client(UPDATE_STORE, id=_store_id(org), isActive=False)

    # then
    assert body["data"]["updateStore"] == {"store": None, "errors": DENIED}
    assert await database_rows() == before
