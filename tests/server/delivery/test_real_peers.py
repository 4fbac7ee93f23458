"""Deliveries through the worker to real peers on 127.0.0.1: an SMTP sink receives the mail, and a
webhook receiver that is down once gets the message on the queue's retry, signed both times."""

from __future__ import annotations

import json

from starlette.applications import Starlette
from starlette.routing import Route

from server.channels.base import ChannelKind
from server.channels.smtp import SmtpChannel, SmtpSettings
from server.channels.webhook import WebhookChannel, WebhookSettings
from server.delivery import services as delivery
from server.delivery.models import Delivery, DeliveryStatus, Purpose
from tests.server.channels.peers import http_server, smtp_sink
from tests.server.channels.test_webhook import SECRET, Receiver


async def test_an_email_delivery_reaches_the_smtp_sink_once(people, install, worker) -> None:
    member = people.by_store["SH001"]
    async with smtp_sink() as (sink, port):
        install(SmtpChannel(SmtpSettings("127.0.0.1", port, sender="notice@tessera.test", security="none")))
        for _ in range(2):
            await delivery.request(member.id, Purpose.TRANSACTIONAL, "notice:5", subject="充值提醒", body="充值 100.00 元")
            await worker.drain()

    assert [(to, str(mail["Subject"]), mail.get_content().strip()) for _, to, mail in sink.mails] == [
        (["sh001@example.com"], "充值提醒", "充值 100.00 元")
    ]
    sent = await Delivery.get(key="notice:5")
    assert (sent.status, sent.channel, sent.attempts, sent.provider_ref) == (
        DeliveryStatus.SENT, "EMAIL", 1, str(sink.mails[0][2]["Message-ID"]).strip()
    )


async def test_a_webhook_refused_with_503_is_retried_after_the_backoff_and_accepted(people, install, worker, clock) -> None:
    member = people.by_store["SH001"]
    receiver = Receiver(answers=[503])
    async with http_server(Starlette(routes=[Route("/hook", receiver.handle, methods=["POST"])])) as url:
        install(WebhookChannel(WebhookSettings(f"{url}/hook", SECRET)))
        await delivery.request(member.id, Purpose.TRANSACTIONAL, "notice:6", subject="消费提醒", body="消费 1.00 元")
        await worker.drain()
        pending = await Delivery.get(key="notice:6")
        clock.advance(seconds=30)
        await worker.drain()

    assert (pending.status, pending.attempts, pending.reason) == (DeliveryStatus.PENDING, 1, "webhook answered HTTP 503")
    assert [(key, body["to"], body["body"]) for key, body in receiver.received] == [("notice:6", member.member_no, "消费 1.00 元")]
    assert receiver.rejected == []
    sent = await Delivery.get(key="notice:6")
    assert (sent.status, sent.channel, sent.attempts) == (DeliveryStatus.SENT, ChannelKind.WEBHOOK.value, 2)
    assert json.dumps(receiver.received[0][1]["params"]) == "{}"
