"""Signed webhooks: each message is POSTed as JSON to one URL, signed so the receiver can check
it came from Tessera, unaltered and recently.

    X-Tessera-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>
    X-Tessera-Delivery:  <delivery key>   (the same on every retry: receivers dedupe on it)

A receiver recomputes v1 over the raw bytes it received (before parsing the JSON), compares in
constant time, and rejects a timestamp more than five minutes away from its clock (a replayed
request). A non-2xx answer is retried with backoff through the queue; 4xx other than 408/429 is
final.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from server.channels.base import ChannelKind, Message, SendError

SIGNATURE_HEADER = "X-Tessera-Signature"
DELIVERY_HEADER = "X-Tessera-Delivery"
TOLERANCE_SECONDS = 300
RETRYABLE_STATUS = {408, 425, 429}


def signature(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, *, now: float, tolerance: int = TOLERANCE_SECONDS) -> bool:
    """What a receiver does: the header's v1 matches the raw body and its t is recent."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(parts.get("v1", ""), signature(secret, timestamp, body))


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    secret: str
    timeout: float = 10.0


class WebhookChannel:
    kind = ChannelKind.WEBHOOK

    def __init__(self, settings: WebhookSettings, clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self.clock = clock

    def body(self, message: Message) -> bytes:
        payload = {
            "key": message.key,
            "memberId": message.member_id,
            "purpose": message.purpose,
            "to": message.to,
            "template": message.template,
            "params": message.params,
            "subject": message.subject,
            "body": message.body,
        }
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()

    async def send(self, message: Message) -> str:
        body = self.body(message)
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature_header(self.settings.secret, int(self.clock()), body),
            DELIVERY_HEADER: message.key,
        }
        try:
            async with httpx.AsyncClient(timeout=self.settings.timeout) as client:
                response = await client.post(self.settings.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SendError(f"webhook unreachable: {type(exc).__name__}: {exc}", retryable=True) from exc
        if response.is_success:
            return ""
        retryable = response.status_code >= 500 or response.status_code in RETRYABLE_STATUS
        raise SendError(f"webhook answered HTTP {response.status_code}", retryable=retryable)
