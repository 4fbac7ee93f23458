from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from server.card.models import CardAction, DeductionOrder
from server.card.services import CardTypeDraft, IssueRequest, change_status, create_card_type, issue_card
from server.audit.models import AuditEntry
from server.core.errors import DomainError, ErrorCode, ErrorReason
from server.ledger import operations
from server.ledger.models import Operation
from server.member.models import Member, MemberStatus
from server.member.services import set_member_status
from server.points.lots import balance as points_balance
from server.program.services import RechargeRuleDraft, create_recharge_rule, set_earn_rule
from server.tier.services import TierDraft, create_tier
from server.wallet.pricing import Payment
from server.wallet import services
from server.wallet.services import ConsumeRequest, RechargeRequest, consume, recharge
from tests.conftest import ON_POSTGRES
from tests.server.wallet.conftest import balances, fund, key, refusals
from tests.statements import recorded_statements


async def test_a_consume_prices_the_order_and_pays_from_stored_value(org, wallet):
    hq = org.actors["hq.admin"]
    gold = await create_tier(hq, TierDraft("金卡", 3, discount_percent=90, points_multiplier_pct=150))
    await Member.filter(id=wallet.member.id).update(tier_id=gold.id)
    await set_earn_rule(hq, None, points_per_yuan=2)
    await fund(org, wallet, 50_000)

    breakdown, outcome = await consume(
        org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=10_000, idempotency_key=key(), order_ref="POS-1")
    )

    assert breakdown.as_dict() == {
        "list_price": 10_000,
        "tier_discount": 1_000,
        "coupon_code": None,
        "coupon_discount": 0,
        "points_used": 0,
        "points_value": 0,
        "payable": 9_000,
        "payment": "STORED_VALUE",
        "paid_principal": 9_000,
        "paid_bonus": 0,
        "paid_external": 0,
        "points_earned": 270,
    }
    assert await balances(wallet) == (41_000, 0)
    assert await points_balance(wallet.member.id) == 270
    member = await Member.get(id=wallet.member.id)
    assert (member.total_spend, member.visit_count) == (9_000, 1)
    assert outcome is not None and outcome.operation.order_ref == "POS-1"


