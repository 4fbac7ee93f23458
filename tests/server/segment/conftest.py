"""A crowd of members with varied profiles and behaviour, for comparing segment SQL with a
brute-force evaluation in Python. Members, tiers, tags, cards, recharges, consumes, refunds and
points go through the services; dates are then moved back with plain updates, since services only
ever write "now" (registered 400 days ago, consumed 45 days ago…)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest

from server.campaign.models import CampaignKind, CampaignRecipient, Trigger
from server.campaign.services import CampaignDraft, Variant, create_campaign
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.core.clock import now
from server.delivery.models import Delivery, DeliveryStatus, Purpose
from server.ledger.models import Operation, OperationKind
from server.member.models import Gender, Member, MemberStatus
from server.member.services import MemberDraft, create_member
from server.points.services import AdjustRequest, adjust_points
from server.segment.models import MemberValue, RfmGroup
from server.tag.models import Tag
from server.tag.services import create_tag, tag_member
from server.tier.models import Tier
from server.tier.services import TierDraft, create_tier
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, RechargeRequest, consume, recharge

_keys = itertools.count(1)
STORES = ("SH001", "SH002", "CD001")
GENDERS = (Gender.FEMALE, Gender.MALE, Gender.UNKNOWN)


def key() -> str:
    return f"seg-{next(_keys)}"


@dataclass
class Crowd:
    members: list[Member]
    tiers: dict[str, Tier]
    tags: dict[str, Tag]
    campaigns: list[int]


STATUSES = (DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.SENT, DeliveryStatus.PENDING)


async def _campaign_history(hq: Any, members: list[Member]) -> list[int]:
    """Two campaigns (attribution 7 and 30 days) and what their fan-outs and sends would have left:
    recipients reached up to 11 or 39 days before their last purchase (or now) or held out, and deliveries SENT, FAILED, PENDING or SKIPPED.
    Written directly so that every status and timing occurs; the fan-out itself is tested in campaign."""
    ids = []
    for n, (days, step, spread) in enumerate(((7, 2, 12), (30, 3, 40))):
        draft = CampaignDraft(
            name=f"活动{n}", kind=CampaignKind.TRIGGERED, trigger=Trigger.BIRTHDAY,
            variants=[Variant("A", 100, "{name}")], attribution_days=days,
        )
        campaign = await create_campaign(hq, draft)
        for i, member in enumerate(members):
            if i % step != 1:
                continue
            held = i % 5 == 0
            last = await Operation.filter(member_id=member.id, kind=OperationKind.CONSUME).order_by("-created_at").first()
            reached = (last.created_at if last else now()) - timedelta(days=(i * 7 + n * 13) % spread, hours=1)
            await CampaignRecipient.create(
                campaign_id=campaign.id, member_id=member.id, occurrence="once",
                variant="HOLDOUT" if held else "A", reason="HOLDOUT" if held else "", created_at=reached,
            )
            await Delivery.create(
                key=f"campaign:{campaign.id}:once:{member.id}", member_id=member.id, purpose=Purpose.CAMPAIGN,
                source=f"campaign:{campaign.id}", status=DeliveryStatus.SKIPPED if held else STATUSES[i // step % 4],
            )
        ids.append(campaign.id)
    return ids


async def _spread_dates(member: Member, i: int) -> None:
    """Registration 0-690 days ago; purchases moved back by a member-specific number of days."""
    at = now()
    await Member.filter(id=member.id).update(created_at=at - timedelta(days=(i * 37) % 700))
    shift = timedelta(days=(i * 13) % 80, hours=i)
    for op in await Operation.filter(member_id=member.id).order_by("id"):
        await Operation.filter(id=op.id).update(created_at=op.created_at - shift)
    last = await Operation.filter(member_id=member.id, kind=OperationKind.CONSUME).order_by("-created_at").first()
    if last is not None:
        await Member.filter(id=member.id).update(last_purchase_at=last.created_at)


@pytest.fixture
async def crowd(org: Any) -> Crowd:
    hq, clerks = org.actors["hq.admin"], {"SH001": "sh001.clerk", "SH002": "hq.admin", "CD001": "cd001.clerk"}
    tiers = {name: await create_tier(hq, TierDraft(name=name, rank=rank)) for name, rank in (("银卡", 1), ("金卡", 2))}
    tags = {name: await create_tag(hq, name) for name in ("咖啡", "甜品", "早餐")}
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    members = []
    for i in range(24):
        store = STORES[i % 3]
        birthday = None if i % 5 == 4 else date(1960 + (i * 7) % 45, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
        draft = MemberDraft(
            name=f"成员{i}", phone=f"1380000{i:04d}", home_store_id=org.stores[store].id,
            gender=GENDERS[i % 3], birthday=birthday,
        )
        member = await create_member(hq, draft)
        actor = org.actors[clerks[store]]
        if i % 4:
            card = await issue_card(actor, IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no=f"S{i:04d}"))
            await recharge(actor, RechargeRequest(card_no=card.card_no, amount=10_000 * (i % 4), idempotency_key=key(), store_id=org.stores[store].id))
            for n in range(i % 3):
                await consume(actor, ConsumeRequest(card_no=card.card_no, amount=1_500 + 700 * n + 100 * i, idempotency_key=key(), store_id=org.stores[store].id))
            if i % 6 == 1:
                first = await Operation.filter(member_id=member.id, kind=OperationKind.CONSUME).first()
                await refund(hq, RefundRequest(operation_id=first.id, idempotency_key=key(), amount=500))
        if i % 7 in (1, 3):
            await adjust_points(hq, AdjustRequest(member_id=member.id, points=50 * i, reason="测试", idempotency_key=key()))
        for name, step in (("咖啡", 2), ("甜品", 3), ("早餐", 5)):
            if i % step == 0:
                await tag_member(hq, member.id, tags[name].id)
        if i % 4 == 3:
            await Member.filter(id=member.id).update(tier_id=tiers["金卡"].id)
        elif i % 4 == 0:
            await Member.filter(id=member.id).update(tier_id=None)
        if i == 23:
            await Member.filter(id=member.id).update(status=MemberStatus.DEACTIVATED)
        await _spread_dates(member, i)
        if i % 3:
            groups = list(RfmGroup)
            await MemberValue.create(
                member_id=member.id, recency_days=i, frequency=i % 3, monetary=100 * i, r_score=1, f_score=1,
                m_score=1, rfm_group=groups[i % len(groups)], clv=0, computed_at=now(),
            )
        members.append(member)
    campaigns = await _campaign_history(hq, members)
    return Crowd(await Member.all().order_by("id"), tiers, tags, campaigns)
