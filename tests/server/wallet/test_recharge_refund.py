"""A recharge refunded whole: principal paid back, bonus taken back, once, only while the card
still holds both (the ledger is verified after every test by the wallet fixtures)."""

from __future__ import annotations

import pytest

from server.card.services import replace_card
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation, OperationKind, Transfer
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.report.dashboard import dashboard
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, PaymentMethod, RechargeRequest, consume, recharge
from tests.server.wallet.conftest import balances, key, refusals


@pytest.fixture
async def recharged(org, wallet) -> Operation:
    """100.00 paid in WeChat at SH001 with a 10.00 bonus (rule 充100送10), on top of 50.00 earlier."""
    clerk = org.actors["sh001.clerk"]
    await recharge(clerk, RechargeRequest(card_no="C0001", amount=5_000, idempotency_key=key()))
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    request = RechargeRequest(card_no="C0001", amount=10_000, idempotency_key=key(), payment_method=PaymentMethod.WECHAT_PAY)
    return (await recharge(clerk, request)).operation


async def test_a_recharge_is_paid_back_whole_with_its_bonus_taken_back(org, wallet, recharged):
    assert await balances(wallet) == (15_000, 1_000)

    outcome = await refund(org.actors["sh001.clerk"], RefundRequest(recharged.id, key(), reason="充错卡"))

    operation = outcome.operation
    assert (operation.kind, operation.reverses_id, operation.amount, operation.store_id) == (
        OperationKind.RECHARGE_REFUND,
        recharged.id,
        10_000,
        org.stores["SH001"].id,
    )
    assert operation.result == {"amount": 10_000, "principal": 10_000, "bonus": 1_000, "payment_method": "WECHAT_PAY", "reason": "充错卡"}
    legs = await Transfer.filter(operation_id=operation.id).order_by("id").values_list("code", "amount")
    assert legs == [("CASH_OUT_PRINCIPAL", 10_000), ("FORFEIT_BONUS", 1_000)]
    assert await balances(wallet) == (5_000, 0)


async def test_a_recharge_is_refunded_once_and_only_whole(org, wallet, recharged):
    clerk = org.actors["sh001.clerk"]
    first_key = key()
    with pytest.raises(DomainError) as part:
        await refund(clerk, RefundRequest(recharged.id, key(), amount=5_000))
    first = await refund(clerk, RefundRequest(recharged.id, first_key, amount=10_000))
    replay = await refund(clerk, RefundRequest(recharged.id, first_key, amount=10_000))
    with pytest.raises(DomainError) as again:
        await refund(clerk, RefundRequest(recharged.id, key()))

    assert (part.value.code, part.value.field, part.value.message) == (
        ErrorCode.INVALID,
        ["amount"],
        "A recharge is refunded whole: 100.00.",
    )
    assert (replay.replayed, replay.operation.id) == (True, first.operation.id)
    assert (again.value.code, again.value.message) == (ErrorCode.INVALID, "This recharge has already been refunded.")
    assert await Operation.filter(kind=OperationKind.RECHARGE_REFUND).count() == 1
    assert await balances(wallet) == (5_000, 0)


async def test_money_already_spent_is_not_paid_out(org, wallet, recharged):
    clerk = org.actors["sh001.clerk"]
    await consume(clerk, ConsumeRequest(card_no="C0001", amount=6_000, idempotency_key=key()))

    with pytest.raises(DomainError) as caught:
        await refund(clerk, RefundRequest(recharged.id, key()))

    assert caught.value.code is ErrorCode.INSUFFICIENT_BALANCE
    assert await balances(wallet) == (9_000, 1_000)
    assert await Operation.filter(kind=OperationKind.RECHARGE_REFUND).count() == 0
    assert [(actor, code) for actor, _, code, _ in await refusals("wallet.refund")] == [("sh001.clerk", "INSUFFICIENT_BALANCE")]


async def test_the_refund_follows_a_replaced_card_and_stays_at_the_store_that_took_the_money(org, wallet, recharged):
    new = await replace_card(org.actors["sh001.clerk"], "C0001", "C0002", reason="补卡")

    with pytest.raises(DomainError) as elsewhere:
        await refund(org.actors["cd001.clerk"], RefundRequest(recharged.id, key()))
    outcome = await refund(org.actors["sh001.clerk"], RefundRequest(recharged.id, key()))

    assert elsewhere.value.code is ErrorCode.PERMISSION_DENIED
    assert outcome.operation.card_id == new.id
    assert await balances(wallet) == (0, 0)


async def test_the_dashboard_counts_recharges_net_of_their_refunds(org, wallet, recharged):
    hq = org.actors["hq.admin"]
    before = (await dashboard(hq, days=1)).trend[-1]

    await refund(org.actors["sh001.clerk"], RefundRequest(recharged.id, key()))

    after = (await dashboard(hq, days=1)).trend[-1]
    assert (before.recharge, before.recharge_count) == (15_000, 2)
    assert (after.recharge, after.recharge_count) == (5_000, 2)
