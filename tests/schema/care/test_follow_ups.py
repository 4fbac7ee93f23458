from __future__ import annotations

from datetime import timedelta

from server.care.models import FollowUp
from server.core.clock import business_today
from tests.schema.care.conftest import DUE, RECORD, gid
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


def _input(member, **extra):
    return {"memberId": gid("Member", member.id), "channel": "PHONE", "outcome": "REACHED", **extra}


async def test_a_clerk_records_a_follow_up_with_a_member_of_their_store(api, people):
    clerk = await api.login("sh001.clerk")
    mark = await audit_mark()
    next_on = (business_today() + timedelta(days=30)).isoformat()

    body = await clerk(RECORD, input=_input(people.by_store["SH001"], notes="满意\n下月再约", nextFollowUpOn=next_on))

    payload = body["data"]["recordFollowUp"]
    assert payload["errors"] == []
    assert payload["followUp"] == {
        "id": payload["followUp"]["id"],
        "channel": "PHONE",
        "outcome": "REACHED",
        "notes": "满意\n下月再约",
        "nextFollowUpOn": next_on,
        "isLatest": True,
        "staffName": "sh001.clerk",
        "member": {"name": "会员SH001", "phone": "138****5678"},
    }
    entries = await entries_since(mark)
    assert [(e.action, e.target_type, e.target_id) for e in entries] == [
        ("care.follow_up", "Member", str(people.by_store["SH001"].id))
    ]


async def test_a_clerk_may_not_record_a_follow_up_for_another_stores_member(api, people):
    clerk = await api.login("cd001.clerk")
    before = await database_rows()

    body = await clerk(RECORD, input=_input(people.by_store["SH001"]))

    assert body["data"]["recordFollowUp"] == {
        "followUp": None,
        "errors": [
            {
                "field": ["memberId"],
                "code": "PERMISSION_DENIED",
                "message": "This member belongs to another region or store.",
            }
        ],
    }
    assert await database_rows() == before


async def test_the_next_follow_up_must_come_after_the_contact(api, people):
    hq = await api.login("hq.admin")
    before = await database_rows()

    body = await hq(RECORD, input=_input(people.by_store["SH001"], nextFollowUpOn=business_today().isoformat()))

    assert body["data"]["recordFollowUp"]["errors"] == [
        {"field": ["nextFollowUpOn"], "code": "INVALID", "message": "The next follow-up must come after this one."}
    ]
    assert await database_rows() == before


async def test_only_the_latest_follow_up_of_a_member_is_due(api, people):
    hq = await api.login("hq.admin")
    today = business_today()
    sh, cd = people.by_store["SH001"], people.by_store["CD001"]
    await hq(RECORD, input=_input(sh, notes="first", nextFollowUpOn=(today + timedelta(days=1)).isoformat()))
    await hq(RECORD, input=_input(sh, notes="second", nextFollowUpOn=(today + timedelta(days=20)).isoformat()))
    await hq(RECORD, input=_input(cd, notes="third", nextFollowUpOn=(today + timedelta(days=5)).isoformat()))

    soon = await hq(DUE, by=(today + timedelta(days=10)).isoformat())
    later = await hq(DUE, by=(today + timedelta(days=20)).isoformat())

    assert [e["node"]["notes"] for e in soon["data"]["followUpsDue"]["edges"]] == ["third"]
    assert [e["node"]["notes"] for e in later["data"]["followUpsDue"]["edges"]] == ["third", "second"]
    assert await FollowUp.filter(is_latest=True).count() == 2


async def test_follow_ups_due_are_limited_to_the_viewers_scope_and_paged(api, people):
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    tomorrow = (business_today() + timedelta(days=1)).isoformat()
    for code in ("SH001", "SH002", "CD001"):
        await hq(RECORD, input=_input(people.by_store[code], notes=code, nextFollowUpOn=tomorrow))
    by = (business_today() + timedelta(days=3)).isoformat()

    first = await hq(DUE, by=by, first=2)
    rest = await hq(DUE, by=by, first=2, after=first["data"]["followUpsDue"]["pageInfo"]["endCursor"])
    own = await clerk(DUE, by=by)

    assert [e["node"]["notes"] for e in first["data"]["followUpsDue"]["edges"]] == ["CD001", "SH002"]
    assert first["data"]["followUpsDue"]["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["notes"] for e in rest["data"]["followUpsDue"]["edges"]] == ["SH001"]
    assert rest["data"]["followUpsDue"]["pageInfo"]["hasNextPage"] is False
    assert [e["node"]["notes"] for e in own["data"]["followUpsDue"]["edges"]] == ["SH001"]
    assert [page["data"]["followUpsDue"]["totalCount"] for page in (first, rest, own)] == [3, 3, 1]
