"""Per-request DataLoaders: one SQL query per kind of related row, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from tortoise.functions import Sum

from server.access.models import Staff
from server.campaign.models import CampaignReward
from server.care.models import FeedbackEvent
from server.card.models import Card, CardType
from server.core.clock import now
from server.coupon.models import CouponTemplate
from server.ledger.models import Account, Transfer
from server.member.models import Member
from server.org.models import Region, Store
from server.points.models import PointsLot
from server.referral.codes import codes_for
from server.segment.models import MemberValue
from server.tag.models import MemberTag, Tag
from server.tier.models import Tier
from server.wallet import refunds

M = TypeVar("M", bound=Model)


def _by_id(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: Sequence[int]) -> list[M | None]:
        rows = {row.pk: row for row in await model.filter(id__in=list(ids))}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


async def _tags_by_member(member_ids: Sequence[int]) -> list[list[Tag]]:
    links = await MemberTag.filter(member_id__in=list(member_ids)).select_related("tag").order_by("tag__name")
    grouped: dict[int, list[Tag]] = defaultdict(list)
    for link in links:
        grouped[link.member_id].append(link.tag)
    return [grouped.get(i, []) for i in member_ids]


async def _cards_by_member(member_ids: Sequence[int]) -> list[list[Card]]:
    grouped: dict[int, list[Card]] = defaultdict(list)
    for card in await Card.filter(member_id__in=list(member_ids)).order_by("id"):
        grouped[card.member_id].append(card)
    return [grouped.get(i, []) for i in member_ids]


async def _balances_by_card(card_ids: Sequence[int]) -> list[dict[str, int]]:
    """{account code: balance} per card; a card without accounts holds nothing."""
    grouped: dict[int, dict[str, int]] = defaultdict(dict)
    for account in await Account.filter(card_id__in=list(card_ids)):
        grouped[account.card_id or 0][account.code] = account.balance or 0
    return [grouped.get(i, {}) for i in card_ids]


async def _points_by_member(member_ids: Sequence[int]) -> list[int]:
    """Spendable points: the remaining points of lots that have not expired."""
    rows = (
        await PointsLot.filter(member_id__in=list(member_ids), remaining__gt=0, expires_at__gt=now())
        .annotate(total=Sum("remaining"))
        .group_by("member_id")
        .values("member_id", "total")
    )
    totals = {row["member_id"]: int(row["total"] or 0) for row in rows}
    return [totals.get(i, 0) for i in member_ids]


async def _legs_by_operation(operation_ids: Sequence[int]) -> list[list[Transfer]]:
    grouped: dict[int, list[Transfer]] = defaultdict(list)
    for leg in await Transfer.filter(operation_id__in=list(operation_ids)).select_related("debit", "credit").order_by("id"):
        grouped[leg.operation_id].append(leg)
    return [grouped.get(i, []) for i in operation_ids]


async def _feedback_events(feedback_ids: Sequence[int]) -> list[list[FeedbackEvent]]:
    grouped: dict[int, list[FeedbackEvent]] = defaultdict(list)
    for event in await FeedbackEvent.filter(feedback_id__in=list(feedback_ids)).order_by("id"):
        grouped[event.feedback_id].append(event)
    return [grouped.get(i, []) for i in feedback_ids]


async def _referral_codes(member_ids: Sequence[int]) -> list[str]:
    codes = await codes_for(member_ids)
    return [codes[i] for i in member_ids]


async def _campaign_rewards(keys: Sequence[str]) -> list[CampaignReward | None]:
    rows = {r.key: r for r in await CampaignReward.filter(key__in=list(keys))}
    return [rows.get(k) for k in keys]


async def _members(ids: Sequence[int]) -> list[Member | None]:
    rows = {m.id: m for m in await Member.filter(id__in=list(ids)).select_related("home_store")}
    return [rows.get(i) for i in ids]


async def _values_by_member(member_ids: Sequence[int]) -> list[MemberValue | None]:
    rows = {v.member_id: v for v in await MemberValue.filter(member_id__in=list(member_ids))}
    return [rows.get(i) for i in member_ids]


class Loaders:
    """A request's DataLoaders, each made when a field first asks for it (most requests need none)."""

    @cached_property
    def tier(self) -> DataLoader[int, Tier | None]:
        return _by_id(Tier)

    @cached_property
    def store(self) -> DataLoader[int, Store | None]:
        return _by_id(Store)

    @cached_property
    def region(self) -> DataLoader[int, Region | None]:
        return _by_id(Region)

    @cached_property
    def tags_by_member(self) -> DataLoader[int, list[Tag]]:
        return DataLoader(load_fn=_tags_by_member)

    @cached_property
    def staff(self) -> DataLoader[int, Staff | None]:
        return _by_id(Staff)

    @cached_property
    def card_type(self) -> DataLoader[int, CardType | None]:
        return _by_id(CardType)

    @cached_property
    def card(self) -> DataLoader[int, Card | None]:
        return _by_id(Card)

    @cached_property
    def member(self) -> DataLoader[int, Member | None]:
        return DataLoader(load_fn=_members)

    @cached_property
    def cards_by_member(self) -> DataLoader[int, list[Card]]:
        return DataLoader(load_fn=_cards_by_member)

    @cached_property
    def balances_by_card(self) -> DataLoader[int, dict[str, int]]:
        return DataLoader(load_fn=_balances_by_card)

    @cached_property
    def points_by_member(self) -> DataLoader[int, int]:
        return DataLoader(load_fn=_points_by_member)

    @cached_property
    def legs_by_operation(self) -> DataLoader[int, list[Transfer]]:
        return DataLoader(load_fn=_legs_by_operation)

    @cached_property
    def refunded(self) -> DataLoader[int, int]:
        return DataLoader(load_fn=refunds.refunded)

    @cached_property
    def refund_holdings(self) -> DataLoader[int, refunds.Holding]:
        return DataLoader(load_fn=refunds.holdings)

    @cached_property
    def referral_code(self) -> DataLoader[int, str]:
        return DataLoader(load_fn=_referral_codes)

    @cached_property
    def feedback_events(self) -> DataLoader[int, list[FeedbackEvent]]:
        return DataLoader(load_fn=_feedback_events)

    @cached_property
    def coupon_template(self) -> DataLoader[int, CouponTemplate | None]:
        return _by_id(CouponTemplate)

    @cached_property
    def campaign_reward(self) -> DataLoader[str, CampaignReward | None]:
        return DataLoader(load_fn=_campaign_rewards)

    @cached_property
    def value_by_member(self) -> DataLoader[int, MemberValue | None]:
        return DataLoader(load_fn=_values_by_member)
