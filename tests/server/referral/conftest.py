"""Referral fixtures: a referrer at SH001, a member they referred holding a funded card (R0001),
HQ's terms (points and a coupon each side), and a worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.coupon.models import CouponKind, CouponTemplate
from server.coupon.services import TemplateDraft, create_template
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from server.referral.codes import code_of
from server.referral.settings import ReferralTerms, set_referral_terms
from server.wallet.services import RechargeRequest, recharge
from tests.server.delivery.conftest import worker  # noqa: F401 - shared fixture
from tests.server.jobs.conftest import clock  # noqa: F401 - shared fixture
from tests.server.wallet.conftest import key, ledger_stays_sound  # noqa: F401 - shared fixture


@dataclass
class Referral:
    referrer: Member
    referee: Member
    template: CouponTemplate


@pytest.fixture
async def referral(org: Any) -> Referral:
    hq = org.actors["hq.admin"]
    template = await create_template(hq, TemplateDraft(name="推荐券", kind=CouponKind.CASH_OFF, value=1_000, valid_days=30))
    await set_referral_terms(hq, ReferralTerms(200, template.id, 100, template.id))
    store = org.stores["SH001"].id
    referrer = await create_member(hq, MemberDraft(name="老会员", phone="13900002222", home_store_id=store))
    referee = await create_member(
        hq, MemberDraft(name="新会员", phone="13900003333", home_store_id=store, referral_code=await code_of(referrer.id))
    )
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    clerk = org.actors["sh001.clerk"]
    await issue_card(clerk, IssueRequest(member_id=referee.id, card_type_id=card_type.id, card_no="R0001"))
    await recharge(clerk, RechargeRequest(card_no="R0001", amount=50_000, idempotency_key=key()))
    return Referral(referrer, referee, template)