@pytest.fixture
def transactions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the transactions money operations open (one entry per `in_transaction()`)."""
    opened: list[str] = []
    original = operations.in_transaction

    def counting() -> Any:
        opened.append("BEGIN")
        return original()

    monkeypatch.setattr(operations, "in_transaction", counting)
    return opened


async def test_a_paid_consume_is_two_statements_and_no_transaction_on_postgresql(org, wallet, transactions):
    """The hot path's budget: on PostgreSQL the till with the card, its accounts and the
    operation's id drawn, in one read (no look-up of the idempotency key: a replay is recognised by
    its failure); then the operation, the checked balance update and every side row (transfers,
    jobs, points lot, visit count, audit entry) as one statement on its own, without BEGIN and
    COMMIT. On SQLite the till with the card, the accounts, then a transaction of the operation,
    the guarded update and the side rows one by one."""
    await fund(org, wallet, 50_000)
    await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=100, idempotency_key=key()))
    transactions.clear()

    with recorded_statements() as statements:
        await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=1_000, idempotency_key=key()))

    writes = [s.split()[0].upper() for s in statements if not s.lstrip().upper().startswith("SELECT")]
    if ON_POSTGRES:
        assert len(statements) == 2
        assert writes == ["WITH"]
        assert transactions == []
    else:
        assert writes == ["INSERT", "WITH", "INSERT", "INSERT", "INSERT", "INSERT", "UPDATE", "INSERT"]
        assert transactions == ["BEGIN"]
    assert await balances(wallet) == (48_900, 0)


@pytest.fixture
def between_read_and_write(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[], Awaitable[Any]]], None]:
    """Runs an operation once, after the next consume has read what it prices from and before it
    writes: a concurrent payment landing in between, made deterministic."""

    def arrange(meanwhile: Callable[[], Awaitable[Any]]) -> None:
        original = services._plan
        pending = [meanwhile]

        async def plan_then_interfere(*args: Any) -> Any:
            planned = await original(*args)
            while pending:
                await pending.pop()()
            return planned

        monkeypatch.setattr(services, "_plan", plan_then_interfere)

    return arrange


async def test_a_payment_whose_balances_changed_since_its_read_pays_by_the_balances_under_lock(
    org, wallet, transactions, between_read_and_write
):
    clerk = org.actors["sh001.clerk"]
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充1000送500", min_amount=1_000, bonus_amount=500))
    await fund(org, wallet, 1_000)  # 1,000 principal + 500 bonus
    between_read_and_write(lambda: fund(org, wallet, 200))  # principal 1,200: the read saw 1,000
    transactions.clear()

    breakdown, outcome = await consume(clerk, ConsumeRequest(card_no="C0001", amount=1_100, idempotency_key="late"))

    assert (breakdown.paid_principal, breakdown.paid_bonus) == (1_100, 0)
    assert await balances(wallet) == (100, 500)
    assert outcome is not None and not outcome.replayed
    assert await Operation.filter(idempotency_key="late").count() == 1
    assert transactions == ["BEGIN", "BEGIN"]  # the top-up's, then the payment's under lock


async def test_a_payment_that_a_concurrent_one_left_short_is_refused_and_moves_nothing(org, wallet, between_read_and_write):
    clerk = org.actors["sh001.clerk"]
    await fund(org, wallet, 1_000)
    between_read_and_write(lambda: consume(clerk, ConsumeRequest(card_no="C0001", amount=600, idempotency_key=key())))

    with pytest.raises(DomainError) as caught:
        await consume(clerk, ConsumeRequest(card_no="C0001", amount=500, idempotency_key="short"))

    assert caught.value.code == ErrorCode.INSUFFICIENT_BALANCE
    assert await balances(wallet) == (400, 0)
    assert await Operation.filter(idempotency_key="short").count() == 0


async def test_a_dry_run_returns_the_same_computation_and_moves_nothing(org, wallet):
    await fund(org, wallet, 5_000)
    request = ConsumeRequest(card_no="C0001", amount=3_000, dry_run=True)

    quote, outcome = await consume(org.actors["sh001.clerk"], request)
    paid, _ = await consume(
        org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=3_000, idempotency_key=key())
    )

    assert outcome is None
    assert quote == paid
    assert await Operation.filter(kind="CONSUME").count() == 1


async def test_insufficient_balance_moves_nothing(org, wallet):
    await fund(org, wallet, 1_000)

    with pytest.raises(DomainError) as caught:
        await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=1_001, idempotency_key=key()))

    assert caught.value.code is ErrorCode.INSUFFICIENT_BALANCE
    assert await balances(wallet) == (1_000, 0)
    assert await Operation.filter(kind="CONSUME").count() == 0


@pytest.mark.parametrize(
    ("order", "paid"),
    [
        (DeductionOrder.PRINCIPAL_FIRST, (1_500, 0)),
        (DeductionOrder.BONUS_FIRST, (500, 1_000)),
        (DeductionOrder.PRO_RATA, (1_000, 500)),
    ],
)
async def test_principal_and_bonus_are_taken_in_the_card_types_order(org, wallet, order, paid):
    hq = org.actors["hq.admin"]
    card_type = await create_card_type(hq, CardTypeDraft(code="ORDERED", name="x", deduction_order=order))
    await issue_card(org.actors["sh001.clerk"], IssueRequest(wallet.member.id, card_type.id, card_no="D0001"))
    await create_recharge_rule(hq, RechargeRuleDraft("充20送10", 2_000, 1_000))
    await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="D0001", amount=2_000, idempotency_key=key()))

    breakdown, _ = await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="D0001", amount=1_500, idempotency_key=key()))

    assert (breakdown.paid_principal, breakdown.paid_bonus) == paid


@pytest.mark.parametrize(
    ("action", "reason"), [(CardAction.REPORT_LOST, ErrorReason.CARD_LOST), (CardAction.FREEZE, ErrorReason.CARD_FROZEN)]
)
async def test_lost_or_frozen_cards_cannot_consume(org, wallet, action, reason):
    await fund(org, wallet, 1_000)
    await change_status(org.actors["sh001.clerk"], "C0001", action)

    with pytest.raises(DomainError) as caught:
        await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=100, idempotency_key=key()))

    assert (caught.value.code, caught.value.reason) == (ErrorCode.CARD_NOT_ACTIVE, reason)
    assert await balances(wallet) == (1_000, 0)
    assert await Operation.filter(kind="CONSUME").count() == 0
    assert await refusals("wallet.consume") == [("sh001.clerk", str(wallet.card.id), "CARD_NOT_ACTIVE", reason.value)]


async def test_a_refused_payment_is_audited_with_what_was_asked_and_a_quote_or_a_payment_is_not(org, wallet):
    clerk = org.actors["sh001.clerk"]
    await fund(org, wallet, 1_000)
    paid = ConsumeRequest(card_no="C0001", amount=100, idempotency_key=key(), order_ref="A-1")
    await consume(clerk, paid)
    await consume(clerk, paid)
    await consume(clerk, ConsumeRequest(card_no="C0001", amount=100, dry_run=True))
    refused = [
        ConsumeRequest(card_no="C0001", amount=5_000, idempotency_key=key(), order_ref="A-2"),
        ConsumeRequest(card_no="NOSUCH01", amount=100, idempotency_key=key()),
        ConsumeRequest(card_no="C0001", amount=100, idempotency_key=paid.idempotency_key, order_ref="A-3"),
    ]

    for request in refused:
        with pytest.raises(DomainError):
            await consume(clerk, request)
    with pytest.raises(DomainError):
        await consume(None, paid)

    assert await refusals("wallet.consume") == [
        ("sh001.clerk", str(wallet.card.id), "INSUFFICIENT_BALANCE", None),
        ("sh001.clerk", "", "NOT_FOUND", None),
        ("sh001.clerk", str(wallet.card.id), "IDEMPOTENCY_CONFLICT", None),
    ]
    first = await AuditEntry.filter(action="wallet.consume.refused").order_by("id").first()
    assert first is not None and (first.store_id, first.after) == (
        org.stores["SH001"].id,
        {
            "card_no": "C0001",
            "amount": 5_000,
            "store_id": org.stores["SH001"].id,
            "order_ref": "A-2",
            "refused": {"code": "INSUFFICIENT_BALANCE", "message": "The card doesn't hold enough stored value."},
        },
    )
    assert await balances(wallet) == (900, 0)


async def test_points_offset_and_external_payment(org, wallet):
    await fund(org, wallet, 10_000)
    await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=10_000, idempotency_key=key()))
    assert await points_balance(wallet.member.id) == 100

    breakdown, _ = await consume(
        org.actors["sh001.clerk"],
        ConsumeRequest(card_no="C0001", amount=2_000, points_to_use=100, payment=Payment.EXTERNAL, idempotency_key=key()),
    )

    assert (breakdown.points_value, breakdown.payable, breakdown.paid_external, breakdown.points_earned) == (100, 1_900, 1_900, 19)
    assert await points_balance(wallet.member.id) == 19
    assert await balances(wallet) == (0, 0)


async def test_using_more_points_than_held_is_insufficient_points(org, wallet):
    with pytest.raises(DomainError) as caught:
        await consume(
            org.actors["sh001.clerk"],
            ConsumeRequest(card_no="C0001", amount=2_000, points_to_use=100, payment=Payment.EXTERNAL, idempotency_key=key()),
        )
    assert caught.value.code is ErrorCode.INSUFFICIENT_POINTS


async def test_no_payment_from_a_card_without_stored_value_or_by_a_deactivated_member(org, wallet):
    hq, clerk = org.actors["hq.admin"], org.actors["sh001.clerk"]
    points_type = await create_card_type(hq, CardTypeDraft(code="PTS", name="积分卡", stores_value=False))
    await issue_card(clerk, IssueRequest(wallet.member.id, points_type.id, card_no="P0001"))
    await fund(org, wallet, 1_000)
    refused = []

    with pytest.raises(DomainError) as caught:
        await consume(clerk, ConsumeRequest(card_no="P0001", amount=100, idempotency_key=key()))
    refused.append((caught.value.code, caught.value.reason, caught.value.field))
    await set_member_status(hq, wallet.member.id, MemberStatus.DEACTIVATED)
    with pytest.raises(DomainError) as caught:
        await consume(clerk, ConsumeRequest(card_no="C0001", amount=100, idempotency_key=key()))
    refused.append((caught.value.code, caught.value.reason, caught.value.field))

    assert refused == [
        (ErrorCode.INVALID, ErrorReason.CARD_NO_STORED_VALUE, ["payment"]),
        (ErrorCode.INVALID, ErrorReason.MEMBER_NOT_ACTIVE, ["cardNo"]),
    ]
    assert await balances(wallet) == (1_000, 0)
    assert await Operation.filter(kind="CONSUME").count() == 0
