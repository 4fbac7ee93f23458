from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from tortoise.transactions import in_transaction

from server.card.models import CardAction, CardKind, CardStatus
from server.card.services import CardTypeDraft, IssueRequest, cancel_card, change_status, create_card_type, issue_card, replace_card
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.events import lifecycle
from server.events.messages import CardRef, Event, EventKind, MemberRef, StoreRef, TransferRef
from server.ledger.models import Operation, OperationKind
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from server.points.lots import balance as points_balance
from server.points.models import PointsLot
from server.program.services import set_earn_rule
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, RechargeRequest, consume, recharge
from tests.server.wallet.conftest import balances, fund, key
from tests.statements import counting_queries


def _member_ref(member: Member, org) -> MemberRef:  # type: ignore[no-untyped-def]
    return MemberRef(
        id=member.id,
        member_no=member.member_no,
        name=member.name,
        phone_encrypted=member.phone_encrypted,
        home_store_id=org.stores["SH001"].id,
        home_region_id=org.regions["EAST"].id,
    )


async def test_a_recharge_publishes_the_balances_after_its_commit(org, wallet, watch):
    store = org.stores["SH001"]
    on_member, on_card, on_store = watch(f"member:{wallet.member.id}"), watch(f"card:{wallet.card.id}"), watch(f"store:{store.id}")

    outcome = await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=12_345, idempotency_key=key()))

    [event] = await on_member.taken()
    assert replace(event, committed_at=0.0) == Event(
        kind=EventKind.RECHARGE,
        member=_member_ref(wallet.member, org),
        at=outcome.operation.created_at,
        card=CardRef(id=wallet.card.id, card_no="C0001", status="ACTIVE"),
        principal=12_345,
        bonus=0,
        points=0,
        transfer=TransferRef(id=outcome.operation.id, kind="RECHARGE", amount=12_345),
        store=StoreRef(id=store.id, code="SH001", name="上海一店"),
        operator="sh001.clerk",
    )
    assert event.committed_at > 0
    assert await on_card.taken() == [event]
    assert await on_store.taken() == [event]


async def test_a_replayed_recharge_publishes_nothing(org, wallet, watch):
    request = RechargeRequest(card_no="C0001", amount=1_000, idempotency_key="same")
    await recharge(org.actors["sh001.clerk"], request)
    on_member = watch(f"member:{wallet.member.id}")

    replay = await recharge(org.actors["sh001.clerk"], request)

    assert replay.replayed is True
    assert await on_member.taken() == []


async def test_a_consume_refused_for_insufficient_balance_publishes_nothing(org, wallet, watch):
    await fund(org, wallet, 1_000)
    on_member, on_store = watch(f"member:{wallet.member.id}"), watch(f"store:{org.stores['SH001'].id}")

    with pytest.raises(DomainError) as refused:
        await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=1_001, idempotency_key=key()))

    assert refused.value.code is ErrorCode.INSUFFICIENT_BALANCE
    assert await on_member.taken() == []
    assert await on_store.taken() == []
    assert await balances(wallet) == (1_000, 0)


async def test_a_dry_run_publishes_nothing(org, wallet, watch):
    await fund(org, wallet, 5_000)
    on_member = watch(f"member:{wallet.member.id}")

    await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=3_000, dry_run=True))

    assert await on_member.taken() == []


async def test_a_consume_publishes_what_was_paid_and_the_points_earned(org, wallet, watch):
    await set_earn_rule(org.actors["hq.admin"], None, points_per_yuan=1)
    await fund(org, wallet, 5_000)
    on_store = watch(f"store:{org.stores['SH002'].id}")

    _, outcome = await consume(
        org.actors["hq.admin"],
        ConsumeRequest(card_no="C0001", amount=3_000, idempotency_key=key(), store_id=org.stores["SH002"].id),
    )

    [event] = await on_store.taken()
    assert outcome is not None
    assert (event.kind, event.principal, event.bonus, event.points) == (EventKind.CONSUME, 2_000, 0, 30)
    assert event.transfer == TransferRef(id=outcome.operation.id, kind="CONSUME", amount=3_000)
    assert event.store == StoreRef(id=org.stores["SH002"].id, code="SH002", name="上海二店")
    assert event.operator == "hq.admin"


