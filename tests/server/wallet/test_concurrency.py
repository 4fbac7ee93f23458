"""Money under concurrency, on the real PostgreSQL: many requests at once against one card (or a
few) must end exactly where the arithmetic of the successful ones says, never below zero, with
the ledger sound (`ledger_stays_sound` verifies it after every test)."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Awaitable
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from server.card.models import CardAction, CardKind, CardType, DeductionOrder
from server.card.services import CardTypeDraft, IssueRequest, change_status, create_card_type, issue_card
from server.config import Settings
from server.coupon.models import Coupon, CouponKind, CouponStatus
from server.coupon.services import TemplateDraft, create_template, issue
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Account, Operation, OperationKind, Transfer
from server.ledger.operations import Outcome
from server.ledger.verify import verify_ledger
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from server.points.lots import balance as points_balance
from server.program.services import RechargeRuleDraft, create_recharge_rule, set_earn_rule
from server.wallet.pricing import Breakdown, Payment
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, RechargeRequest, consume, recharge
from tests.conftest import ON_POSTGRES
from tests.server.wallet.conftest import Wallet, balances, fund, key

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="SQLite serializes writers on one connection: concurrency there proves nothing"
)

POOL = 40
T = TypeVar("T")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A pool big enough that the requests really run side by side (asyncpg's default is 5)."""
    return replace(settings, database_url=f"{settings.database_url}?minsize=1&maxsize={POOL}")


async def _all(calls: list[Awaitable[T]]) -> tuple[list[T], Counter[ErrorCode]]:
    """Runs the calls at once: (successes in call order, count of each domain error code)."""
    results = await asyncio.gather(*calls, return_exceptions=True)
    unexpected = [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)]
    if unexpected:
        raise unexpected[0]
    failures = Counter(r.code for r in results if isinstance(r, DomainError))
    return [r for r in results if not isinstance(r, BaseException)], failures


def _consume(org: Any, card_no: str, amount: int, idempotency_key: str | None = None, **options: Any):
    request = ConsumeRequest(card_no=card_no, amount=amount, idempotency_key=idempotency_key or key(), **options)
    return consume(org.actors["sh001.clerk"], request)


def _recharge(org: Any, card_no: str, amount: int, idempotency_key: str | None = None):
    return recharge(org.actors["sh001.clerk"], RechargeRequest(card_no=card_no, amount=amount, idempotency_key=idempotency_key or key()))


def _refund(org: Any, operation_id: int, amount: int | None, idempotency_key: str | None = None):
    return refund(org.actors["sh001.clerk"], RefundRequest(operation_id, idempotency_key or key(), amount=amount))


def _paid(breakdown: Breakdown) -> int:
    return breakdown.paid_principal + breakdown.paid_bonus


def _restored(outcome: Outcome) -> int:
    return int(outcome.operation.result["principal"]) + int(outcome.operation.result["bonus"])


async def _second_wallet(org: Any, wallet: Wallet, card_no: str, phone: str) -> Wallet:
    hq = org.actors["hq.admin"]
    member = await create_member(hq, MemberDraft(name=f"顾客{card_no}", phone=phone, home_store_id=org.stores["SH001"].id))
    card = await issue_card(org.actors["sh001.clerk"], IssueRequest(member_id=member.id, card_type_id=wallet.card_type.id, card_no=card_no))
    return Wallet(member, card, wallet.card_type)


async def test_sixty_concurrent_consumes_succeed_exactly_as_far_as_the_balance_goes(org, wallet):
    await fund(org, wallet, 14_000)

    paid, failures = await _all([_consume(org, "C0001", 700) for _ in range(60)])

    assert (len(paid), failures) == (20, Counter({ErrorCode.INSUFFICIENT_BALANCE: 40}))
    assert await balances(wallet) == (0, 0)
    assert await Operation.filter(kind=OperationKind.CONSUME).count() == 20


@pytest.mark.parametrize("order", list(DeductionOrder))
async def test_concurrent_consumes_spend_principal_and_bonus_down_to_zero_in_any_deduction_order(org, wallet, order):
    await CardType.filter(id=wallet.card_type.id).update(deduction_order=order)
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送40", 10_000, 4_000))
    await fund(org, wallet, 10_000)
    assert await balances(wallet) == (10_000, 4_000)

    paid, failures = await _all([_consume(org, "C0001", 700) for _ in range(50)])

    assert (len(paid), failures) == (20, Counter({ErrorCode.INSUFFICIENT_BALANCE: 30}))
    assert sum(b.paid_principal for b, _ in paid) == 10_000
    assert sum(b.paid_bonus for b, _ in paid) == 4_000
    assert await balances(wallet) == (0, 0)


