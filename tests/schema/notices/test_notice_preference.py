"""noticePreference / setNoticePreference: staff who manage a member turn their service notices off
or pin a channel; out-of-scope staff are refused and nothing changes; every change is audited."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import encode_id
from server.audit.models import AuditEntry
from server.notices.models import NoticePreference
from tests.conftest import Api

SET = """
mutation($input: SetNoticePreferenceInput!) {
  setNoticePreference(input: $input) { preference { serviceNotices channel } errors { field code message } }
}
"""
GET = "query($m: ID!) { noticePreference(memberId: $m) { serviceNotices channel } }"


def _member(people: Any, store: str = "SH001") -> str:
    return str(encode_id("Member", people.by_store[store].id))


async def test_a_member_receives_service_notices_on_their_best_channel_until_told_otherwise(api: Api, people: Any) -> None:
    clerk = await api.login("sh001.clerk")

    body = await clerk(GET, m=_member(people))

    assert body == {"data": {"noticePreference": {"serviceNotices": True, "channel": None}}}


async def test_the_clerk_turns_a_members_notices_off_and_onto_email_and_it_is_audited(api: Api, people: Any) -> None:
    # given
    clerk = await api.login("sh001.clerk")
    # when
    off = await clerk(SET, input={"memberId": _member(people), "serviceNotices": False})
    email = await clerk(SET, input={"memberId": _member(people), "serviceNotices": True, "channel": "EMAIL"})
    read = await clerk(GET, m=_member(people))
    # then
    assert off["data"]["setNoticePreference"] == {"preference": {"serviceNotices": False, "channel": None}, "errors": []}
    assert email["data"]["setNoticePreference"] == {"preference": {"serviceNotices": True, "channel": "EMAIL"}, "errors": []}
    assert read["data"]["noticePreference"] == {"serviceNotices": True, "channel": "EMAIL"}
    trail = await AuditEntry.filter(action="member.notice_preference").order_by("id")
    assert [(e.actor_name, e.before, e.after) for e in trail] == [
        ("sh001.clerk", {"serviceNotices": True, "channel": None}, {"serviceNotices": False, "channel": None}),
        ("sh001.clerk", {"serviceNotices": False, "channel": None}, {"serviceNotices": True, "channel": "EMAIL"}),
    ]


@pytest.mark.parametrize(
    ("username", "store", "channel", "error"),
    [
        ("cd001.clerk", "SH001", None, {"field": ["memberId"], "code": "PERMISSION_DENIED"}),
        ("sh001.clerk", "SH001", "EMAIL", {"field": ["channel"], "code": "INVALID"}),
    ],
)
async def test_out_of_scope_staff_and_email_without_an_address_are_refused_and_nothing_changes(
    api: Api, people: Any, username: str, store: str, channel: str | None, error: dict[str, str]
) -> None:
    # given a member without an email address
    member = people.by_store[store]
    member.email = ""
    await member.save()
    client = await api.login(username)
    # when
    body = await client(SET, input={"memberId": _member(people, store), "serviceNotices": False, "channel": channel})
    # then
    payload = body["data"]["setNoticePreference"]
    assert payload["preference"] is None
    assert [{"field": e["field"], "code": e["code"]} for e in payload["errors"]] == [error]
    assert await NoticePreference.all().count() == 0
    assert await AuditEntry.filter(action="member.notice_preference").count() == 0
