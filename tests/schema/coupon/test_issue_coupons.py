from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from server.audit.models import AuditEntry
from server.core.clock import now
from server.coupon.models import Coupon, CouponTemplate
from server.member.models import MemberStatus
from server.member.services import set_member_status
from tests.schema.coupon.conftest import ISSUE, MEMBER_COUPONS, gid, give, make_template


async def test_hq_issues_one_coupon_per_listed_member_valid_from_issue(api, org, people):
    template = await make_template(org, valid_days=30)
    members = [people.by_store["SH001"], people.by_store["CD001"]]
    hq = await api.login("hq.admin")
    issued_at = now()

    body = await hq(
        ISSUE, templateId=gid("CouponTemplate", template.id), memberIds=[gid("Member", m.id) for m in members]
    )

    result = body["data"]["issueCoupons"]
    assert result["errors"] == []
    assert [c["status"] for c in result["coupons"]] == ["ISSUED", "ISSUED"]
    assert [c["template"] for c in result["coupons"]] == [{"name": "满50减20", "issuedCount": 2}] * 2
    codes = [c["code"] for c in result["coupons"]]
    assert len(set(codes)) == 2 and all(len(code) == 12 for code in codes)
    for coupon in result["coupons"]:
        valid_from = datetime.fromisoformat(coupon["validFrom"])
        assert issued_at <= valid_from <= now()
        assert datetime.fromisoformat(coupon["validTo"]) - valid_from == timedelta(days=30)
    assert [(c.member_id, c.code) for c in await Coupon.all().order_by("id")] == list(
        zip([m.id for m in members], codes, strict=True)
    )
    assert (await CouponTemplate.get(id=template.id)).issued_count == 2
    assert await AuditEntry.filter(action="coupon.issue").count() == 1


async def test_a_member_sees_the_issued_coupons_newest_first_and_by_status(api, org, wallet):
    template = await make_template(org, per_member_limit=3)
    coupons = [await give(org, template, wallet.member.id) for _ in range(3)]
    hq = await api.login("hq.admin")
    await hq("mutation($c: String!) { voidCoupon(code: $c) { errors { code } } }", c=coupons[1].code)
    clerk = await api.login("cd001.clerk")

    page = await clerk(MEMBER_COUPONS, cardNo="C0001", first=2)
    rest = await clerk(
        MEMBER_COUPONS,
        cardNo="C0001",
        first=2,
        after=page["data"]["memberLookup"]["assets"]["coupons"]["pageInfo"]["endCursor"],
    )
    issued = await clerk(MEMBER_COUPONS, cardNo="C0001", status="ISSUED")
    void = await clerk(MEMBER_COUPONS, cardNo="C0001", status="VOID")

    def codes(body):
        return [
            (e["node"]["code"], e["node"]["status"]) for e in body["data"]["memberLookup"]["assets"]["coupons"]["edges"]
        ]

    assert codes(page) == [(coupons[2].code, "ISSUED"), (coupons[1].code, "VOID")]
    assert page["data"]["memberLookup"]["assets"]["coupons"]["pageInfo"]["hasNextPage"] is True
    assert codes(rest) == [(coupons[0].code, "ISSUED")]
    assert codes(issued) == [(coupons[2].code, "ISSUED"), (coupons[0].code, "ISSUED")]
    assert codes(void) == [(coupons[1].code, "VOID")]


async def test_the_quantity_is_never_exceeded_and_a_refused_issue_writes_nothing(api, org, people):
    template = await make_template(org, quantity=2)
    await give(org, template, people.by_store["SH001"].id)
    hq = await api.login("hq.admin")

    body = await hq(
        ISSUE,
        templateId=gid("CouponTemplate", template.id),
        memberIds=[gid("Member", people.by_store["SH002"].id), gid("Member", people.by_store["CD001"].id)],
    )

    assert body["data"]["issueCoupons"] == {
        "coupons": [],
        "errors": [
            {
                "field": ["templateId"],
                "code": "INVALID",
                "message": "Not enough coupons remain: 2 asked for, 1 left of 2.",
            }
        ],
    }
    assert (await CouponTemplate.get(id=template.id)).issued_count == 1
    assert await Coupon.all().count() == 1