async def test_a_concurrent_mix_of_recharges_consumes_and_refunds_on_one_card_adds_up(org, wallet):
    await fund(org, wallet, 10_000)
    earlier = [(await _consume(org, "C0001", 1_000))[1] for _ in range(5)]
    start = sum(await balances(wallet))
    assert start == 5_000

    calls: list[Awaitable[Any]] = []
    for i in range(40):
        if i % 4 == 0:
            calls.append(_recharge(org, "C0001", 500))
        elif i % 8 == 1:
            calls.append(_refund(org, earlier[i // 8].operation.id, 400))
        else:
            calls.append(_consume(org, "C0001", 600))
    results = await asyncio.gather(*calls, return_exceptions=True)

    recharged = sum(r.operation.amount for r in results if isinstance(r, Outcome) and r.operation.kind == OperationKind.RECHARGE)
    refunded = sum(_restored(r) for r in results if isinstance(r, Outcome) and r.operation.kind == OperationKind.REFUND)
    spent = sum(_paid(r[0]) for r in results if isinstance(r, tuple))
    failures = Counter(r.code for r in results if isinstance(r, DomainError))
    assert [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)] == []
    assert (recharged, refunded) == (10 * 500, 5 * 400)
    assert set(failures) <= {ErrorCode.INSUFFICIENT_BALANCE}
    assert spent == 600 * (25 - failures[ErrorCode.INSUFFICIENT_BALANCE])
    assert sum(await balances(wallet)) == start + recharged + refunded - spent >= 0


async def test_concurrent_mixes_across_a_few_cards_each_add_up(org, wallet):
    wallets = [
        wallet,
        await _second_wallet(org, wallet, "C0002", "13900002222"),
        await _second_wallet(org, wallet, "C0003", "13900003333"),
    ]
    for w in wallets:
        await fund(org, w, 3_000)
    earlier = {w.card.card_no: (await _consume(org, w.card.card_no, 1_000))[1] for w in wallets}

    calls: list[Awaitable[Any]] = []
    cards: list[str] = []
    for i in range(60):
        card_no = wallets[i % 3].card.card_no
        cards.append(card_no)
        if i % 5 == 0:
            calls.append(_recharge(org, card_no, 300))
        elif i % 5 == 1:
            calls.append(_refund(org, earlier[card_no].operation.id, 100))
        else:
            calls.append(_consume(org, card_no, 400))
    results = await asyncio.gather(*calls, return_exceptions=True)

    assert [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)] == []
    for w in wallets:
        mine = [r for card_no, r in zip(cards, results, strict=True) if card_no == w.card.card_no]
        change = sum(
            r.operation.amount if r.operation.kind == OperationKind.RECHARGE else _restored(r)
            for r in mine
            if isinstance(r, Outcome)
        ) - sum(_paid(r[0]) for r in mine if isinstance(r, tuple))
        assert sum(await balances(w)) == 2_000 + change >= 0
        assert {r.code for r in mine if isinstance(r, DomainError)} <= {ErrorCode.INSUFFICIENT_BALANCE}


@pytest.mark.parametrize("callers", [2, 20])
async def test_concurrent_consumes_with_one_key_pay_once_and_all_get_that_payment(org, wallet, callers):
    await fund(org, wallet, 1_000)

    paid, failures = await _all([_consume(org, "C0001", 1_000, idempotency_key="same-order") for _ in range(callers)])

    assert failures == Counter()
    assert len({outcome.operation.id for _, outcome in paid}) == 1
    assert sorted(outcome.replayed for _, outcome in paid) == [False] + [True] * (callers - 1)
    assert {breakdown.paid_principal for breakdown, _ in paid} == {1_000}
    assert await balances(wallet) == (0, 0)
    assert await Operation.filter(kind=OperationKind.CONSUME).count() == 1


@pytest.mark.parametrize("callers", [2, 20])
async def test_concurrent_recharges_with_one_key_credit_once(org, wallet, callers):
    outcomes, failures = await _all([_recharge(org, "C0001", 2_500, idempotency_key="same-till") for _ in range(callers)])

    assert failures == Counter()
    assert len({o.operation.id for o in outcomes}) == 1
    assert sorted(o.replayed for o in outcomes) == [False] + [True] * (callers - 1)
    assert await balances(wallet) == (2_500, 0)
    assert await Operation.filter(kind=OperationKind.RECHARGE).count() == 1


@pytest.mark.parametrize("callers", [2, 20])
async def test_concurrent_whole_refunds_with_one_key_refund_once(org, wallet, callers):
    await fund(org, wallet, 3_000)
    _, paid = await _consume(org, "C0001", 2_000)

    outcomes, failures = await _all([_refund(org, paid.operation.id, None, idempotency_key="same-refund") for _ in range(callers)])

    assert failures == Counter()
    assert len({o.operation.id for o in outcomes}) == 1
    assert sorted(o.replayed for o in outcomes) == [False] + [True] * (callers - 1)
    assert await balances(wallet) == (3_000, 0)
    assert await Operation.filter(kind=OperationKind.REFUND).count() == 1


async def test_concurrent_partial_refunds_never_refund_more_than_was_paid(org, wallet):
    await fund(org, wallet, 10_000)
    _, paid = await _consume(org, "C0001", 5_000)

    refunds, failures = await _all([_refund(org, paid.operation.id, 700) for _ in range(20)])

    assert (len(refunds), failures) == (7, Counter({ErrorCode.INVALID: 13}))
    assert sum(_restored(o) for o in refunds) == 4_900
    assert await balances(wallet) == (9_900, 0)
    rest = await _refund(org, paid.operation.id, None)
    assert rest.operation.amount == 100
    assert await balances(wallet) == (10_000, 0)


async def test_concurrent_consumes_spending_the_same_points_never_overspend_them(org, wallet):
    hq = org.actors["hq.admin"]
    await set_earn_rule(hq, None, points_per_yuan=10)
    await fund(org, wallet, 10_000)
    await _consume(org, "C0001", 10_000)
    assert await points_balance(wallet.member.id) == 1_000
    await set_earn_rule(hq, None, points_per_yuan=0)

    paid, failures = await _all(
        [_consume(org, "C0001", 1_000, points_to_use=100, payment=Payment.EXTERNAL) for _ in range(30)]
    )

    assert (len(paid), failures) == (10, Counter({ErrorCode.INSUFFICIENT_POINTS: 20}))
    assert {b.points_value for b, _ in paid} == {100}
    assert await points_balance(wallet.member.id) == 0


async def test_a_coupon_used_by_concurrent_consumes_is_used_once(org, wallet):
    hq = org.actors["hq.admin"]
    template = await create_template(hq, TemplateDraft(name="满10减5", kind=CouponKind.CASH_OFF, value=500, valid_days=30))
    [coupon] = await issue(hq, template.id, [wallet.member.id])
    await fund(org, wallet, 10_000)

    paid, failures = await _all([_consume(org, "C0001", 2_000, coupon_code=coupon.code) for _ in range(10)])

    assert (len(paid), failures) == (1, Counter({ErrorCode.COUPON_NOT_USABLE: 9}))
    [(breakdown, outcome)] = paid
    assert (breakdown.coupon_discount, breakdown.paid_principal) == (500, 1_500)
    used = await Coupon.get(id=coupon.id)
    assert (used.status, used.used_operation_id) == (CouponStatus.USED, outcome.operation.id)
    assert await balances(wallet) == (8_500, 0)
    codes = await Transfer.filter(operation__kind=OperationKind.CONSUME).order_by("code").values_list("code", flat=True)
    assert codes == ["CONSUME_PRINCIPAL", "POINTS_EARN"]


async def test_a_refund_racing_consumes_that_spend_its_earned_points_still_succeeds(org, wallet):
    hq = org.actors["hq.admin"]
    await set_earn_rule(hq, None, points_per_yuan=10)
    await fund(org, wallet, 10_000)
    _, paid = await _consume(org, "C0001", 2_000)
    assert await points_balance(wallet.member.id) == 200
    await set_earn_rule(hq, None, points_per_yuan=0)

    calls: list[Awaitable[Any]] = [_consume(org, "C0001", 100, points_to_use=20, payment=Payment.EXTERNAL) for _ in range(10)]
    calls.insert(5, _refund(org, paid.operation.id, None))
    results = await asyncio.gather(*calls, return_exceptions=True)

    [refunded] = [r for r in results if isinstance(r, Outcome)]
    spent = 20 * sum(1 for r in results if isinstance(r, tuple))
    assert [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)] == []
    assert {r.code for r in results if isinstance(r, DomainError)} <= {ErrorCode.INSUFFICIENT_POINTS}
    result = refunded.operation.result
    assert result["points_reversed"] + result["points_unrecovered"] == 200
    assert await points_balance(wallet.member.id) == 200 - spent - result["points_reversed"] >= 0
    assert await balances(wallet) == (10_000, 0)


