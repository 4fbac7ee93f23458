"""auditEntries: HQ reads the trail newest first, filtered by target, actor or action, page by page;
other roles get null and PERMISSION_DENIED."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import encode_id
from server.audit.models import AuditEntry
from tests.conftest import Api

AUDIT = """
query($first: Int, $after: String, $filter: AuditFilterInput) {
  auditEntries(first: $first, after: $after, filter: $filter) {
    edges { cursor node { action actorName targetType targetId } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

ENTRY = """
query($filter: AuditFilterInput) {
  auditEntries(first: 1, filter: $filter) {
    edges { node {
      id actorId actorName role region { code } store { code } action targetType targetId before after ip createdAt
    } }
  }
}
"""


def _gid(type_name: str, pk: int) -> str:
    return str(encode_id(type_name, pk))


def _actions(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["node"]["action"], e["node"]["actorName"]) for e in body["data"]["auditEntries"]["edges"]]


async def test_hq_reads_the_trail_newest_first(api: Api, org: Any) -> None:
    # given
    await api.login("sh001.clerk")
    hq = await api.login("hq.admin")

    # when
    body = await hq(AUDIT, first=4)

    # then
    assert _actions(body) == [
        ("staff.login", "hq.admin"),
        ("staff.login", "sh001.clerk"),
        ("staff.create", "hq.admin"),
        ("staff.create", "hq.admin"),
    ]
    assert body["data"]["auditEntries"]["pageInfo"]["hasNextPage"] is True


async def test_pages_follow_each_other_without_overlap(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")
    every = [(row.action, row.actor_name) for row in await AuditEntry.all().order_by("-id")]

    # when
    first = await hq(AUDIT, first=5)
    second = await hq(AUDIT, first=5, after=first["data"]["auditEntries"]["pageInfo"]["endCursor"])

    # then
    assert len(every) == 10
    assert _actions(first) + _actions(second) == every
    assert second["data"]["auditEntries"]["pageInfo"] == {
        "hasNextPage": False,
        "endCursor": second["data"]["auditEntries"]["edges"][-1]["cursor"],
    }


async def test_filter_by_target_id_returns_that_record_history(api: Api, org: Any) -> None:
    # given
    await api.login("sh001.clerk")
    hq = await api.login("hq.admin")
    clerk_id = org.staff["sh001.clerk"].id

    # when
    body = await hq(AUDIT, filter={"targetId": _gid("Staff", clerk_id)})

    # then
    nodes = [edge["node"] for edge in body["data"]["auditEntries"]["edges"]]
    assert [(n["action"], n["targetType"], n["targetId"]) for n in nodes] == [
        ("staff.login", "Staff", str(clerk_id)),
        ("staff.create", "Staff", str(clerk_id)),
    ]


async def test_filter_by_actor_returns_what_that_account_did(api: Api, org: Any) -> None:
    # given
    manager = await api.login("east.manager")
    await manager("mutation { logout { ok } }")
    hq = await api.login("hq.admin")

    # when
    body = await hq(AUDIT, filter={"actorId": _gid("Staff", org.staff["east.manager"].id)})

    # then
    assert _actions(body) == [("staff.logout", "east.manager"), ("staff.login", "east.manager")]


async def test_filter_by_action_and_target_type(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    stores = await hq(AUDIT, filter={"action": "store.create"})
    regions = await hq(AUDIT, filter={"targetType": "Region"})

    # then
    assert [e["node"]["targetId"] for e in stores["data"]["auditEntries"]["edges"]] == [
        str(org.stores[code].id) for code in ("CD001", "SH002", "SH001")
    ]
    assert [e["node"]["targetId"] for e in regions["data"]["auditEntries"]["edges"]] == [
        str(org.regions[code].id) for code in ("WEST", "EAST")
    ]


async def test_entry_shows_actor_scope_ip_and_masked_member_changes(api: Api, org: Any) -> None:
    # given a member registered over the API by a store clerk
    clerk = await api.login("sh001.clerk")
    created = await clerk(
        'mutation { createMember(input: {name: "王小明", phone: "13812345678", email: "wxm@example.com"}) '
        "{ member { id } errors { code } } }"
    )
    member_id = created["data"]["createMember"]["member"]["id"]
    hq = await api.login("hq.admin")

    # when
    body = await hq(ENTRY, filter={"targetId": member_id})

    # then
    [edge] = body["data"]["auditEntries"]["edges"]
    node = edge["node"]
    row = await AuditEntry.get(action="member.create")
    assert node["id"] == _gid("AuditEntry", row.id)
    assert node["createdAt"] == row.created_at.isoformat()
    assert {k: v for k, v in node.items() if k not in ("id", "createdAt", "after")} == {
        "actorId": _gid("Staff", org.staff["sh001.clerk"].id),
        "actorName": "sh001.clerk",
        "role": "STORE",
        "region": {"code": "EAST"},
        "store": {"code": "SH001"},
        "action": "member.create",
        "targetType": "Member",
        "targetId": str(row.target_id),
        "before": None,
        "ip": "203.0.113.7",
    }
    assert (node["after"]["name"], node["after"]["phone"], node["after"]["email"]) == (
        "王**",
        "138****5678",
        "w***@example.com",
    )


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_get_null_and_permission_denied(api: Api, org: Any, username: str) -> None:
    # given an anonymous attempt first: a denial must not depend on who was refused before
    await api(AUDIT)
    client = await api.login(username)

    # when
    body = await client("{ auditEntries { edges { node { action } } } me { username } }")

    # then
    assert body["data"] == {"auditEntries": None, "me": {"username": username}}
    assert [(e["path"], e["extensions"]["code"], e["message"]) for e in body["errors"]] == [
        (["auditEntries"], "PERMISSION_DENIED", "Your account may not view the audit log.")
    ]


async def test_page_size_over_the_limit_is_invalid(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(AUDIT, first=101)

    # then
    assert body["data"] == {"auditEntries": None}
    assert [(e["extensions"]["code"], e["message"]) for e in body["errors"]] == [
        ("INVALID", "first must be between 0 and 100.")
    ]


@pytest.mark.parametrize(("username", "code"), [("east.manager", "PERMISSION_DENIED"), (None, "UNAUTHENTICATED")])
async def test_audit_entry_ids_resolve_for_hq_only(api: Api, org: Any, username: str | None, code: str) -> None:
    # given
    entry = await AuditEntry.all().order_by("id").first()
    assert entry is not None
    entry_id = _gid("AuditEntry", entry.id)
    client = await api.login(username) if username else api
    hq = await api.login("hq.admin")

    # when
    denied = await client("query($id: ID!) { node(id: $id) { id } }", id=entry_id)
    allowed = await hq("query($id: ID!) { node(id: $id) { ... on AuditEntry { id action } } }", id=entry_id)

    # then
    assert denied["data"] == {"node": None}
    assert [(e["path"], e["extensions"]["code"]) for e in denied["errors"]] == [(["node"], code)]
    assert allowed == {"data": {"node": {"id": entry_id, "action": "staff.create"}}}
