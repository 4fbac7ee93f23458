"""Paid tiers: charged once per key from stored value (or recorded as paid outside), held until
they expire, then fallen back from at the review."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.core.errors import DomainError
from server.ledger.models import Operation, OperationKind, Transfer
from server.tier.evaluation import review_due
from server.tier.models import Match, TierStatus, TierWindow
from server.tier.purchase import PurchaseRequest, TierPayment, buy_tier
from server.tier.rules import ConditionsDraft, RulesDraft, set_tier_rules
from tests.server.tier.conftest import history, tier_of
from tests.server.wallet.conftest import balances, fund, key


@pytest.fixture
async def for_sale(org, ladder):
    """金卡 costs 199.00 for 30 days."""
    return await set_tier_rules(
        org.actors["hq.admin"],
        ladder.gold.id,
        RulesDraft(TierWindow.MONTH, upgrade=ConditionsDraft(Match.ALL, visits=3, points=1000), price=19_900, paid_days=30),
    )


async def test_a_tier_paid_from_stored_value_is_charged_once_per_key(org, for_sale, wallet):
    await fund(org, wallet, 50_000)
    request = PurchaseRequest(wallet.member.id, for_sale.id, key(), card_no="C0001")
    clerk = org.actors["sh001.clerk"]

    first = await buy_tier(clerk, request)
    again = await buy_tier(clerk, request)

    assert (first.replayed, again.replayed, again.operation.id) == (False, True, first.operation.id)
    assert await balances(wallet) == (50_000 - 19_900, 0)
    assert [(t.amount, t.code.value) for t in await Transfer.filter(operation_id=first.operation.id)] == [(19_900, "TIER_PURCHASE")]
    assert await tier_of(wallet.member.id) == "金卡"
    assert await history(wallet.member.id) == [("普通", "金卡", "PAID")]
    status = await TierStatus.get(member_id=wallet.member.id)
    assert status.paid_tier_id == for_sale.id
    assert status.paid_until is not None and status.paid_until.isoformat() == first.operation.result["until"]


async def test_a_card_short_of_the_price_buys_nothing(org, for_sale, wallet):
    await fund(org, wallet, 10_000)

    with pytest.raises(DomainError) as short:
        await buy_tier(org.actors["sh001.clerk"], PurchaseRequest(wallet.member.id, for_sale.id, key(), card_no="C0001"))

    assert short.value.code.value == "INSUFFICIENT_BALANCE"
    assert await balances(wallet) == (10_000, 0)
    assert await tier_of(wallet.member.id) == "普通"
    assert await Operation.filter(kind=OperationKind.TIER_PURCHASE).count() == 0


async def test_a_tier_not_for_sale_or_below_the_members_is_refused(org, ladder, for_sale, wallet):
    clerk = org.actors["sh001.clerk"]
    with pytest.raises(DomainError) as not_for_sale:
        await buy_tier(clerk, PurchaseRequest(wallet.member.id, ladder.silver.id, key(), TierPayment.EXTERNAL))
    await buy_tier(clerk, PurchaseRequest(wallet.member.id, for_sale.id, key(), TierPayment.EXTERNAL))
    await set_tier_rules(org.actors["hq.admin"], ladder.silver.id, RulesDraft(price=100, paid_days=1))
    with pytest.raises(DomainError) as lower:
        await buy_tier(clerk, PurchaseRequest(wallet.member.id, ladder.silver.id, key(), TierPayment.EXTERNAL))

    assert (not_for_sale.value.message, lower.value.message) == (
        "This tier is not for sale.",
        "The member already holds a higher tier.",
    )


async def test_an_external_payment_is_recorded_and_the_tier_falls_back_when_it_expires(org, for_sale, wallet):
    outcome = await buy_tier(
        org.actors["sh001.clerk"], PurchaseRequest(wallet.member.id, for_sale.id, key(), TierPayment.EXTERNAL)
    )
    status = await TierStatus.get(member_id=wallet.member.id)
    assert status.paid_until is not None

    during = await review_due(status.paid_until - timedelta(seconds=1))
    tier_during = await tier_of(wallet.member.id)
    expired = await review_due(status.paid_until)
    rerun = await review_due(status.paid_until)

    assert (outcome.operation.amount, outcome.operation.result["payment"]) == (19_900, "EXTERNAL")
    assert await Transfer.filter(operation_id=outcome.operation.id).count() == 0
    assert (during, tier_during, expired, rerun) == (0, "金卡", 1, 0)
    assert await history(wallet.member.id) == [("普通", "金卡", "PAID"), ("金卡", "普通", "EXPIRY")]
    assert await balances(wallet) == (0, 0)