async def test_no_member_holds_more_than_the_per_member_limit(api, org, people):
    template = await make_template(org, per_member_limit=1)
    holder, other = people.by_store["SH001"], people.by_store["SH002"]
    await give(org, template, holder.id)
    hq = await api.login("hq.admin")
    template_id = gid("CouponTemplate", template.id)

    again = await hq(ISSUE, templateId=template_id, memberIds=[gid("Member", other.id), gid("Member", holder.id)])
    twice = await hq(ISSUE, templateId=template_id, memberIds=[gid("Member", other.id), gid("Member", other.id)])

    assert again["data"]["issueCoupons"]["errors"] == [
        {
            "field": ["memberIds"],
            "code": "INVALID",
            "message": f"These members would hold more than 1 of these coupons: {holder.member_no}.",
        }
    ]
    assert twice["data"]["issueCoupons"]["errors"] == [
        {"field": ["memberIds"], "code": "INVALID", "message": f"These members would hold more than 1 of these coupons: {other.member_no}."}
    ]
    assert (await CouponTemplate.get(id=template.id)).issued_count == 1
    assert await Coupon.all().count() == 1


async def test_unknown_or_inactive_members_are_named_by_position_and_nothing_is_issued(api, org, people):
    template = await make_template(org)
    active, inactive = people.by_store["SH001"], people.by_store["SH002"]
    await set_member_status(org.actors["hq.admin"], inactive.id, MemberStatus.DEACTIVATED)
    hq = await api.login("hq.admin")
    template_id = gid("CouponTemplate", template.id)

    unknown = await hq(ISSUE, templateId=template_id, memberIds=[gid("Member", active.id), gid("Member", 999)])
    deactivated = await hq(ISSUE, templateId=template_id, memberIds=[gid("Member", inactive.id)])
    no_template = await hq(ISSUE, templateId=gid("CouponTemplate", 999), memberIds=[gid("Member", active.id)])
    nobody = await hq(ISSUE, templateId=template_id, memberIds=[])

    assert unknown["data"]["issueCoupons"]["errors"] == [
        {"field": ["memberIds", "1"], "code": "NOT_FOUND", "message": "Member not found."}
    ]
    assert deactivated["data"]["issueCoupons"]["errors"] == [
        {"field": ["memberIds", "0"], "code": "INVALID", "message": "Coupons are issued to active members only."}
    ]
    assert no_template["data"]["issueCoupons"]["errors"] == [
        {"field": ["templateId"], "code": "NOT_FOUND", "message": "Coupon template not found."}
    ]
    assert nobody["data"]["issueCoupons"]["errors"] == [
        {"field": ["memberIds"], "code": "INVALID", "message": "Coupons are issued to between 1 and 10000 members at a time."}
    ]
    assert await Coupon.all().count() == 0
    assert (await CouponTemplate.get(id=template.id)).issued_count == 0


async def test_a_template_whose_dates_have_ended_issues_no_more(api, org, people):
    template = await make_template(org, valid_days=None, valid_from=now(), valid_to=now() + timedelta(days=1))
    await CouponTemplate.filter(id=template.id).update(valid_to=now() - timedelta(seconds=1))
    hq = await api.login("hq.admin")

    body = await hq(
        ISSUE, templateId=gid("CouponTemplate", template.id), memberIds=[gid("Member", people.by_store["SH001"].id)]
    )

    assert body["data"]["issueCoupons"]["errors"] == [
        {"field": ["templateId"], "code": "INVALID", "message": "This coupon template's coupons have expired."}
    ]
    assert await Coupon.all().count() == 0


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_only_hq_issues_coupons(api, org, people, username):
    template = await make_template(org)
    client = await api.login(username)

    body = await client(
        ISSUE, templateId=gid("CouponTemplate", template.id), memberIds=[gid("Member", people.by_store["SH001"].id)]
    )

    assert body["data"]["issueCoupons"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage the loyalty program."}
    ]
    assert await Coupon.all().count() == 0
