from __future__ import annotations

import pytest

from server.card.models import CardKind
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.core.errors import DomainError, ErrorCode, ErrorReason
from server.ledger.models import Operation, Transfer
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.wallet.services import PaymentMethod, RechargeRequest, recharge
from tests.server.wallet.conftest import balances, key, refusals


async def test_a_recharge_is_usable_at_once_with_the_best_bonus_rule(org, wallet):
    hq = org.actors["hq.admin"]
    await create_recharge_rule(hq, RechargeRuleDraft("充500送50", 50_000, 5_000))
    await create_recharge_rule(hq, RechargeRuleDraft("充1000送150", 100_000, 15_000))

    outcome = await recharge(
        org.actors["sh001.clerk"],
        RechargeRequest(card_no="C0001", amount=120_000, idempotency_key=key(), payment_method=PaymentMethod.WECHAT_PAY),
    )

    assert await balances(wallet) == (120_000, 15_000)
    assert outcome.operation.result == {"principal": 120_000, "bonus": 15_000, "rule": "充1000送150", "payment_method": "WECHAT_PAY"}
    assert sorted(t.code for t in await Transfer.filter(operation_id=outcome.operation.id)) == [
        "RECHARGE_BONUS",
        "RECHARGE_PRINCIPAL",
    ]


async def test_a_replayed_key_returns_the_first_recharge_and_moves_nothing(org, wallet):
    clerk = org.actors["sh001.clerk"]
    request = RechargeRequest(card_no="C0001", amount=10_000, idempotency_key="same")

    first = await recharge(clerk, request)
    second = await recharge(clerk, request)

    assert (first.replayed, second.replayed) == (False, True)
    assert second.operation.id == first.operation.id
    assert await balances(wallet) == (10_000, 0)
    assert await Operation.all().count() == 1


async def test_the_same_key_with_a_different_request_is_a_conflict(org, wallet):
    clerk = org.actors["sh001.clerk"]
    await recharge(clerk, RechargeRequest(card_no="C0001", amount=10_000, idempotency_key="same"))

    with pytest.raises(DomainError) as caught:
        await recharge(clerk, RechargeRequest(card_no="C0001", amount=20_000, idempotency_key="same"))

    assert caught.value.code is ErrorCode.IDEMPOTENCY_CONFLICT
    assert await balances(wallet) == (10_000, 0)


async def test_a_key_reserved_for_tessera_s_own_operations_is_invalid_and_changes_nothing(org, wallet):
    # a clerk taking the key of the card's cash-out would block its cancellation
    with pytest.raises(DomainError) as caught:
        await recharge(
            org.actors["sh001.clerk"],
            RechargeRequest(card_no="C0001", amount=1_000, idempotency_key=f"card_cash_out:card:{wallet.card.id}"),
        )

    assert caught.value.code == ErrorCode.INVALID
    assert await balances(wallet) == (0, 0)
    assert await Operation.all().count() == 0


@pytest.mark.parametrize(("amount", "message"), [(0, "more than 0.00"), (-1, "more than 0.00"), (10_000_001, "limit")])
async def test_bad_amounts_are_invalid_and_change_nothing(org, wallet, amount, message):
    with pytest.raises(DomainError) as caught:
        await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=amount, idempotency_key=key()))

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["amount"])
    assert message in caught.value.message
    assert await Operation.all().count() == 0


async def test_a_clerk_recharges_only_at_their_own_store(org, wallet):
    with pytest.raises(DomainError) as caught:
        await recharge(
            org.actors["sh001.clerk"],
            RechargeRequest(card_no="C0001", amount=100, idempotency_key=key(), store_id=org.stores["CD001"].id),
        )

    assert caught.value.code is ErrorCode.PERMISSION_DENIED
    assert await Operation.all().count() == 0
    assert await refusals("wallet.recharge") == [("sh001.clerk", str(wallet.card.id), "PERMISSION_DENIED", None)]


async def test_region_managers_may_not_take_money_unless_granted(org, wallet):
    with pytest.raises(DomainError) as caught:
        await recharge(
            org.actors["east.manager"],
            RechargeRequest(card_no="C0001", amount=100, idempotency_key=key(), store_id=org.stores["SH001"].id),
        )

    assert caught.value.code is ErrorCode.PERMISSION_DENIED
    assert await refusals("wallet.recharge") == [("east.manager", str(wallet.card.id), "PERMISSION_DENIED", None)]


async def test_a_subsidiary_card_or_one_without_stored_value_is_not_recharged_and_says_why(org, wallet):
    hq, clerk = org.actors["hq.admin"], org.actors["sh001.clerk"]
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    points_type = await create_card_type(hq, CardTypeDraft(code="PTS", name="积分卡", stores_value=False))
    await issue_card(clerk, IssueRequest(wallet.member.id, sub_type.id, card_no="S0001", parent_card_no="C0001"))
    await issue_card(clerk, IssueRequest(wallet.member.id, points_type.id, card_no="P0001"))
    refused = []

    for card_no in ("S0001", "P0001"):
        with pytest.raises(DomainError) as caught:
            await recharge(clerk, RechargeRequest(card_no=card_no, amount=100, idempotency_key=key()))
        refused.append((caught.value.code, caught.value.reason, caught.value.field))

    assert refused == [
        (ErrorCode.INVALID, ErrorReason.CARD_IS_SUBSIDIARY, ["cardNo"]),
        (ErrorCode.INVALID, ErrorReason.CARD_NO_STORED_VALUE, ["cardNo"]),
    ]
    assert await Operation.all().count() == 0
