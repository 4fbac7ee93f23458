"""node(id:): any signed-in account resolves org, tier, tag and its own staff IDs; only HQ sees
other staff; malformed IDs fail as a field error, never as a server error."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from server.access.models import Role
from server.tag.services import create_tag
from server.tier.services import TierDraft, create_tier
from tests.conftest import Api
from tests.schema.access.conftest import gid

NODE = """
query($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Region { code }
    ... on Store { code }
    ... on Tier { name }
    ... on Tag { name }
    ... on Staff { username }
  }
}
"""

USERNAMES = ["hq.admin", "east.manager", "sh001.clerk", "cd001.clerk"]


@pytest.fixture
async def catalogue(org: Any) -> dict[str, tuple[str, dict[str, str]]]:
    """Global ID → (type, identifying field) for one row of every shared type."""
    hq = org.actors["hq.admin"]
    tier = await create_tier(hq, TierDraft(name="金卡", rank=3))
    tag = await create_tag(hq, "VIP")
    return {
        gid("Region", org.regions["WEST"].id): ("Region", {"code": "WEST"}),
        gid("Store", org.stores["SH002"].id): ("Store", {"code": "SH002"}),
        gid("Tier", tier.id): ("Tier", {"name": "金卡"}),
        gid("Tag", tag.id): ("Tag", {"name": "VIP"}),
    }


@pytest.mark.parametrize("username", USERNAMES)
async def test_every_account_resolves_region_store_tier_and_tag_ids(
    api: Api, org: Any, catalogue: dict[str, tuple[str, dict[str, str]]], username: str
) -> None:
    # given
    client = await api.login(username)

    for global_id, (type_name, fields) in catalogue.items():
        # when
        body = await client(NODE, id=global_id)

        # then
        assert body == {"data": {"node": {"__typename": type_name, "id": global_id, **fields}}}


@pytest.mark.parametrize("username", USERNAMES)
async def test_every_account_resolves_its_own_staff_id(api: Api, org: Any, username: str) -> None:
    # given
    client = await api.login(username)
    own = gid("Staff", org.staff[username].id)

    # when
    body = await client(NODE, id=own)

    # then
    assert body == {"data": {"node": {"__typename": "Staff", "id": own, "username": username}}}


@pytest.mark.parametrize("username", ["cd001.clerk", "east.manager", "sh001.clerk"])
async def test_hq_resolves_any_staff_id(api: Api, org: Any, username: str) -> None:
    # given
    hq = await api.login("hq.admin")
    other = gid("Staff", org.staff[username].id)

    # when
    body = await hq(NODE, id=other)

    # then
    assert body == {"data": {"node": {"__typename": "Staff", "id": other, "username": username}}}


@pytest.mark.parametrize(
    ("username", "other"),
    [
        ("east.manager", "sh001.clerk"),
        ("east.manager", "hq.admin"),
        ("sh001.clerk", "east.manager"),
        ("sh001.clerk", "cd001.clerk"),
    ],
)
async def test_region_and_store_accounts_get_null_for_another_staff_id(
    api: Api, org: Any, username: str, other: str
) -> None:
    # given
    client = await api.login(username)
    assert org.staff[username].role in (Role.REGION, Role.STORE)

    # when
    body = await client(NODE, id=gid("Staff", org.staff[other].id))

    # then
    assert body == {"data": {"node": None}}


@pytest.mark.parametrize("type_name", ["Region", "Store", "Staff"])
async def test_unknown_key_resolves_to_null(api: Api, org: Any, type_name: str) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(NODE, id=gid(type_name, 9999))

    # then
    assert body == {"data": {"node": None}}


async def test_non_numeric_key_resolves_to_null(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(NODE, id=base64.b64encode(b"Region:EAST").decode())

    # then
    assert body == {"data": {"node": None}}


@pytest.mark.parametrize(
    "global_id",
    ["garbage", base64.b64encode(b"NoSuchType:1").decode(), base64.b64encode(b"no-colon").decode()],
    ids=["not-base64", "unknown-type", "no-separator"],
)
async def test_malformed_id_is_an_invalid_field_error_not_a_server_error(api: Api, org: Any, global_id: str) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(NODE, id=global_id)

    # then
    assert hq.last_response is not None
    assert hq.last_response.status_code == 200
    assert body["data"] == {"node": None}
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["node"], "INVALID")]
