"""Signed webhooks against an HTTP receiver on 127.0.0.1 that checks the HMAC-SHA256 signature
over the raw body it received and the timestamp's age, as a partner's endpoint would."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from server.channels import webhook
from server.channels.base import Message, SendError
from server.channels.webhook import WebhookChannel, WebhookSettings
from tests.server.channels.peers import http_server

SECRET = "whsec-shared-with-the-partner"


@dataclass
class Receiver:
    """Accepts a request only with a valid, fresh signature; answers `answers` first, then 200."""

    answers: list[int] = field(default_factory=list)
    received: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    async def handle(self, request: Request) -> PlainTextResponse:
        raw = await request.body()
        fields = dict(part.split("=", 1) for part in request.headers.get("x-tessera-signature", "").split(","))
        expected = hmac.new(SECRET.encode(), fields.get("t", "").encode() + b"." + raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, fields.get("v1", "")):
            self.rejected.append("bad signature")
            return PlainTextResponse("bad signature", 401)
        if abs(time.time() - int(fields["t"])) > 300:
            self.rejected.append("stale")
            return PlainTextResponse("stale", 401)
        if self.answers:
            return PlainTextResponse("busy", self.answers.pop(0))
        self.received.append((request.headers["x-tessera-delivery"], json.loads(raw)))
        return PlainTextResponse("ok")


MESSAGE = Message(
    key="notice:operation:7",
    to="M0001",
    subject="消费提醒",
    body="消费 12.50 元",
    template="notice.consume",
    params={"amount": "12.50"},
    member_id=3,
    purpose="TRANSACTIONAL",
)


def _app(receiver: Receiver) -> Starlette:
    return Starlette(routes=[Route("/hook", receiver.handle, methods=["POST"])])


async def test_a_signed_message_is_accepted_with_its_delivery_key_and_content() -> None:
    receiver = Receiver()
    async with http_server(_app(receiver)) as url:
        await WebhookChannel(WebhookSettings(f"{url}/hook", SECRET)).send(MESSAGE)

    assert receiver.received == [
        (
            "notice:operation:7",
            {"key": "notice:operation:7", "memberId": 3, "purpose": "TRANSACTIONAL", "to": "M0001",
             "template": "notice.consume", "params": {"amount": "12.50"}, "subject": "消费提醒", "body": "消费 12.50 元"},
        )
    ]


@pytest.mark.parametrize(
    ("secret", "clock", "reason"),
    [("another-secret", time.time, "bad signature"), (SECRET, lambda: time.time() - 600, "stale")],
)
async def test_a_wrong_secret_or_a_replayed_old_request_is_rejected_by_the_receiver(secret, clock, reason) -> None:
    receiver = Receiver()
    async with http_server(_app(receiver)) as url:
        with pytest.raises(SendError) as refused:
            await WebhookChannel(WebhookSettings(f"{url}/hook", secret), clock=clock).send(MESSAGE)

    assert (refused.value.retryable, refused.value.reason) == (False, "webhook answered HTTP 401")
    assert (receiver.received, receiver.rejected) == ([], [reason])


@pytest.mark.parametrize(("status", "retryable"), [(500, True), (503, True), (429, True), (404, False)])
async def test_server_errors_and_throttling_are_retryable_other_refusals_are_final(status: int, retryable: bool) -> None:
    receiver = Receiver(answers=[status])
    async with http_server(_app(receiver)) as url:
        with pytest.raises(SendError) as refused:
            await WebhookChannel(WebhookSettings(f"{url}/hook", SECRET)).send(MESSAGE)

    assert refused.value.retryable is retryable


async def test_an_unreachable_receiver_is_retryable() -> None:
    with pytest.raises(SendError) as refused:
        await WebhookChannel(WebhookSettings("http://127.0.0.1:9/hook", SECRET)).send(MESSAGE)

    assert refused.value.retryable is True


def test_verify_accepts_the_header_the_channel_makes_and_nothing_else() -> None:
    body = b'{"a":1}'
    header = webhook.signature_header(SECRET, 1_700_000_000, body)

    assert webhook.verify(SECRET, header, body, now=1_700_000_100) is True
    assert webhook.verify(SECRET, header, b'{"a":2}', now=1_700_000_100) is False
    assert webhook.verify("other", header, body, now=1_700_000_100) is False
    assert webhook.verify(SECRET, header, body, now=1_700_000_301) is False
    assert webhook.verify(SECRET, "garbage", body, now=1_700_000_000) is False
