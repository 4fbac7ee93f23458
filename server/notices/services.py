"""Transactional notices (消费提醒) and members' preferences for them.

    notice_preference / set_notice_preference   read and change a member's choice (MANAGE_MEMBERS,
                                                in scope; audited)
    PREPARE                                     the worker task behind the outbox: builds the
                                                notice for one committed operation or card
                                                event and hands it to the delivery log (or
                                                records it SKIPPED when the member opted out)

Service notices are not marketing: no consent or frequency cap applies. The balance a notice
states is the card's balance right after its operation, summed from the ledger's transfers up to
that operation's (a card's transfers are numbered in the order its balance changed: every change
holds the card's account row locks), so a later operation can't leak into an earlier notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.card.models import Card, CardAction, CardEvent
from server.channels.base import ChannelKind
from server.core.errors import DomainError, invalid
from server.delivery import services as delivery
from server.delivery.models import Purpose
from server.jobs.registry import JobContext, Task
from server.ledger.models import Account, AccountCode, Operation, OperationKind, Transfer
from server.member.models import Member
from server.member.services import get_member_in_scope
from server.notices.models import NoticePreference
from server.notices.outbox import PREPARE_TASK

OPERATION_LABELS = {
    OperationKind.RECHARGE: "充值",
    OperationKind.CONSUME: "消费",
    OperationKind.REFUND: "退款",
    OperationKind.RECHARGE_REFUND: "充值退款",
}
CARD_LABELS = {
    CardAction.ISSUE: "开卡",
    CardAction.REPORT_LOST: "挂失",
    CardAction.CANCEL_LOSS: "解除挂失",
    CardAction.FREEZE: "冻结",
    CardAction.UNFREEZE: "解冻",
    CardAction.REPLACE: "补卡，本卡已作废",
    CardAction.CANCEL: "注销",
}
OPTED_OUT = "opted out of service notices"


@dataclass(frozen=True)
class Preference:
    member_id: int
    service_notices: bool
    channel: ChannelKind | None


def _preference(member_id: int, row: NoticePreference | None) -> Preference:
    if row is None:
        return Preference(member_id, True, None)
    return Preference(member_id, row.service_notices, ChannelKind(row.channel) if row.channel else None)


async def _member(actor: Actor, member_id: int) -> Member:
    """The member if the actor may manage it, with errors naming the `memberId` input."""
    try:
        return await get_member_in_scope(actor, member_id)
    except DomainError as exc:
        raise DomainError(exc.code, exc.message, "memberId") from exc


async def notice_preference(actor: Actor | None, member_id: int) -> Preference:
    actor = require(actor)
    await _member(actor, member_id)
    return _preference(member_id, await NoticePreference.get_or_none(member_id=member_id))


async def set_notice_preference(
    actor: Actor | None, member_id: int, service_notices: bool, channel: ChannelKind | None = None
) -> Preference:
    actor = require(actor, Permission.MANAGE_MEMBERS)
    member = await _member(actor, member_id)
    if channel is ChannelKind.EMAIL and not member.email:
        raise invalid("channel", "The member has no email address.")
    before = _preference(member_id, await NoticePreference.get_or_none(member_id=member_id))
    async with in_transaction():
        await NoticePreference.update_or_create(
            defaults={"service_notices": service_notices, "channel": channel.value if channel else ""}, member_id=member_id
        )
        await audit.record(
            actor,
            "member.notice_preference",
            "Member",
            member_id,
            {"serviceNotices": before.service_notices, "channel": before.channel.value if before.channel else None},
            {"serviceNotices": service_notices, "channel": channel.value if channel else None},
        )
    return Preference(member_id, service_notices, channel)


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


async def _sum(**conditions: Any) -> int:
    rows = await Transfer.filter(**conditions).annotate(total=Sum("amount")).values("total")
    return int(rows[0]["total"] or 0) if rows else 0


async def balance_after(card: Card, transfer_id: int | None) -> int:
    """Principal + bonus of the card's money (its parent's for a subsidiary card) right after the
    transfer numbered `transfer_id`; now, for an operation that moved nothing (no transfer)."""
    money_card = card.parent_id if card.parent_id is not None else card.id
    accounts = list(
        await Account.filter(
            card_id=money_card, code__in=[AccountCode.CARD_PRINCIPAL, AccountCode.CARD_BONUS]
        ).values_list("id", flat=True)
    )
    if not accounts:
        return 0
    if transfer_id is None:
        return sum(int(a.balance or 0) for a in await Account.filter(id__in=accounts))
    return await _sum(credit_id__in=accounts, id__lte=transfer_id) - await _sum(debit_id__in=accounts, id__lte=transfer_id)


@dataclass(frozen=True)
class Notice:
    key: str
    member_id: int
    source: str
    template: str
    subject: str
    body: str
    params: dict[str, str]


async def _operation_notice(operation_id: int) -> Notice | None:
    operation = await Operation.get_or_none(id=operation_id)
    if operation is None or operation.card_id is None or operation.member_id is None:
        return None
    kind = OperationKind(operation.kind)
    card = await Card.get(id=operation.card_id)
    last = await Transfer.filter(operation_id=operation.id).order_by("-id").first()
    balance = await balance_after(card, last.id if last else None)
    label = OPERATION_LABELS[kind]
    tail = card.card_no[-4:]
    return Notice(
        key=f"notice:operation:{operation.id}",
        member_id=operation.member_id,
        source=f"notice:{kind.value}",
        template=f"notice.{kind.value.lower()}",
        subject=f"{label}提醒",
        body=f"您尾号{tail}的会员卡{label} {yuan(operation.amount)} 元，当前余额 {yuan(balance)} 元。",
        params={"card": tail, "amount": yuan(operation.amount), "balance": yuan(balance)},
    )


async def _card_event_notice(event_id: int, balance: int) -> Notice | None:
    event = await CardEvent.get_or_none(id=event_id)
    if event is None:
        return None
    action = CardAction(event.action)
    card = await Card.get(id=event.card_id).select_related("card_type")
    label = CARD_LABELS[action]
    tail = card.card_no[-4:]
    params = {"card": tail, "action": label}
    body = f"您尾号{tail}的会员卡已{label}。"
    if card.card_type.stores_value:
        params["balance"] = yuan(balance)
        body += f"当前余额 {params['balance']} 元。"
    return Notice(
        key=f"notice:card-event:{event.id}",
        member_id=card.member_id,
        source=f"notice:CARD_{action.value}",
        template="notice.card",
        subject="会员卡提醒",
        body=body,
        params=params,
    )


async def _prepare(context: JobContext) -> None:
    payload = context.payload
    if "operation_id" in payload:
        notice = await _operation_notice(int(payload["operation_id"]))
    else:
        notice = await _card_event_notice(int(payload["card_event_id"]), int(payload["balance"]))
    if notice is None:
        return
    preference = _preference(notice.member_id, await NoticePreference.get_or_none(member_id=notice.member_id))
    if not preference.service_notices:
        await delivery.skip(notice.member_id, Purpose.TRANSACTIONAL, notice.key, OPTED_OUT, source=notice.source)
        return
    await delivery.request(
        notice.member_id,
        Purpose.TRANSACTIONAL,
        notice.key,
        subject=notice.subject,
        body=notice.body,
        template=notice.template,
        params=notice.params,
        channel=preference.channel,
        source=notice.source,
    )


PREPARE = Task(PREPARE_TASK, _prepare, max_attempts=5, backoff=30.0)