async def test_a_refund_publishes_the_restored_balance(org, wallet, watch):
    await fund(org, wallet, 5_000)
    clerk = org.actors["sh001.clerk"]
    _, paid = await consume(clerk, ConsumeRequest(card_no="C0001", amount=3_000, idempotency_key=key()))
    assert paid is not None
    on_card = watch(f"card:{wallet.card.id}")

    refunded = await refund(clerk, RefundRequest(paid.operation.id, key(), amount=1_000))

    [event] = await on_card.taken()
    assert (event.kind, event.principal, event.bonus) == (EventKind.REFUND, 3_000, 0)
    assert event.transfer == TransferRef(id=refunded.operation.id, kind="REFUND", amount=1_000)


async def test_a_recharge_refund_publishes_the_balance_left(org, wallet, watch):
    await fund(org, wallet, 5_000)
    recharged = await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=2_000, idempotency_key=key()))
    on_card = watch(f"card:{wallet.card.id}")

    refunded = await refund(org.actors["sh001.clerk"], RefundRequest(recharged.operation.id, key()))

    [event] = await on_card.taken()
    assert (event.kind, event.principal, event.bonus) == (EventKind.REFUND, 5_000, 0)
    assert event.transfer == TransferRef(id=refunded.operation.id, kind="RECHARGE_REFUND", amount=2_000)


async def test_a_subsidiary_card_payment_reaches_the_parent_card_topic(org, wallet, watch):
    hq = org.actors["hq.admin"]
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    child = await issue_card(
        hq, IssueRequest(member_id=wallet.member.id, card_type_id=sub_type.id, card_no="C0002", parent_card_no="C0001")
    )
    await fund(org, wallet, 5_000)
    on_parent = watch(f"card:{wallet.card.id}")

    await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0002", amount=1_000, idempotency_key=key()))

    [event] = await on_parent.taken()
    assert event.card == CardRef(id=child.id, card_no="C0002", status="ACTIVE")
    assert (event.principal, event.bonus) == (4_000, 0)


@pytest.mark.parametrize(
    ("steps", "kinds", "status"),
    [
        ([CardAction.REPORT_LOST, CardAction.CANCEL_LOSS], [EventKind.CARD_REPORTED_LOST, EventKind.CARD_LOSS_CANCELLED], "ACTIVE"),
        ([CardAction.FREEZE], [EventKind.CARD_FROZEN], "FROZEN"),
        ([CardAction.FREEZE, CardAction.UNFREEZE], [EventKind.CARD_FROZEN, EventKind.CARD_UNFROZEN], "ACTIVE"),
    ],
)
async def test_card_status_changes_are_published(org, wallet, watch, steps, kinds, status):
    on_card = watch(f"card:{wallet.card.id}")

    for step in steps:
        await change_status(org.actors["sh001.clerk"], "C0001", step, reason=f"why {step.value}")

    events = await on_card.taken()
    assert [e.kind for e in events] == kinds
    assert events[-1].card == CardRef(id=wallet.card.id, card_no="C0001", status=status)
    assert (events[-1].reason, events[-1].transfer, events[-1].operator) == (f"why {steps[-1].value}", None, "sh001.clerk")
    assert events[-1].store == StoreRef(id=org.stores["SH001"].id, code="SH001", name="上海一店")


async def test_a_refused_card_operation_publishes_nothing(org, wallet, watch):
    on_card = watch(f"card:{wallet.card.id}")

    with pytest.raises(DomainError):
        await change_status(org.actors["sh001.clerk"], "C0001", CardAction.UNFREEZE)

    assert await on_card.taken() == []


async def test_a_replacement_publishes_the_old_card_replaced_and_the_new_one_issued(org, wallet, watch):
    await fund(org, wallet, 2_500)
    on_member = watch(f"member:{wallet.member.id}")

    new = await replace_card(org.actors["sh001.clerk"], "C0001", "C0009", reason="磨损")

    old_replaced, new_issued = await on_member.taken()
    moved = await Operation.get(card_id=wallet.card.id, kind=OperationKind.CARD_REPLACE)
    assert (old_replaced.kind, old_replaced.card, old_replaced.principal) == (
        EventKind.CARD_REPLACED,
        CardRef(id=wallet.card.id, card_no="C0001", status="CANCELLED"),
        0,
    )
    assert (old_replaced.transfer, old_replaced.reason) == (TransferRef(id=moved.id, kind="CARD_REPLACE", amount=2_500), "磨损")
    assert (new_issued.kind, new_issued.card, new_issued.principal) == (
        EventKind.CARD_ISSUED,
        CardRef(id=new.id, card_no="C0009", status="ACTIVE"),
        2_500,
    )


