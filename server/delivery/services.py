"""Recording and sending deliveries: the interface campaigns and notices use.

    request(...)  records a PENDING delivery under its key and queues its send (job
                  `delivery:<key>`); a key used before changes nothing. Pass `using_db` inside a
                  transaction to make both part of what commits.
    skip(...)     records a delivery that will not be sent, with the reason (SKIPPED).
    send_batch    sends many pending deliveries at once (campaigns), settling them in bulk
    SEND          the worker task: resolves the member's address on the channel, sends, and
                  marks the delivery SENT, or FAILED when the channel refuses for good or the
                  last attempt fails (retried attempts back off 30 s, 60 s, … as jobs do).

The channel is the one asked for, or the member's best available: SMS when SMS is configured
(every member has a phone), else EMAIL when configured and the member has an address, else
WEBHOOK when configured, else LOG.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from server.channels import registry as channels
from server.channels.base import ChannelKind, Message, SendError
from server.core import crypto
from server.delivery.models import MAX_KEY_LENGTH, Delivery, DeliveryStatus, Purpose
from server.jobs.queue import enqueue
from server.jobs.registry import JobContext, Task
from server.member.models import Member

SEND_TASK = "delivery.send"


def _check_key(key: str) -> None:
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise ValueError(f"delivery keys are 1-{MAX_KEY_LENGTH} characters: {key!r}")


async def request(
    member_id: int,
    purpose: Purpose,
    key: str,
    *,
    subject: str,
    body: str,
    template: str = "",
    params: dict[str, Any] | None = None,
    channel: ChannelKind | None = None,
    source: str = "",
    using_db: BaseDBAsyncClient | None = None,
) -> None:
    row = _row(member_id, purpose, key, channel, source, template=template, params=params or {}, subject=subject[:200], body=body)
    await _record(row, using_db)
    await enqueue(SEND_TASK, f"delivery:{key}", {"key": key}, using_db=using_db)


async def skip(
    member_id: int,
    purpose: Purpose,
    key: str,
    reason: str,
    *,
    channel: ChannelKind | None = None,
    source: str = "",
    using_db: BaseDBAsyncClient | None = None,
) -> None:
    row = _row(member_id, purpose, key, channel, source, status=DeliveryStatus.SKIPPED, reason=reason[:500])
    await _record(row, using_db)


def _row(
    member_id: int, purpose: Purpose, key: str, channel: ChannelKind | None, source: str, **fields: Any
) -> Delivery:
    return Delivery(
        key=key, member_id=member_id, purpose=purpose, source=source, channel=channel.value if channel else "", **fields
    )


async def _record(row: Delivery, using_db: BaseDBAsyncClient | None) -> None:
    """Inserts the delivery unless its key was recorded before: a key is used once, whoever asks again."""
    _check_key(row.key)
    await Delivery.bulk_create([row], ignore_conflicts=True, using_db=using_db)


def best_channel(member: Member, available: frozenset[ChannelKind]) -> ChannelKind:
    if ChannelKind.SMS in available:
        return ChannelKind.SMS
    if ChannelKind.EMAIL in available and member.email:
        return ChannelKind.EMAIL
    if ChannelKind.WEBHOOK in available:
        return ChannelKind.WEBHOOK
    return ChannelKind.LOG


def address(member: Member, kind: ChannelKind) -> str:
    """Where the member is reached on a channel ('' when they can't be)."""
    if kind is ChannelKind.SMS:
        return crypto.pii().decrypt(member.phone_encrypted)
    if kind is ChannelKind.EMAIL:
        return member.email
    return member.member_no


async def _settle(delivery: Delivery, status: DeliveryStatus, **changes: Any) -> None:
    await Delivery.filter(id=delivery.id, status=DeliveryStatus.PENDING).update(status=status, **changes)


def _outgoing(delivery: Delivery, member: Member) -> tuple[ChannelKind, Message | None]:
    """The channel for the delivery and its message; no message when the member has no address there."""
    kind = ChannelKind(delivery.channel) if delivery.channel else best_channel(member, channels.available())
    to = address(member, kind)
    if not to:
        return kind, None
    return kind, Message(
        key=delivery.key,
        to=to,
        subject=delivery.subject,
        body=delivery.body,
        template=delivery.template,
        params={k: str(v) for k, v in delivery.params.items()},
        member_id=member.id,
        purpose=delivery.purpose.value if isinstance(delivery.purpose, Purpose) else str(delivery.purpose),
    )


async def _unreachable(delivery: Delivery, member: Member | None, kind: ChannelKind | None) -> None:
    if member is None:
        await _settle(delivery, DeliveryStatus.SKIPPED, reason="member not found")
    elif kind is not None:
        await _settle(delivery, DeliveryStatus.SKIPPED, channel=kind.value, reason=f"no {kind.value} address")


async def _send(context: JobContext) -> None:
    delivery = await Delivery.get(key=context.payload["key"])
    if delivery.status != DeliveryStatus.PENDING:
        return
    member = await Member.get_or_none(id=delivery.member_id)
    kind, message = _outgoing(delivery, member) if member else (None, None)
    if member is None or kind is None or message is None:
        await _unreachable(delivery, member, kind)
        return
    attempts = delivery.attempts + 1
    try:
        reference = await channels.channel(kind).send(message)
    except SendError as exc:
        if exc.retryable and not context.last_attempt:
            await Delivery.filter(id=delivery.id).update(attempts=attempts, channel=kind.value, reason=exc.reason[:500])
            raise
        await _settle(delivery, DeliveryStatus.FAILED, attempts=attempts, channel=kind.value, reason=exc.reason[:500])
        return
    await _settle(
        delivery, DeliveryStatus.SENT, attempts=attempts, channel=kind.value, reason="", provider_ref=reference[:200], sent_at=context.started_at
    )


async def send_batch(deliveries: list[Delivery], at: datetime) -> None:
    """Sends pending deliveries one after the other and records the sent ones in one UPDATE per
    channel and reference (one in all on the logging channel): a campaign's batch. A retryable
    refusal is handed to SEND (job `delivery:<key>`), which retries it with backoff."""
    reachable = Member.filter(id__in={d.member_id for d in deliveries}).only("id", "member_no", "email", "phone_encrypted")
    members = {m.id: m for m in await reachable}
    sent: dict[tuple[str, str], list[int]] = defaultdict(list)
    for delivery in deliveries:
        member = members.get(delivery.member_id)
        kind, message = _outgoing(delivery, member) if member else (None, None)
        if member is None or kind is None or message is None:
            await _unreachable(delivery, member, kind)
            continue
        try:
            reference = await channels.channel(kind).send(message)
        except SendError as exc:
            if exc.retryable:
                await enqueue(SEND_TASK, f"delivery:{delivery.key}", {"key": delivery.key})
            else:
                await _settle(delivery, DeliveryStatus.FAILED, attempts=1, channel=kind.value, reason=exc.reason[:500])
            continue
        sent[(kind.value, reference[:200])].append(delivery.id)
    for (kind_value, reference), ids in sent.items():
        await Delivery.filter(id__in=ids, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENT, attempts=F("attempts") + 1, channel=kind_value, reason="", provider_ref=reference, sent_at=at
        )


SEND = Task(SEND_TASK, _send, max_attempts=6, backoff=30.0)
