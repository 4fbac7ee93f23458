"""Without a valid token every guarded query answers UNAUTHENTICATED with no data, and every
mutation answers UNAUTHENTICATED in its payload and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api
from tests.schema.access.conftest import gid
from tests.server.audit.recorded import database_rows

QUERIES = {
    "members": "{ members { edges { node { id name } } } }",
    "memberLookup": '{ memberLookup(phone: "13812345678") { id name } }',
    "regions": "{ regions { code } }",
    "stores": "{ stores { code } }",
    "tiers": "{ tiers { name } }",
    "tags": "{ tags { name } }",
    "staffMembers": "{ staffMembers { username } }",
    "auditEntries": "{ auditEntries { edges { node { action } } } }",
    "node": '{ node(id: "UmVnaW9uOjE=") { id ... on Region { code } } }',
}

# name: (document, variables as (type, org key), the payload's result when refused)
MUTATIONS: dict[str, tuple[str, dict[str, tuple[str, str]], dict[str, Any]]] = {
    "createRegion": (
        'mutation { createRegion(code: "NORTH", name: "北区") { region { id } errors { code } } }',
        {},
        {"region": None},
    ),
    "updateRegion": (
        'mutation($id: ID!) { updateRegion(id: $id, name: "改名") { region { id } errors { code } } }',
        {"id": ("Region", "EAST")},
        {"region": None},
    ),
    "createStore": (
        'mutation($r: ID!) { createStore(code: "SH009", name: "新店", regionId: $r) { store { id } errors { code } } }',
        {"r": ("Region", "EAST")},
        {"store": None},
    ),
    "updateStore": (
        "mutation($id: ID!) { updateStore(id: $id, isActive: false) { store { id } errors { code } } }",
        {"id": ("Store", "SH001")},
        {"store": None},
    ),
    "createStaff": (
        'mutation { createStaff(input: {username: "intruder", password: "long-enough-1", scope: {role: HQ}}) '
        "{ staff { id } errors { code } } }",
        {},
        {"staff": None},
    ),
    "updateStaff": (
        "mutation($id: ID!) { updateStaff(id: $id, input: {isActive: false}) { staff { id } errors { code } } }",
        {"id": ("Staff", "sh001.clerk")},
        {"staff": None},
    ),
    "createMember": (
        'mutation { createMember(input: {name: "张三", phone: "13812345678"}) { member { id } errors { code } } }',
        {},
        {"member": None},
    ),
    "createTier": (
        'mutation { createTier(input: {name: "金卡", rank: 3}) { tier { id } errors { code } } }',
        {},
        {"tier": None},
    ),
    "createTag": ('mutation { createTag(name: "VIP") { tag { id } errors { code } } }', {}, {"tag": None}),
    "logout": ("mutation { logout { ok errors { code } } }", {}, {"ok": False}),
}


def _variables(org: Any, refs: dict[str, tuple[str, str]]) -> dict[str, str]:
    rows = {"Region": org.regions, "Store": org.stores, "Staff": org.staff}
    return {name: gid(type_name, rows[type_name][key].id) for name, (type_name, key) in refs.items()}


@pytest.mark.parametrize("field", list(QUERIES))
@pytest.mark.parametrize("token", [None, "not-a-real-token"], ids=["no-token", "bad-token"])
async def test_guarded_query_is_unauthenticated_and_returns_no_data(
    api: Api, org: Any, field: str, token: str | None
) -> None:
    # when
    body = await api.as_(token)(QUERIES[field])

    # then
    assert body["data"] in (None, {field: None})
    assert [(e["path"], e["extensions"]["code"], e["message"]) for e in body["errors"]] == [
        ([field], "UNAUTHENTICATED", "Sign in first.")
    ]


@pytest.mark.parametrize("name", list(MUTATIONS))
async def test_mutation_is_unauthenticated_and_changes_nothing(api: Api, org: Any, name: str) -> None:
    # given
    document, refs, refused = MUTATIONS[name]
    before = await database_rows()

    # when
    body = await api(document, **_variables(org, refs))

    # then
    assert body["data"][name] == {**refused, "errors": [{"code": "UNAUTHENTICATED"}]}
    assert await database_rows() == before


async def test_token_of_a_logged_out_session_is_refused(api: Api, org: Any) -> None:
    # given
    clerk = await api.login("sh001.clerk")
    await clerk("mutation { logout { ok } }")
    before = await database_rows()

    # when
    body = await clerk(MUTATIONS["createTag"][0])

    # then
    assert body["data"]["createTag"] == {"tag": None, "errors": [{"code": "UNAUTHENTICATED"}]}
    assert await database_rows() == before
