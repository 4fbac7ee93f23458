"""updateRegion: HQ renames a region; the audit keeps only what changed."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import encode_id
from tests.conftest import Api
from tests.schema.org.conftest import DENIED, UPDATE_REGION
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


async def test_hq_renames_a_region_and_the_audit_holds_only_the_name(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    east = org.regions["EAST"]
    mark = await audit_mark()

    # when
    body = await hq(UPDATE_REGION, id=str(encode_id("Region", east.id)), name="华东大区")

    # then
    assert body["data"]["updateRegion"] == {
        "region": {"id": str(encode_id("Region", east.id)), "code": "EAST", "name": "华东大区"},
        "errors": [],
    }
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_type, entry.target_id) == ("region.update", "Region", str(east.id))
    assert (entry.before, entry.after) == ({"name": "华东"}, {"name": "华东大区"})
    assert (entry.actor_name, entry.role, entry.ip) == ("hq.admin", "HQ", "203.0.113.7")


async def test_blank_name_is_invalid(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(UPDATE_REGION, id=str(encode_id("Region", org.regions["EAST"].id)), name="  ")

    # then
    assert body["data"]["updateRegion"] == {
        "region": None,
        "errors": [{"field": ["name"], "code": "INVALID", "message": "name is required."}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize(
    ("global_id", "error"),
    [
        (str(encode_id("Region", 9999)), {"field": ["id"], "code": "NOT_FOUND", "message": "Region not found."}),
        (str(encode_id("Store", 1)), {"field": ["id"], "code": "INVALID", "message": "Not a Region ID."}),
    ],
    ids=["unknown", "wrong-type"],
)
async def test_id_must_be_an_existing_region(api: Api, org: Any, global_id: str, error: dict[str, Any]) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(UPDATE_REGION, id=global_id, name="新名")

    # then
    assert body["data"]["updateRegion"] == {"region": None, "errors": [error]}
    assert await database_rows() == before


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_may_not_rename_regions(api: Api, org: Any, username: str) -> None:
    # given
    client = await api.login(username)
    before = await database_rows()

    # when
    body = await client(UPDATE_REGION, id=str(encode_id("Region", org.regions["EAST"].id)), name="我的大区")

    # then
    assert body["data"]["updateRegion"] == {"region": None, "errors": DENIED}
    assert await database_rows() == before
