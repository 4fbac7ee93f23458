from __future__ import annotations

from strawberry.relay import GlobalID

from server.care.models import Feedback, FeedbackEvent
from tests.schema.care.conftest import CHANGE, LIST, OPEN, gid
from tests.server.audit.recorded import audit_mark, database_rows, entries_since


async def _open(api_as, member, subject="服务态度", kind="COMPLAINT", **extra):
    body = await api_as(OPEN, input={"memberId": gid("Member", member.id), "kind": kind, "subject": subject, **extra})
    assert body["data"]["openFeedback"]["errors"] == [], body
    return body["data"]["openFeedback"]["feedback"]


async def test_a_clerk_records_a_complaint_about_another_store(api, org, people):
    clerk = await api.login("sh001.clerk")
    mark = await audit_mark()

    feedback = await _open(clerk, people.by_store["SH001"], storeId=gid("Store", org.stores["CD001"].id))

    assert {k: v for k, v in feedback.items() if k != "id"} == {
        "kind": "COMPLAINT",
        "subject": "服务态度",
        "status": "OPEN",
        "openedBy": "sh001.clerk",
        "member": {"name": "会员SH001"},
        "store": {"code": "CD001"},
    }
    assert [e.action for e in await entries_since(mark)] == ["care.feedback.open"]


async def test_feedback_goes_through_the_workflow_and_keeps_its_history(api, people):
    clerk = await api.login("sh001.clerk")
    feedback = await _open(clerk, people.by_store["SH001"])

    started = await clerk(CHANGE, id=feedback["id"], status="IN_PROGRESS", comment="已致电")
    resolved = await clerk(CHANGE, id=feedback["id"], status="RESOLVED", comment="退还差价")
    reopened = await clerk(CHANGE, id=feedback["id"], status="OPEN", comment="会员仍不满意")
    await clerk(CHANGE, id=feedback["id"], status="IN_PROGRESS")
    closed = await clerk(CHANGE, id=feedback["id"], status="CLOSED", comment="店长处理")

    assert [r["data"]["changeFeedbackStatus"]["feedback"]["status"] for r in (started, resolved, reopened, closed)] == [
        "IN_PROGRESS",
        "RESOLVED",
        "OPEN",
        "CLOSED",
    ]
    assert closed["data"]["changeFeedbackStatus"]["feedback"]["history"] == [
        {"fromStatus": None, "toStatus": "OPEN", "comment": "", "staffName": "sh001.clerk"},
        {"fromStatus": "OPEN", "toStatus": "IN_PROGRESS", "comment": "已致电", "staffName": "sh001.clerk"},
        {"fromStatus": "IN_PROGRESS", "toStatus": "RESOLVED", "comment": "退还差价", "staffName": "sh001.clerk"},
        {"fromStatus": "RESOLVED", "toStatus": "OPEN", "comment": "会员仍不满意", "staffName": "sh001.clerk"},
        {"fromStatus": "OPEN", "toStatus": "IN_PROGRESS", "comment": "", "staffName": "sh001.clerk"},
        {"fromStatus": "IN_PROGRESS", "toStatus": "CLOSED", "comment": "店长处理", "staffName": "sh001.clerk"},
    ]


async def test_each_status_change_is_audited_with_before_and_after(api, people):
    hq = await api.login("hq.admin")
    feedback = await _open(hq, people.by_store["SH001"])
    mark = await audit_mark()

    await hq(CHANGE, id=feedback["id"], status="IN_PROGRESS", comment="处理中")

    (entry,) = await entries_since(mark)
    assert (entry.action, entry.target_type, entry.before, entry.after) == (
        "care.feedback.status",
        "Feedback",
        {"status": "OPEN"},
        {"status": "IN_PROGRESS", "comment": "处理中"},
    )


async def test_illegal_transitions_are_typed_errors_that_change_nothing(api, people):
    hq = await api.login("hq.admin")
    feedback = await _open(hq, people.by_store["SH001"])
    illegal = [("OPEN", "RESOLVED"), ("OPEN", "CLOSED"), ("OPEN", "OPEN")]
    await hq(CHANGE, id=feedback["id"], status="IN_PROGRESS")
    illegal += [("IN_PROGRESS", "OPEN"), ("IN_PROGRESS", "IN_PROGRESS")]
    await hq(CHANGE, id=feedback["id"], status="CLOSED")
    illegal += [("CLOSED", "RESOLVED"), ("CLOSED", "IN_PROGRESS")]

    for current, wanted in illegal:
        await Feedback.filter(id=int(GlobalID.from_id(feedback["id"]).node_id)).update(status=current)
        before = await database_rows()

        body = await hq(CHANGE, id=feedback["id"], status=wanted)

        assert body["data"]["changeFeedbackStatus"] == {
            "feedback": None,
            "errors": [
                {
                    "field": ["status"],
                    "code": "INVALID_TRANSITION",
                    "message": f"Feedback that is {current} can't become {wanted}.",
                }
            ],
        }, (current, wanted)
        assert await database_rows() == before


async def test_staff_outside_the_members_scope_can_neither_change_nor_list_its_feedback(api, people):
    hq = await api.login("hq.admin")
    clerk = await api.login("cd001.clerk")
    feedback = await _open(hq, people.by_store["SH001"])
    before = await database_rows()

    body = await clerk(CHANGE, id=feedback["id"], status="IN_PROGRESS")
    listed = await clerk(LIST)
    fetched = await clerk("query($id: ID!) { node(id: $id) { id } }", id=feedback["id"])
    opened = await clerk(OPEN, input={"memberId": gid("Member", people.by_store["SH001"].id), "kind": "FEEDBACK", "subject": "x"})

    assert body["data"]["changeFeedbackStatus"] == {
        "feedback": None,
        "errors": [
            {
                "field": ["id"],
                "code": "PERMISSION_DENIED",
                "message": "This feedback belongs to a member of another region or store.",
            }
        ],
    }
    assert listed["data"]["feedback"] == {"edges": [], "pageInfo": {"hasNextPage": False, "endCursor": None}, "totalCount": 0}
    assert fetched["data"] == {"node": None}
    assert opened["data"]["openFeedback"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert await database_rows() == before
    assert await FeedbackEvent.all().count() == 1


async def test_the_feedback_list_filters_by_status_and_kind_and_pages_newest_first(api, people):
    hq = await api.login("hq.admin")
    region = await api.login("east.manager")
    for n, code in enumerate(("SH001", "SH002", "CD001", "SH001")):
        await _open(hq, people.by_store[code], subject=f"c{n}", kind="COMPLAINT" if n != 1 else "SUGGESTION")
    done = await _open(hq, people.by_store["SH002"], subject="c4")
    await hq(CHANGE, id=done["id"], status="IN_PROGRESS")

    first = await hq(LIST, first=2, filter={"statuses": ["OPEN"], "kinds": ["COMPLAINT"]})
    rest = await hq(LIST, first=2, after=first["data"]["feedback"]["pageInfo"]["endCursor"], filter={"statuses": ["OPEN"], "kinds": ["COMPLAINT"]})
    regional = await region(LIST)

    assert [e["node"]["subject"] for e in first["data"]["feedback"]["edges"]] == ["c3", "c2"]
    assert first["data"]["feedback"]["totalCount"] == 3
    assert first["data"]["feedback"]["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["subject"] for e in rest["data"]["feedback"]["edges"]] == ["c0"]
    assert rest["data"]["feedback"]["pageInfo"]["hasNextPage"] is False
    assert [e["node"]["subject"] for e in regional["data"]["feedback"]["edges"]] == ["c4", "c3", "c1", "c0"]
