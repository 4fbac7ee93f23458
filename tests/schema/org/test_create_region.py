"""createRegion: HQ adds regions with unique upper-case codes; nobody else may."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import encode_id
from server.org.models import Region
from tests.conftest import Api
from tests.schema.org.conftest import CREATE_REGION, DENIED
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


async def test_hq_creates_a_region_and_it_is_audited(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    mark = await audit_mark()

    # when
    body = await hq(CREATE_REGION, code=" north ", name=" 华北 ")

    # then
    region = await Region.get(code="NORTH")
    assert body["data"]["createRegion"] == {
        "region": {"id": str(encode_id("Region", region.id)), "code": "NORTH", "name": "华北"},
        "errors": [],
    }
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_type, entry.target_id) == ("region.create", "Region", str(region.id))
    assert (entry.actor_name, entry.role, entry.region_id, entry.store_id) == ("hq.admin", "HQ", None, None)
    assert (entry.before, entry.after, entry.ip) == (None, {"code": "NORTH", "name": "华北"}, "203.0.113.7")


@pytest.mark.parametrize("code", ["", "  ", "NO RTH", "北区", "-NORTH", "X" * 33])
async def test_malformed_code_is_invalid(api: Api, org: Any, code: str) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_REGION, code=code, name="华北")

    # then
    assert body["data"]["createRegion"] == {
        "region": None,
        "errors": [{"field": ["code"], "code": "INVALID", "message": "Codes are 1-32 letters, digits, '-' or '_'."}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize(
    ("name", "message"), [(" ", "name is required."), ("名" * 101, "name must be at most 100 characters.")]
)
async def test_missing_or_long_name_is_invalid(api: Api, org: Any, name: str, message: str) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_REGION, code="NORTH", name=name)

    # then
    assert body["data"]["createRegion"] == {
        "region": None,
        "errors": [{"field": ["name"], "code": "INVALID", "message": message}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize("code", ["EAST", "east"])
async def test_taken_code_is_duplicate(api: Api, org: Any, code: str) -> None:
    # given
    hq = await api.login("hq.admin")
    before = await database_rows()

    # when
    body = await hq(CREATE_REGION, code=code, name="另一个华东")

    # then
    assert body["data"]["createRegion"] == {
        "region": None,
        "errors": [{"field": ["code"], "code": "DUPLICATE", "message": "Region code EAST is taken."}],
    }
    assert await database_rows() == before


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk", "cd001.clerk"])
async def test_region_and_store_staff_may_not_create_regions(api: Api, org: Any, username: str) -> None:
    # given
    client = await api.login(username)
    before = await database_rows()

    # when
    body = await client(CREATE_REGION, code="NORTH", name="华北")

    # then
    assert body["data"]["createRegion"] == {"region": None, "errors": DENIED}
    assert await database_rows() == before