async def test_a_seeded_chaotic_mix_keeps_every_balance_and_every_members_totals_true(org, wallet):
    """Recharges, payments (some with a coupon or points, some on a subsidiary card), partial and
    whole refunds of recent payments, and the parent card frozen and unfrozen, 24 at a time: the
    ledger stays sound, nothing goes below zero, and each member's spend and visits are exactly
    what their operations say (a payment written at once updates them in its one statement)."""
    rnd = random.Random(20261124)
    hq, clerk = org.actors["hq.admin"], org.actors["sh001.clerk"]
    await create_recharge_rule(hq, RechargeRuleDraft("充100送10", 10_000, 1_000))
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    await issue_card(clerk, IssueRequest(wallet.member.id, sub_type.id, card_no="S0001", parent_card_no="C0001"))
    other = await _second_wallet(org, wallet, "C0002", "13900002222")
    draft = TemplateDraft(name="满10减5", kind=CouponKind.CASH_OFF, value=500, threshold=1_000, valid_days=30, per_member_limit=20)
    template = await create_template(hq, draft)
    codes = [c.code for c in await issue(hq, template.id, [wallet.member.id] * 20 + [other.member.id] * 20)]

    async def one() -> str:
        pick = rnd.random()
        if pick < 0.2:
            await _recharge(org, rnd.choice(["C0001", "C0002"]), rnd.choice([500, 10_000, 12_345]))
        elif pick < 0.7:
            extra = rnd.choice([{}, {}, {}, {"coupon_code": rnd.choice(codes)}, {"points_to_use": rnd.choice([100, 300])}])
            await _consume(org, rnd.choice(["C0001", "S0001", "C0002"]), rnd.choice([1_000, 2_500, 7_777]), **extra)
        elif pick < 0.9:
            recent = await Operation.filter(kind=OperationKind.CONSUME).order_by("-id").limit(10)
            if not recent:
                return "nothing to refund"
            await _refund(org, rnd.choice(recent).id, rnd.choice([None, 100, 500]))
        else:
            await change_status(clerk, "C0001", CardAction.FREEZE if pick < 0.91 else CardAction.UNFREEZE)
        return "done"

    outcomes: Counter[str] = Counter()
    for _ in range(20):
        done, failures = await _all([one() for _ in range(24)])
        outcomes.update(done)
        outcomes.update(code.value for code in failures)

    assert await verify_ledger() == []
    assert not await Account.filter(balance__lt=0).exists()
    for member in await Member.filter(id__in=[wallet.member.id, other.member.id]):
        operations = await Operation.filter(member_id=member.id, kind__in=[OperationKind.CONSUME, OperationKind.REFUND])
        spend = sum(o.amount if o.kind == OperationKind.CONSUME else -o.amount for o in operations)
        visits = sum(o.kind == OperationKind.CONSUME for o in operations)
        assert (member.total_spend, member.visit_count) == (spend, visits) and visits > 0
    kinds = Counter(o.kind for o in await Operation.all())
    assert min(kinds[k] for k in (OperationKind.RECHARGE, OperationKind.CONSUME, OperationKind.REFUND)) > 10, kinds
    assert set(outcomes) <= {
        "done",
        "nothing to refund",
        *(c.value for c in (ErrorCode.INSUFFICIENT_BALANCE, ErrorCode.INSUFFICIENT_POINTS, ErrorCode.CARD_NOT_ACTIVE)),
        *(c.value for c in (ErrorCode.COUPON_NOT_USABLE, ErrorCode.INVALID)),
    }, outcomes


async def test_a_recharge_refunded_by_several_requests_while_payments_run_pays_out_once_and_never_spent_money(org, wallet):
    await fund(org, wallet, 2_000)
    recharged = (await _recharge(org, "C0001", 5_000)).operation

    results = await asyncio.gather(
        *(_refund(org, recharged.id, None) for _ in range(5)),
        *(_consume(org, "C0001", 1_000) for _ in range(10)),
        return_exceptions=True,
    )

    refunds, payments = results[:5], results[5:]
    assert [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)] == []
    paid_out = [r for r in refunds if isinstance(r, Outcome)]
    spent = sum(_paid(r[0]) for r in payments if isinstance(r, tuple))
    assert len(paid_out) <= 1
    assert await Operation.filter(kind=OperationKind.RECHARGE_REFUND).count() == len(paid_out)
    assert sum(await balances(wallet)) == 7_000 - spent - 5_000 * len(paid_out) >= 0
