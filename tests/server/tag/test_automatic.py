"""Automatic tags: a tag bound to a segment carries exactly the members the segment's compiled SQL
selects, a rerun changes nothing, unbinding stops the refresh, and staff can't tag by hand."""

from __future__ import annotations

from typing import Any

import pytest

from server.core.errors import DomainError, ErrorCode
from server.jobs.catalog import REGISTRY
from server.jobs.models import Job, JobState
from server.jobs.runner import Worker
from server.member.models import Gender, Member
from server.segment.services import create_segment, segment_members
from server.core.sql import fetch
from server.tag.automatic import bind_tag, refresh_automatic_tags
from server.tag.models import MemberTag, Tag
from server.tag.services import create_tag, tag_member, untag_member
from tests.server.segment.conftest import crowd  # noqa: F401 - shared fixture


def _rule(org: Any) -> dict[str, Any]:
    return {"and": [{"gender": ["FEMALE", "UNKNOWN"]}, {"not": {"regions": [org.regions["WEST"].id]}}]}


async def _links(tag: Tag) -> dict[int, Any]:
    return {link.member_id: (link.id, link.created_at) for link in await MemberTag.filter(tag_id=tag.id)}


async def _expected(segment_id: int) -> set[int]:
    from server.segment.models import Segment

    return {int(r["id"]) for r in await fetch(segment_members(await Segment.get(id=segment_id)).ids())}


@pytest.fixture
async def bound(org, crowd):  # noqa: F811
    """A tag put by hand on two members the rule doesn't select, then bound to the rule's segment."""
    hq = org.actors["hq.admin"]
    tag = await create_tag(hq, "女性华东")
    outsiders = [m for m in crowd.members if m.gender == Gender.MALE][:2]
    for member in outsiders:
        await tag_member(hq, member.id, tag.id)
    segment = await create_segment(hq, "女性华东", _rule(org))
    tag = await bind_tag(hq, tag.id, segment.id)
    return tag, segment, outsiders


async def test_binding_makes_the_tags_members_exactly_the_segments(bound):
    tag, segment, outsiders = bound

    expected = await _expected(segment.id)
    assert set(await _links(tag)) == expected
    assert 0 < len(expected) < 23 and not {m.id for m in outsiders} & expected
    assert tag.segment_id == segment.id and tag.refreshed_at is not None


async def test_a_rerun_changes_nothing(bound):
    tag, _, _ = bound
    before = await _links(tag)

    assert await refresh_automatic_tags() == 1

    assert await _links(tag) == before


async def test_the_refresh_follows_changes_to_the_members(bound):
    tag, segment, outsiders = bound
    leaving = await Member.get(id=next(iter(await _expected(segment.id))))
    await Member.filter(id=leaving.id).update(gender=Gender.MALE)
    await Member.filter(id=outsiders[0].id).update(gender=Gender.FEMALE, home_store_id=leaving.home_store_id)

    await refresh_automatic_tags()

    links = set(await _links(tag))
    assert links == await _expected(segment.id)
    assert leaving.id not in links and outsiders[0].id in links


async def test_unbinding_stops_the_refresh_and_keeps_the_members(org, bound):
    tag, segment, outsiders = bound
    before = await _links(tag)

    await bind_tag(org.actors["hq.admin"], tag.id, None)
    await Member.filter(id=outsiders[0].id).update(gender=Gender.FEMALE)
    assert await refresh_automatic_tags() == 0

    assert await _links(tag) == before
    assert (await Tag.get(id=tag.id)).segment_id is None


async def test_staff_cannot_tag_or_untag_an_automatic_tag_by_hand(org, bound):
    tag, segment, outsiders = bound
    member = next(iter(await _expected(segment.id)))
    before = await _links(tag)

    for change, member_id in ((tag_member, outsiders[1].id), (untag_member, member)):
        with pytest.raises(DomainError) as refused:
            await change(org.actors["hq.admin"], member_id, tag.id)
        assert (refused.value.code, refused.value.field) == (ErrorCode.AUTOMATIC_TAG, ["tagId"])

    assert await _links(tag) == before


async def test_only_hq_binds_and_only_to_a_segment_it_may_use(org, crowd):  # noqa: F811
    hq = org.actors["hq.admin"]
    tag = await create_tag(hq, "自动")
    segment = await create_segment(hq, "全部女性", {"gender": ["FEMALE"]})

    with pytest.raises(DomainError) as denied:
        await bind_tag(org.actors["east.manager"], tag.id, segment.id)
    with pytest.raises(DomainError) as missing:
        await bind_tag(hq, tag.id, segment.id + 100)

    assert denied.value.code == ErrorCode.PERMISSION_DENIED
    assert (missing.value.code, missing.value.field) == (ErrorCode.NOT_FOUND, ["segmentId"])
    assert (await Tag.get(id=tag.id)).segment_id is None and await MemberTag.filter(tag_id=tag.id).count() == 0


async def test_the_worker_refreshes_automatic_tags_hourly(org, bound):
    tag, segment, outsiders = bound
    await Member.filter(id=outsiders[0].id).update(gender=Gender.FEMALE)
    worker = Worker(REGISTRY, name="w")

    await worker.schedule()
    await worker.drain()

    job = await Job.get(task="tag.refresh")
    assert (job.state, job.key.startswith("periodic:tag.refresh:")) == (JobState.SUCCEEDED, True)
    assert set(await _links(tag)) == await _expected(segment.id)
