"""Transactional notices (消费提醒): queued in the operation's own transaction, prepared and sent by
the worker after commit, exactly once per operation, never for a refused, rolled-back, replayed or
dry-run operation, and not to members who opted out."""

from __future__ import annotations

import pytest

from server.card.models import CardAction
from server.card.services import change_status
from server.channels.base import ChannelKind, SendError
from server.core.errors import DomainError, ErrorCode
from server.delivery.models import Delivery
from server.jobs.models import Job
from server.notices.services import set_notice_preference
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, RechargeRequest, consume, recharge
from tests.server.delivery.conftest import FakeChannel
from tests.server.notices.conftest import notices
from tests.server.wallet.conftest import key

ISSUED = ("notice:CARD_ISSUE", "SENT", "您尾号0001的会员卡已开卡。当前余额 0.00 元。", "")


async def _recharge(org, amount: int, idempotency_key: str | None = None):
    request = RechargeRequest(card_no="C0001", amount=amount, idempotency_key=idempotency_key or key())
    return await recharge(org.actors["sh001.clerk"], request)


async def _consume(org, amount: int, **kwargs):
    return await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=amount, idempotency_key=key(), **kwargs))


async def test_a_recharge_queues_its_notice_with_the_operation_and_the_worker_sends_it(org, wallet, worker) -> None:
    # when
    outcome = await _recharge(org, 10_000)
    # then the notice job committed with the operation, before any worker ran
    assert await Job.filter(key=f"notice:operation:{outcome.operation.id}", task="notice.prepare").count() == 1
    # and the worker sends it, with the amount and the new balance
    await worker.drain()
    assert await notices() == [ISSUED, ("notice:RECHARGE", "SENT", "您尾号0001的会员卡充值 100.00 元，当前余额 100.00 元。", "")]
    sent = await Delivery.get(key=f"notice:operation:{outcome.operation.id}")
    assert (sent.member_id, sent.purpose.value, sent.channel, sent.template, sent.params) == (
        wallet.member.id, "TRANSACTIONAL", "LOG", "notice.recharge", {"card": "0001", "amount": "100.00", "balance": "100.00"}
    )


async def test_each_notice_states_the_balance_its_own_operation_left_even_when_sent_later(org, wallet, worker) -> None:
    # given a recharge and two purchases, all committed before the worker runs
    await _recharge(org, 10_000)
    await _consume(org, 3_000)
    await _consume(org, 2_550)
    # when
    await worker.drain()
    # then
    assert [body for _, _, body, _ in await notices()][1:] == [
        "您尾号0001的会员卡充值 100.00 元，当前余额 100.00 元。",
        "您尾号0001的会员卡消费 30.00 元，当前余额 70.00 元。",
        "您尾号0001的会员卡消费 25.50 元，当前余额 44.50 元。",
    ]


async def test_a_refund_notice_states_the_refunded_amount_and_the_balance(org, wallet, worker) -> None:
    await _recharge(org, 10_000)
    _, bought = await _consume(org, 3_000)
    await refund(org.actors["sh001.clerk"], RefundRequest(operation_id=bought.operation.id, idempotency_key=key(), amount=1_000))

    await worker.drain()

    assert (await notices())[-1] == ("notice:REFUND", "SENT", "您尾号0001的会员卡退款 10.00 元，当前余额 80.00 元。", "")


async def test_a_recharge_refund_notice_states_the_principal_paid_back_and_the_balance(org, wallet, worker) -> None:
    await _recharge(org, 5_000)
    recharged = await _recharge(org, 10_000)
    await refund(org.actors["sh001.clerk"], RefundRequest(operation_id=recharged.operation.id, idempotency_key=key()))

    await worker.drain()

    assert (await notices())[-1] == ("notice:RECHARGE_REFUND", "SENT", "您尾号0001的会员卡充值退款 100.00 元，当前余额 50.00 元。", "")


async def test_a_replayed_operation_and_a_rerun_worker_send_nothing_more(org, wallet, worker) -> None:
    # given a recharge sent once
    await _recharge(org, 5_000, "same-key")
    await worker.drain()
    # when the till retries the recharge and the worker runs again
    replay = await _recharge(org, 5_000, "same-key")
    await worker.drain()
    # then
    assert replay.replayed is True
    assert [source for source, *_ in await notices()] == ["notice:CARD_ISSUE", "notice:RECHARGE"]


async def test_refused_and_dry_run_operations_queue_no_notice(org, wallet, worker) -> None:
    # given
    await _recharge(org, 1_000)
    jobs_before = await Job.all().count()
    # when a purchase over the balance is refused and another is only quoted
    with pytest.raises(DomainError) as refused:
        await _consume(org, 1_001)
    await _consume(org, 500, dry_run=True)
    # then nothing was queued for them
    assert refused.value.code is ErrorCode.INSUFFICIENT_BALANCE
    assert await Job.all().count() == jobs_before
    await worker.drain()
    assert [source for source, *_ in await notices()] == ["notice:CARD_ISSUE", "notice:RECHARGE"]


async def test_card_operations_get_a_notice(org, wallet, worker) -> None:
    await _recharge(org, 2_000)
    await change_status(org.actors["sh001.clerk"], "C0001", CardAction.FREEZE, "顾客要求")

    await worker.drain()

    assert (await notices())[-1] == ("notice:CARD_FREEZE", "SENT", "您尾号0001的会员卡已冻结。当前余额 20.00 元。", "")


async def test_a_member_who_opted_out_gets_nothing_and_the_log_says_why(org, wallet, worker, install) -> None:
    # given SMS configured and a member who opted out of service notices
    sms = FakeChannel(ChannelKind.SMS)
    install(sms)
    await set_notice_preference(org.actors["sh001.clerk"], wallet.member.id, False)
    # when
    await _recharge(org, 1_000)
    await worker.drain()
    # then
    assert sms.sent == []
    assert [(source, status, reason) for source, status, _, reason in await notices()] == [
        ("notice:CARD_ISSUE", "SKIPPED", "opted out of service notices"),
        ("notice:RECHARGE", "SKIPPED", "opted out of service notices"),
    ]


async def test_notices_go_on_the_members_preferred_channel(org, wallet, worker, install) -> None:
    sms, email = FakeChannel(ChannelKind.SMS), FakeChannel(ChannelKind.EMAIL)
    install(sms, email)
    wallet.member.email = "gu@example.com"
    await wallet.member.save()
    await set_notice_preference(org.actors["hq.admin"], wallet.member.id, True, ChannelKind.EMAIL)

    await _recharge(org, 1_000)
    await worker.drain()

    assert [(m.to, m.subject) for m in email.sent] == [("gu@example.com", "会员卡提醒"), ("gu@example.com", "充值提醒")]
    assert sms.sent == []


async def test_a_channel_outage_never_fails_the_operation_and_the_notice_follows_when_it_is_back(
    org, wallet, worker, install, clock
) -> None:
    # given an SMS provider that is down for the first two sends
    down = [SendError("SMS provider unreachable: ConnectError", retryable=True) for _ in range(2)]
    sms = FakeChannel(ChannelKind.SMS, errors=down)
    install(sms)
    # when the member recharges
    outcome = await _recharge(org, 1_000)
    await worker.drain()
    clock.advance(seconds=30)
    await worker.drain()
    # then the recharge stood, and both notices arrive once the provider is back
    assert outcome.operation.amount == 1_000
    assert [m.subject for m in sms.sent] == ["会员卡提醒", "充值提醒"]
    assert [(d.status.value, d.attempts) for d in await Delivery.all().order_by("id")] == [("SENT", 2), ("SENT", 2)]
