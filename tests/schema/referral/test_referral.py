"""Referral over GraphQL: members show their code and referrer; registering with a code links
them, an unknown code is an INVALID payload error that registers nobody; HQ sets the terms."""

from __future__ import annotations

from server.coupon.models import CouponKind
from server.coupon.services import TemplateDraft, create_template
from server.member.models import Member
from server.referral.models import ReferralSettings
from tests.schema.member.conftest import gid

REGISTER = """
mutation($input: CreateMemberInput!) {
  createMember(input: $input) {
    member { name referralCode referrer { name phone view } }
    errors { field code message }
  }
}
"""

CODE = "query($id: ID!) { node(id: $id) { ... on Member { referralCode } } }"

SET = """
mutation($input: ReferralSettingsInput!) {
  setReferralSettings(input: $input) {
    settings { referrerPoints refereePoints referrerCouponTemplate { name } refereeCouponTemplate { name } }
    errors { field code message }
  }
}
"""


async def test_a_clerk_registers_a_member_with_a_referral_code(api, org, people):
    # given a referrer at another region's store, whose code the clerk reads off their phone
    hq = await api.login("hq.admin")
    referrer = people.by_store["CD001"]
    code = (await hq(CODE, id=gid("Member", referrer.id)))["data"]["node"]["referralCode"]
    clerk = await api.login("sh001.clerk")
    # when
    body = await clerk(REGISTER, input={"name": "新会员", "phone": "13900004444", "referralCode": code})
    # then the new member has a code of their own and the referrer shows masked to this clerk
    payload = body["data"]["createMember"]
    assert payload["errors"] == []
    member = payload["member"]
    assert len(member["referralCode"]) == 8 and member["referralCode"] != code
    assert member["referrer"] == {"name": referrer.name, "phone": "137****0003", "view": "MASKED"}


async def test_an_unknown_referral_code_is_invalid_and_registers_nobody(api, org, people):
    clerk = await api.login("sh001.clerk")
    before = await Member.all().count()

    body = await clerk(REGISTER, input={"name": "新会员", "phone": "13900004444", "referralCode": "NOSUCH22"})

    assert body["data"]["createMember"] == {
        "member": None,
        "errors": [
            {"field": ["referralCode"], "code": "INVALID", "message": "No member has this referral code; check it and try again."}
        ],
    }
    assert await Member.all().count() == before


async def test_hq_sets_the_referral_terms_and_a_clerk_may_not(api, org):
    template = await create_template(org.actors["hq.admin"], TemplateDraft(name="推荐券", kind=CouponKind.GIFT, value=0, valid_days=30))
    terms = {"referrerPoints": 200, "refereePoints": 100, "refereeCouponTemplateId": gid("CouponTemplate", template.id)}
    clerk = await api.login("sh001.clerk")

    denied = await clerk(SET, input=terms)

    assert denied["data"]["setReferralSettings"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert await ReferralSettings.all().count() == 0

    body = await (await api.login("hq.admin"))(SET, input=terms)

    assert body["data"]["setReferralSettings"] == {
        "settings": {"referrerPoints": 200, "refereePoints": 100, "referrerCouponTemplate": None, "refereeCouponTemplate": {"name": "推荐券"}},
        "errors": [],
    }
    read = await clerk("{ referralSettings { referrerPoints refereePoints } }")
    assert read["data"]["referralSettings"] == {"referrerPoints": 200, "refereePoints": 100}


async def test_negative_points_are_refused(api, org):
    hq = await api.login("hq.admin")

    body = await hq(SET, input={"referrerPoints": -1})

    assert body["data"]["setReferralSettings"]["errors"] == [
        {"field": ["referrerPoints"], "code": "INVALID", "message": "Points must be between 0 (none) and 10000000."}
    ]
    assert await ReferralSettings.all().count() == 0
