from __future__ import annotations

import pytest

from server.card.models import CardType, DeductionOrder
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation
from server.member.models import Member
from server.points.lots import balance as points_balance
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.wallet.pricing import Payment
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, consume
from tests.server.wallet.conftest import balances, fund, key, refusals


async def _paid(org, wallet, amount: int, **options) -> Operation:
    _, outcome = await consume(
        org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=amount, idempotency_key=key(), **options)
    )
    assert outcome is not None
    return outcome.operation


async def test_partial_refunds_restore_each_bucket_in_proportion_and_end_exactly(org, wallet):
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送50", 10_000, 5_000))
    await fund(org, wallet, 10_000)
    await CardType.filter(id=wallet.card_type.id).update(deduction_order=DeductionOrder.PRO_RATA)
    paid = await _paid(org, wallet, 3_001)
    assert (paid.result["paid_principal"], paid.result["paid_bonus"]) == (2_001, 1_000)
    clerk = org.actors["sh001.clerk"]

    first = await refund(clerk, RefundRequest(paid.id, key(), amount=1_000))
    second = await refund(clerk, RefundRequest(paid.id, key(), amount=1_000))
    rest = await refund(clerk, RefundRequest(paid.id, key()))

    shares = [(o.operation.result["principal"], o.operation.result["bonus"]) for o in (first, second, rest)]
    assert shares == [(666, 334), (667, 333), (668, 333)]
    assert sum(p for p, _ in shares) == 2_001 and sum(b for _, b in shares) == 1_000
    assert await balances(wallet) == (10_000, 5_000)
    assert await points_balance(wallet.member.id) == 0
    assert (await Member.get(id=wallet.member.id)).total_spend == 0


async def test_never_more_than_was_paid(org, wallet):
    await fund(org, wallet, 5_000)
    paid = await _paid(org, wallet, 2_000)
    clerk = org.actors["sh001.clerk"]
    await refund(clerk, RefundRequest(paid.id, key(), amount=1_500))

    with pytest.raises(DomainError) as caught:
        await refund(clerk, RefundRequest(paid.id, key(), amount=501))

    assert (caught.value.code, caught.value.message) == (ErrorCode.INVALID, "At most 5.00 is left to refund.")
    assert await balances(wallet) == (4_500, 0)


async def test_a_refund_takes_back_earned_points_only_as_far_as_the_member_still_has_them(org, wallet):
    await fund(org, wallet, 20_000)
    paid = await _paid(org, wallet, 10_000)
    await _paid(org, wallet, 5_000, points_to_use=100, payment=Payment.EXTERNAL)
    assert await points_balance(wallet.member.id) == 49

    outcome = await refund(org.actors["sh001.clerk"], RefundRequest(paid.id, key()))

    assert (outcome.operation.result["points_reversed"], outcome.operation.result["points_unrecovered"]) == (49, 51)
    assert await points_balance(wallet.member.id) == 0


async def test_a_refund_replay_returns_the_first_refund(org, wallet):
    await fund(org, wallet, 5_000)
    paid = await _paid(org, wallet, 2_000)
    request = RefundRequest(paid.id, "refund-once", amount=500)

    first = await refund(org.actors["sh001.clerk"], request)
    second = await refund(org.actors["sh001.clerk"], request)

    assert second.replayed and second.operation.id == first.operation.id
    assert await balances(wallet) == (3_500, 0)


async def test_refunds_happen_at_the_store_that_was_paid(org, wallet):
    await fund(org, wallet, 5_000)
    paid = await _paid(org, wallet, 2_000)

    with pytest.raises(DomainError) as caught:
        await refund(org.actors["cd001.clerk"], RefundRequest(paid.id, key()))

    assert caught.value.code is ErrorCode.PERMISSION_DENIED
    assert await balances(wallet) == (3_000, 0)
    assert await refusals("wallet.refund") == [("cd001.clerk", str(paid.id), "PERMISSION_DENIED", None)]
