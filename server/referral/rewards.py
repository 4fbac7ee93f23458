"""Paying a referral: the `referral.reward` task behind the outbox, and the success hook.

The first consume of a referred member that stands (not refunded in full) earns each side the
terms in force: points (an adjustment without staff, key `referral:<referee>:<side>`) and a
coupon. The `ReferralReward` row, the points, the coupons and whatever the success hooks write
commit together, and the row's unique `referee_id` lets exactly one of any number of jobs (later
consumes, a rerun, two workers) commit: the others find the reward and stop.

    on_success(handler)   registers `handler(ReferralSuccess)`, run inside the reward's
                          transaction (campaigns queue their "referral success" messages there)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from server.coupon import services as coupons
from server.coupon.models import CouponTemplate
from server.jobs.registry import JobContext, Task
from server.ledger.models import Operation, OperationKind
from server.ledger.operations import system_key
from server.member.models import Member
from server.points.services import Award, post_award, prepare_award
from server.referral.models import ReferralReward
from server.referral.outbox import REWARD_TASK
from server.referral.settings import referral_terms


@dataclass(frozen=True)
class ReferralSuccess:
    referee_id: int
    referrer_id: int
    operation_id: int
    at: datetime


Handler = Callable[[ReferralSuccess], Awaitable[None]]
_handlers: list[Handler] = []


def on_success(handler: Handler) -> Handler:
    """Registers a handler for paid referrals (usable as a decorator)."""
    _handlers.append(handler)
    return handler


async def _refunded_in_full(operation: Operation) -> bool:
    rows = await Operation.filter(reverses_id=operation.id, kind=OperationKind.REFUND).annotate(total=Sum("amount")).values("total")
    return bool(rows) and int(rows[0]["total"] or 0) >= operation.amount


async def _template(template_id: int | None) -> CouponTemplate | None:
    return await CouponTemplate.get_or_none(id=template_id, is_active=True) if template_id is not None else None


async def _award(member_id: int, points: int, side: str) -> Award | None:
    return await prepare_award(member_id, points, f"referral reward ({side})") if points else None


async def _grant(side: str, member_id: int, referee_id: int, award: Award | None, template: CouponTemplate | None) -> dict[str, Any]:
    given: dict[str, Any] = {}
    if award is not None:
        await post_award(award, system_key("referral", referee_id, side))
        given["points"] = award.points
    if template is not None:
        (coupon,) = await coupons.grant(template, [member_id])
        given["coupon"] = coupon.code
    return given


async def _reward(context: JobContext) -> None:
    operation = await Operation.get_or_none(id=int(context.payload["operation_id"]))
    if operation is None or operation.member_id is None:
        return
    member = await Member.get(id=operation.member_id)
    if member.referrer_id is None or await ReferralReward.exists(referee_id=member.id):
        return
    if await _refunded_in_full(operation):
        return
    terms = await referral_terms()
    referrer_template = await _template(terms.referrer_coupon_template_id)
    referee_template = await _template(terms.referee_coupon_template_id)
    referrer_award = await _award(member.referrer_id, terms.referrer_points, "referrer")
    referee_award = await _award(member.id, terms.referee_points, "referee")
    try:
        async with in_transaction():
            reward = await ReferralReward.create(referee_id=member.id, referrer_id=member.referrer_id, operation_id=operation.id)
            reward.rewards = {
                "referrer": await _grant("referrer", member.referrer_id, member.id, referrer_award, referrer_template),
                "referee": await _grant("referee", member.id, member.id, referee_award, referee_template),
            }
            await reward.save(update_fields=["rewards"])
            success = ReferralSuccess(member.id, member.referrer_id, operation.id, reward.created_at)
            for handler in _handlers:
                await handler(success)
    except IntegrityError:
        if not await ReferralReward.exists(referee_id=member.id):
            raise


REWARD = Task(REWARD_TASK, _reward, max_attempts=5, backoff=30.0)
