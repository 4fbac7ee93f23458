"""The delivery log and its send task through the worker: unique keys, channel choice, retries
with backoff, final failure, skips — on the real database."""

from __future__ import annotations

from datetime import timedelta

from tortoise.transactions import in_transaction

from server.channels.base import ChannelKind, SendError
from server.delivery import services as delivery
from server.delivery.models import Delivery, DeliveryStatus, Purpose
from server.jobs.models import Job, JobState
from tests.server.delivery.conftest import FakeChannel
from tests.server.jobs.conftest import START


async def _log() -> list[tuple[str, str, DeliveryStatus, str, int]]:
    return [(d.key, d.channel, DeliveryStatus(d.status), d.reason, d.attempts) for d in await Delivery.all().order_by("id")]


async def _notice(member_id: int, key: str = "notice:1", **kwargs) -> None:
    await delivery.request(
        member_id, Purpose.TRANSACTIONAL, key, subject="消费提醒", body="消费 12.50 元", template="notice.consume",
        params={"amount": "12.50"}, source="notice:CONSUME", **kwargs,
    )


async def test_a_delivery_requested_twice_is_recorded_and_sent_once(people, install, worker) -> None:
    # given SMS configured and one notice requested twice
    sms = FakeChannel(ChannelKind.SMS)
    install(sms)
    member = people.by_store["SH001"]
    await _notice(member.id)
    await _notice(member.id)
    # when the worker runs twice
    await worker.drain()
    await worker.drain()
    # then one SMS went to the member's phone and the log says SENT
    assert [(m.key, m.to, m.subject, m.body, m.template, m.params, m.member_id, m.purpose) for m in sms.sent] == [
        ("notice:1", "13812345678", "消费提醒", "消费 12.50 元", "notice.consume", {"amount": "12.50"}, member.id, "TRANSACTIONAL")
    ]
    assert await _log() == [("notice:1", "SMS", DeliveryStatus.SENT, "", 1)]
    sent = await Delivery.get(key="notice:1")
    assert (sent.provider_ref, sent.sent_at, sent.source) == ("sms-1", START, "notice:CONSUME")
    assert await Job.filter(task="delivery.send").count() == 1


async def test_a_delivery_requested_in_a_rolled_back_transaction_leaves_nothing(people) -> None:
    try:
        async with in_transaction() as connection:
            await _notice(people.by_store["SH001"].id, using_db=connection)
            raise LookupError("refused")
    except LookupError:
        pass

    assert (await Delivery.all().count(), await Job.all().count()) == (0, 0)


async def test_the_member_gets_email_when_there_is_no_sms_and_log_when_there_is_neither(people, install, worker) -> None:
    # given EMAIL configured, a member with an address and one without
    email = FakeChannel(ChannelKind.EMAIL)
    install(email)
    with_address, without = people.by_store["SH001"], people.by_store["SH002"]
    without.email = ""
    await without.save()
    await _notice(with_address.id, "n-1")
    await _notice(without.id, "n-2")
    # when
    await worker.drain()
    # then
    assert [(m.key, m.to) for m in email.sent] == [("n-1", "sh001@example.com")]
    assert await _log() == [("n-1", "EMAIL", DeliveryStatus.SENT, "", 1), ("n-2", "LOG", DeliveryStatus.SENT, "", 1)]


async def test_a_channel_asked_for_that_the_member_has_no_address_on_is_skipped(people, install, worker) -> None:
    install(FakeChannel(ChannelKind.EMAIL))
    member = people.by_store["SH001"]
    member.email = ""
    await member.save()
    await _notice(member.id, channel=ChannelKind.EMAIL)

    await worker.drain()

    assert await _log() == [("notice:1", "EMAIL", DeliveryStatus.SKIPPED, "no EMAIL address", 0)]


async def test_a_retryable_failure_is_retried_with_backoff_and_then_sent(people, install, worker, clock) -> None:
    # given an SMS channel that times out once
    sms = FakeChannel(ChannelKind.SMS, errors=[SendError("SMS provider unreachable: timeout", retryable=True)])
    install(sms)
    await _notice(people.by_store["SH001"].id)
    # when the first attempt fails
    await worker.drain()
    # then the delivery waits, saying why, and its job is due again in 30 s
    assert await _log() == [("notice:1", "SMS", DeliveryStatus.PENDING, "SMS provider unreachable: timeout", 1)]
    job = await Job.get(task="delivery.send")
    assert (job.state, job.run_at) == (JobState.QUEUED, START + timedelta(seconds=30))
    # when the retry runs
    clock.advance(seconds=30)
    await worker.drain()
    # then
    assert await _log() == [("notice:1", "SMS", DeliveryStatus.SENT, "", 2)]
    assert len(sms.sent) == 1


async def test_a_final_refusal_fails_at_once_with_the_reason(people, install, worker) -> None:
    install(FakeChannel(ChannelKind.SMS, errors=[SendError("SMS refused: HTTP 200 isv.MOBILE_NUMBER_ILLEGAL", retryable=False)]))
    await _notice(people.by_store["SH001"].id)

    await worker.drain()

    assert await _log() == [("notice:1", "SMS", DeliveryStatus.FAILED, "SMS refused: HTTP 200 isv.MOBILE_NUMBER_ILLEGAL", 1)]


async def test_a_delivery_failing_on_every_attempt_is_failed_after_the_last(people, install, worker, clock) -> None:
    # given a webhook receiver that is down for good
    errors = [SendError("webhook answered HTTP 503", retryable=True) for _ in range(6)]
    install(FakeChannel(ChannelKind.WEBHOOK, errors=errors))
    await _notice(people.by_store["SH001"].id)
    # when the worker keeps running for a day
    for _ in range(8):
        await worker.drain()
        clock.advance(hours=3)
    # then six attempts were made and the last refusal is the reason
    assert await _log() == [("notice:1", "WEBHOOK", DeliveryStatus.FAILED, "webhook answered HTTP 503", 6)]


async def test_a_skipped_delivery_is_recorded_with_its_reason_and_never_sent(people, install, worker) -> None:
    sms = FakeChannel(ChannelKind.SMS)
    install(sms)
    member = people.by_store["SH001"]
    await delivery.skip(member.id, Purpose.CAMPAIGN, "campaign:1:member:1", "no marketing consent", source="campaign:1")
    await delivery.request(member.id, Purpose.CAMPAIGN, "campaign:1:member:1", subject="s", body="b")

    await worker.drain()

    assert await _log() == [("campaign:1:member:1", "", DeliveryStatus.SKIPPED, "no marketing consent", 0)]
    assert sms.sent == []
