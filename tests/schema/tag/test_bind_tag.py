"""bindTag over GraphQL: HQ makes a tag automatic (members refreshed at once) or manual again;
other roles and unknown segments are refused as payload errors; tagging an automatic tag by hand
is AUTOMATIC_TAG and changes nothing."""

from __future__ import annotations

from server.audit.models import AuditEntry
from server.member.models import Gender, Member
from server.tag.models import MemberTag, Tag
from tests.schema.member.conftest import gid
from tests.schema.tag.test_tags import TAG, _tag

BIND = """
mutation($t: ID!, $s: ID) {
  bindTag(tagId: $t, segmentId: $s) { tag { name automatic segment { name } } errors { field code } }
}
"""
SEGMENT = """
mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } errors { code } } }
"""


async def _women(api, people) -> tuple[str, str]:
    await Member.filter(id__in=[people.by_store[c].id for c in ("SH001", "CD001")]).update(gender=Gender.FEMALE)
    hq = await api.login("hq.admin")
    body = await hq(SEGMENT, input={"name": "女性", "rule": {"gender": ["FEMALE"]}})
    return await _tag(api, "女性"), body["data"]["createSegment"]["segment"]["id"]


async def test_hq_binds_a_tag_to_a_segment_and_its_members_follow_at_once(api, people):
    tag_id, segment_id = await _women(api, people)
    hq = await api.login("hq.admin")

    body = await hq(BIND, t=tag_id, s=segment_id)

    assert body["data"]["bindTag"] == {"tag": {"name": "女性", "automatic": True, "segment": {"name": "女性"}}, "errors": []}
    assert {link.member_id for link in await MemberTag.all()} == {people.by_store[c].id for c in ("SH001", "CD001")}
    assert await AuditEntry.filter(action="tag.bind").count() == 1


async def test_unbinding_makes_the_tag_manual_again(api, people):
    tag_id, segment_id = await _women(api, people)
    hq = await api.login("hq.admin")
    await hq(BIND, t=tag_id, s=segment_id)

    body = await hq(BIND, t=tag_id, s=None)

    assert body["data"]["bindTag"] == {"tag": {"name": "女性", "automatic": False, "segment": None}, "errors": []}
    assert await MemberTag.all().count() == 2


async def test_other_roles_and_unknown_segments_are_refused(api, people):
    tag_id, segment_id = await _women(api, people)

    denied = await (await api.login("east.manager"))(BIND, t=tag_id, s=segment_id)
    missing = await (await api.login("hq.admin"))(BIND, t=tag_id, s=gid("Segment", 999))

    assert denied["data"]["bindTag"] == {"tag": None, "errors": [{"field": None, "code": "PERMISSION_DENIED"}]}
    assert missing["data"]["bindTag"] == {"tag": None, "errors": [{"field": ["segmentId"], "code": "NOT_FOUND"}]}
    assert await Tag.filter(segment_id__isnull=False).count() == 0 and await MemberTag.all().count() == 0


async def test_tagging_an_automatic_tag_by_hand_is_refused(api, people):
    tag_id, segment_id = await _women(api, people)
    hq = await api.login("hq.admin")
    await hq(BIND, t=tag_id, s=segment_id)

    body = await hq(TAG, m=gid("Member", people.by_store["SH002"].id), t=tag_id)

    assert body["data"]["tagMember"] == {"member": None, "errors": [{"field": ["tagId"], "code": "AUTOMATIC_TAG"}]}
    assert await MemberTag.filter(member_id=people.by_store["SH002"].id).count() == 0
