"""Tier fixtures: a three-level ladder with rules, the wallet member (card C0001 at SH001) moved to
its entry tier, and helpers to pay and run the worker; the ledger is verified after every test."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from server.jobs.catalog import REGISTRY
from server.jobs.runner import Worker
from server.member.models import Member
from server.tier.models import Match, Tier, TierChange, TierWindow
from server.tier.rules import ConditionsDraft, RulesDraft, set_tier_rules
from server.tier.services import TierDraft, create_tier
from server.wallet.services import ConsumeRequest, consume
from tests.server.wallet.conftest import Wallet, key, ledger_stays_sound, wallet  # noqa: F401 - shared fixtures


@dataclass
class Ladder:
    """普通 (entry) → 银卡 (10,000.00 spent in 365 days; kept with 5,000.00) → 金卡 (3 visits and 1,000
    points in the calendar month; kept with 1 visit a month)."""

    basic: Tier
    silver: Tier
    gold: Tier


@pytest.fixture
async def ladder(org: Any, wallet: Wallet) -> Ladder:
    hq = org.actors["hq.admin"]
    basic = await create_tier(hq, TierDraft("普通", 1))
    silver = await create_tier(hq, TierDraft("银卡", 2, discount_percent=95))
    gold = await create_tier(hq, TierDraft("金卡", 3, discount_percent=90))
    silver = await set_tier_rules(
        hq, silver.id, RulesDraft(upgrade=ConditionsDraft(spend=1_000_000), retention=ConditionsDraft(spend=500_000))
    )
    gold = await set_tier_rules(
        hq,
        gold.id,
        RulesDraft(
            window=TierWindow.MONTH,
            upgrade=ConditionsDraft(Match.ALL, visits=3, points=1000),
            retention=ConditionsDraft(visits=1),
        ),
    )
    await Member.filter(id=wallet.member.id).update(tier_id=basic.id)
    return Ladder(basic, silver, gold)


async def pay(org: Any, amount: int, card_no: str = "C0001") -> int:
    """The clerk at SH001 takes a stored-value payment of `amount` fen; the operation id."""
    _, outcome = await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no=card_no, amount=amount, idempotency_key=key()))
    assert outcome is not None
    return outcome.operation.id


async def tier_of(member_id: int) -> str | None:
    member = await Member.get(id=member_id).select_related("tier")
    return member.tier.name if member.tier else None


async def history(member_id: int) -> list[tuple[str, str, str]]:
    """(from, to, cause) of each of the member's tier changes, oldest first."""
    return [(c.from_name, c.to_name, c.cause.value) for c in await TierChange.filter(member_id=member_id).order_by("id")]


@pytest.fixture
def worker() -> Worker:
    return Worker(REGISTRY, name="w")

