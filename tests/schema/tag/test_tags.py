from __future__ import annotations

from server.audit.models import AuditEntry
from server.tag.models import MemberTag, Tag
from tests.schema.member.conftest import gid

CREATE_TAG = """
mutation($name: String!) { createTag(name: $name, color: "#f80") { tag { id name color } errors { field code } } }
"""
TAG = """
mutation($m: ID!, $t: ID!) { tagMember(memberId: $m, tagId: $t) { member { tags { name } } errors { field code } } }
"""
UNTAG = """
mutation($m: ID!, $t: ID!) { untagMember(memberId: $m, tagId: $t) { member { tags { name } } errors { field code } } }
"""


async def _tag(api, name: str) -> str:
    hq = await api.login("hq.admin")
    body = await hq(CREATE_TAG, name=name)
    return body["data"]["createTag"]["tag"]["id"]


async def test_hq_creates_tags_and_duplicates_are_refused(api, org):
    hq = await api.login("hq.admin")

    first = await hq(CREATE_TAG, name="VIP")
    again = await hq(CREATE_TAG, name="VIP")
    listed = await (await api.login("sh001.clerk"))("{ tags { name color } }")

    assert first["data"]["createTag"]["errors"] == []
    assert again["data"]["createTag"] == {"tag": None, "errors": [{"field": ["name"], "code": "DUPLICATE"}]}
    assert listed["data"]["tags"] == [{"name": "VIP", "color": "#f80"}]


async def test_store_and_region_staff_cannot_create_tags(api, org):
    for username in ("east.manager", "sh001.clerk"):
        client = await api.login(username)
        body = await client(CREATE_TAG, name="私有")
        assert body["data"]["createTag"]["errors"] == [{"field": None, "code": "PERMISSION_DENIED"}]
    assert await Tag.all().count() == 0


async def test_a_clerk_tags_and_untags_own_store_members_idempotently(api, people):
    tag_id = await _tag(api, "咖啡")
    clerk = await api.login("sh001.clerk")
    member_id = gid("Member", people.by_store["SH001"].id)

    first = await clerk(TAG, m=member_id, t=tag_id)
    second = await clerk(TAG, m=member_id, t=tag_id)
    removed = await clerk(UNTAG, m=member_id, t=tag_id)

    assert first["data"]["tagMember"] == {"member": {"tags": [{"name": "咖啡"}]}, "errors": []}
    assert second["data"]["tagMember"] == {"member": {"tags": [{"name": "咖啡"}]}, "errors": []}
    assert removed["data"]["untagMember"] == {"member": {"tags": []}, "errors": []}
    assert await AuditEntry.filter(action="member.tag").count() == 1
    assert await AuditEntry.filter(action="member.untag").count() == 1


async def test_a_clerk_cannot_tag_members_of_another_store(api, people):
    tag_id = await _tag(api, "咖啡")
    clerk = await api.login("sh001.clerk")

    body = await clerk(TAG, m=gid("Member", people.by_store["CD001"].id), t=tag_id)

    assert body["data"]["tagMember"] == {"member": None, "errors": [{"field": ["id"], "code": "PERMISSION_DENIED"}]}
    assert await MemberTag.all().count() == 0


async def test_deleting_a_tag_takes_it_off_members(api, people):
    tag_id = await _tag(api, "咖啡")
    hq = await api.login("hq.admin")
    await hq(TAG, m=gid("Member", people.by_store["SH001"].id), t=tag_id)

    body = await hq("mutation($id: ID!) { deleteTag(id: $id) { deletedId errors { code } } }", id=tag_id)

    assert body["data"]["deleteTag"] == {"deletedId": tag_id, "errors": []}
    assert await MemberTag.all().count() == 0
