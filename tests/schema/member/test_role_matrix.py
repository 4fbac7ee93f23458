"""The role × scope matrix of the README, cell by cell.

Members: one at SH001 and one at SH002 (region EAST), one at CD001 (region WEST).
Viewers: hq.admin (HQ), east.manager (REGION EAST), sh001.clerk (STORE SH001).
"""

from __future__ import annotations

import pytest

from server.member.models import Member
from tests.schema.member.conftest import UPDATE, gid

LIST = "{ members(first: 100) { totalCount edges { node { homeStore { code } } } } }"
LOOKUP = """
query($phone: String!) {
  memberLookup(phone: $phone) { homeStore { code } view phone email birthday birthdayMonthDay name }
}
"""
NODE = "query($id: ID!) { node(id: $id) { ... on Member { homeStore { code } phone } } }"

LISTED = {
    "hq.admin": ["CD001", "SH001", "SH002"],
    "east.manager": ["SH001", "SH002"],
    "sh001.clerk": ["SH001"],
}

FULL, MASKED = "FULL", "MASKED"
VIEW = {
    ("hq.admin", "SH001"): FULL,
    ("hq.admin", "SH002"): FULL,
    ("hq.admin", "CD001"): FULL,
    ("east.manager", "SH001"): FULL,
    ("east.manager", "SH002"): FULL,
    ("east.manager", "CD001"): MASKED,
    ("sh001.clerk", "SH001"): MASKED,
    ("sh001.clerk", "SH002"): MASKED,
    ("sh001.clerk", "CD001"): MASKED,
}

IN_SCOPE = {
    (viewer, store): store in stores for viewer, stores in LISTED.items() for store in ("SH001", "SH002", "CD001")
}


@pytest.mark.parametrize("viewer", sorted(LISTED))
async def test_each_role_lists_only_members_in_its_scope(api, people, viewer):
    client = await api.login(viewer)

    body = await client(LIST)

    codes = sorted(e["node"]["homeStore"]["code"] for e in body["data"]["members"]["edges"])
    assert codes == LISTED[viewer]
    assert body["data"]["members"]["totalCount"] == len(LISTED[viewer])


@pytest.mark.parametrize(("viewer", "store"), sorted(VIEW))
async def test_every_role_looks_up_any_member_by_phone_with_its_view(api, people, viewer, store):
    client = await api.login(viewer)

    body = await client(LOOKUP, phone=people.phones[store])

    member = body["data"]["memberLookup"]
    assert member["homeStore"] == {"code": store}
    assert member["name"] == f"会员{store}"
    assert member["birthdayMonthDay"] == "05-17"
    if VIEW[(viewer, store)] == FULL:
        assert member["view"] == "FULL"
        assert member["phone"] == people.phones[store]
        assert member["email"] == f"{store.lower()}@example.com"
        assert member["birthday"] == "1990-05-17"
        assert "errors" not in body
    else:
        phone = people.phones[store]
        assert member["view"] == "MASKED"
        assert member["phone"] == f"{phone[:3]}****{phone[-4:]}"
        assert member["email"] == f"{store[0].lower()}***@example.com"
        assert member["birthday"] is None
        assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
            (["memberLookup", "birthday"], "PERMISSION_DENIED")
        ]


@pytest.mark.parametrize(("viewer", "store"), sorted(IN_SCOPE))
async def test_node_fetches_members_in_scope_and_refuses_others(api, people, viewer, store):
    client = await api.login(viewer)

    body = await client(NODE, id=gid("Member", people.by_store[store].id))

    if IN_SCOPE[(viewer, store)]:
        assert body["data"]["node"]["homeStore"] == {"code": store}
        assert "errors" not in body
    else:
        assert body["data"]["node"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["PERMISSION_DENIED"]


@pytest.mark.parametrize(("viewer", "store"), sorted(IN_SCOPE))
async def test_each_role_updates_only_members_in_its_scope(api, people, viewer, store):
    client = await api.login(viewer)
    member = people.by_store[store]

    body = await client(UPDATE, id=gid("Member", member.id), input={"name": "新名字"})

    stored = await Member.get(id=member.id)
    if IN_SCOPE[(viewer, store)]:
        assert body["data"]["updateMember"]["errors"] == []
        assert stored.name == "新名字"
    else:
        assert body["data"]["updateMember"] == {
            "member": None,
            "errors": [
                {
                    "field": ["id"],
                    "code": "PERMISSION_DENIED",
                    "message": "This member belongs to another region or store.",
                }
            ],
        }
        assert stored.name == f"会员{store}"


@pytest.mark.parametrize(
    ("field", "value"), [("phone", "13600000000"), ("email", "new@example.com"), ("birthday", "1991-01-01")]
)
async def test_a_store_clerk_cannot_write_fields_it_sees_masked(api, people, field, value):
    clerk = await api.login("sh001.clerk")
    member = people.by_store["SH001"]

    body = await clerk(UPDATE, id=gid("Member", member.id), input={field: value})

    assert body["data"]["updateMember"]["errors"] == [
        {"field": [field], "code": "PERMISSION_DENIED", "message": f"Your role may not change {field}."}
    ]
    stored = await Member.get(id=member.id)
    assert (stored.email, str(stored.birthday)) == ("sh001@example.com", "1990-05-17")
    assert stored.phone_suffix == "5678"


async def test_a_region_manager_writes_sensitive_fields_of_its_own_region(api, people):
    manager = await api.login("east.manager")
    member = people.by_store["SH002"]

    body = await manager(UPDATE, id=gid("Member", member.id), input={"phone": "13600000001", "birthday": "1991-02-03"})

    assert body["data"]["updateMember"]["errors"] == []
    assert body["data"]["updateMember"]["member"]["phone"] == "13600000001"
    assert body["data"]["updateMember"]["member"]["birthday"] == "1991-02-03"


async def test_a_denied_field_is_null_with_an_error_while_the_rest_of_the_query_answers(api, people):
    clerk = await api.login("sh001.clerk")

    body = await clerk("{ members(first: 5) { edges { node { name birthday phone } } } me { username } }")

    assert body["data"]["me"] == {"username": "sh001.clerk"}
    assert body["data"]["members"]["edges"] == [{"node": {"name": "会员SH001", "birthday": None, "phone": "138****5678"}}]
    assert [e["extensions"]["code"] for e in body["errors"]] == ["PERMISSION_DENIED"]