async def test_a_cancellation_publishes_its_cash_out_and_the_subsidiary_cards_it_cancelled(org, wallet, watch):
    hq = org.actors["hq.admin"]
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    child = await issue_card(
        hq, IssueRequest(member_id=wallet.member.id, card_type_id=sub_type.id, card_no="C0002", parent_card_no="C0001")
    )
    await fund(org, wallet, 700)
    on_member = watch(f"member:{wallet.member.id}")

    await cancel_card(org.actors["sh001.clerk"], "C0001", "退卡", refund_balance=True)

    parent, subsidiary = await on_member.taken()
    cash_out = await Operation.get(card_id=wallet.card.id, kind=OperationKind.CARD_CASH_OUT)
    assert (parent.kind, parent.card, parent.principal, parent.transfer) == (
        EventKind.CARD_CANCELLED,
        CardRef(id=wallet.card.id, card_no="C0001", status=CardStatus.CANCELLED.value),
        0,
        TransferRef(id=cash_out.id, kind="CARD_CASH_OUT", amount=700),
    )
    assert (subsidiary.kind, subsidiary.card, subsidiary.transfer) == (
        EventKind.CARD_CANCELLED,
        CardRef(id=child.id, card_no="C0002", status="CANCELLED"),
        None,
    )


async def test_a_registration_is_published_on_the_home_store(org, watch):
    on_store = watch(f"store:{org.stores['SH002'].id}")

    member = await create_member(
        org.actors["east.manager"], MemberDraft(name="新会员", phone="13700001234", home_store_id=org.stores["SH002"].id)
    )

    [event] = await on_store.taken()
    assert (event.kind, event.member.id, event.card, event.principal, event.operator) == (
        EventKind.MEMBER_REGISTERED,
        member.id,
        None,
        None,
        "east.manager",
    )
    assert event.store == StoreRef(id=org.stores["SH002"].id, code="SH002", name="上海二店")


async def test_a_failing_broker_never_fails_the_mutation(org, wallet, broker, watch, monkeypatch):
    def broken(event: object) -> None:
        raise ConnectionError("broker down")

    watch(f"member:{wallet.member.id}")
    monkeypatch.setattr(broker, "publish", broken)

    outcome = await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=500, idempotency_key=key()))

    assert outcome.replayed is False
    assert await balances(wallet) == (500, 0)


async def test_an_event_costs_one_query_and_nothing_while_nobody_subscribes(org, wallet, watch):
    clerk = org.actors["sh001.clerk"]
    await fund(org, wallet, 100)

    with counting_queries() as unwatched:
        await recharge(clerk, RechargeRequest(card_no="C0001", amount=100, idempotency_key=key()))
    on_member = watch(f"member:{wallet.member.id}")
    with counting_queries() as watched:
        await recharge(clerk, RechargeRequest(card_no="C0001", amount=100, idempotency_key=key()))

    assert watched.count == unwatched.count + 1
    assert len(await on_member.taken()) == 1


async def test_without_a_running_broker_services_publish_nothing(org, wallet):
    assert lifecycle.current() is None

    outcome = await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=500, idempotency_key=key()))

    assert outcome.replayed is False


async def test_a_service_called_inside_an_open_transaction_publishes_nothing(org, wallet, watch):
    on_member = watch(f"member:{wallet.member.id}")

    async with in_transaction():
        await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=500, idempotency_key=key()))

    assert await on_member.taken() == []
    assert await balances(wallet) == (500, 0)


async def test_the_points_reported_are_the_spendable_ones(org, wallet, watch):
    await PointsLot.create(member_id=wallet.member.id, operation_id=0, amount=40, remaining=40, expires_at=now() - timedelta(seconds=1))
    await PointsLot.create(member_id=wallet.member.id, operation_id=0, amount=25, remaining=25, expires_at=now() + timedelta(days=1))
    await PointsLot.create(member_id=wallet.member.id, operation_id=0, amount=9, remaining=0, expires_at=now() + timedelta(days=1))
    on_member = watch(f"member:{wallet.member.id}")

    await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no="C0001", amount=100, idempotency_key=key()))

    [event] = await on_member.taken()
    assert event.points == await points_balance(wallet.member.id) == 25
