"""Card types (HQ) and the card lifecycle: issue, lost/found, freeze/unfreeze, replace, cancel.

Transitions are guarded updates (`status = expected`), so two clerks acting on one card at once
can't both succeed. Every operation writes a CardEvent (who, where, when, why) and an audit entry.
Moving a balance (replace, cancel) goes through the ledger like any other money movement.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.access.passwords import hash_password
from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.card.errors import card_not_active, illegal_transition
from server.card.models import Card, CardAction, CardEvent, CardKind, CardStatus, CardType, DeductionOrder
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.core.joined import Join, attach, columns, instance
from server.core.sql import fetch_one, sql
from server.core.text import clean_code, clean_text
from server.events import snapshots
from server.events.publishing import publishes
from server.ledger import accounts
from server.ledger.models import Account, Operation, OperationKind, TransferCode
from server.ledger.operations import system_key
from server.ledger.posting import Leg, post
from server.member.models import Member, MemberStatus
from server.tier.models import Tier
from server.wallet.stores import acting_store

_CARD_NO_DIGITS = 16


@dataclass
class CardTypeDraft:
    code: str
    name: str
    kind: CardKind = CardKind.PERSONAL
    stores_value: bool = True
    earns_points: bool = True
    gives_discount: bool = True
    requires_pin: bool = False
    daily_limit: int | None = None
    deduction_order: DeductionOrder = DeductionOrder.PRINCIPAL_FIRST


def _type_snapshot(card_type: CardType) -> dict[str, object]:
    return {
        "code": card_type.code,
        "name": card_type.name,
        "kind": CardKind(card_type.kind).value,
        "stores_value": card_type.stores_value,
        "earns_points": card_type.earns_points,
        "gives_discount": card_type.gives_discount,
        "requires_pin": card_type.requires_pin,
        "daily_limit": card_type.daily_limit,
        "deduction_order": DeductionOrder(card_type.deduction_order).value,
        "is_active": card_type.is_active,
    }


async def create_card_type(actor: Actor | None, draft: CardTypeDraft) -> CardType:
    require(actor, Permission.MANAGE_PROGRAM)
    code = clean_code(draft.code)
    name = clean_text(draft.name, "name", max_length=50, required=True)
    if draft.daily_limit is not None and draft.daily_limit <= 0:
        raise invalid("dailyLimit", "A daily limit must be positive.")
    values = {**draft.__dict__, "code": code, "name": name}
    try:
        async with in_transaction():
            card_type = await CardType.create(**values)
            await audit.record(actor, "card_type.create", "CardType", card_type.id, None, _type_snapshot(card_type))
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, f"A card type with code {code} already exists.", "code") from exc
    return card_type


def _snapshot(card: Card) -> dict[str, object]:
    return {"card_no": card.card_no, "status": CardStatus(card.status).value, "member_id": card.member_id}


def _new_card_no() -> str:
    return f"{secrets.randbelow(9 * 10 ** (_CARD_NO_DIGITS - 1)) + 10 ** (_CARD_NO_DIGITS - 1)}"


def _clean_card_no(card_no: str, field: str = "cardNo") -> str:
    text = (card_no or "").strip()
    if not (4 <= len(text) <= 32 and text.isascii() and text.isalnum()):
        raise invalid(field, "A card number is 4 to 32 letters or digits.")
    return text.upper()


def card_join(card_no: str, field: str = "cardNo", *, with_member: bool = False) -> Join:
    """The card numbered `card_no` and its type (and `with_member`, its member and the member's
    tier), under the aliases c, t, m and r; `card_from_row` makes the card of its row."""
    columns_ = f"{columns(Card, 'c')}, {columns(CardType, 't')}"
    tables = "card c JOIN card_type t ON t.id = c.card_type_id"
    if with_member:
        columns_ += f", {columns(Member, 'm')}, {columns(Tier, 'r')}"
        tables += " JOIN member m ON m.id = c.member_id LEFT JOIN tier r ON r.id = m.tier_id"
    return Join(columns_, tables, sql("c.card_no = ?", _clean_card_no(card_no, field)))


def card_from_row(row: dict[str, Any] | None, field: str = "cardNo", *, with_member: bool = False) -> Card:
    """The card `card_join` read (NOT_FOUND when there was none), its relations attached."""
    card = instance(Card, "c", row) if row is not None else None
    if card is None:
        raise not_found("Card", field)
    attach(card, "card_type", instance(CardType, "t", row))
    if with_member:
        member = instance(Member, "m", row)
        assert member is not None
        attach(member, "tier", instance(Tier, "r", row))
        attach(card, "member", member)
    return card


async def card_id_of(card_no: str) -> int | str:
    """The id of the card numbered `card_no`, or "" (no such card, or not a card number): the
    target of an audit entry about an attempt on it."""
    try:
        number = _clean_card_no(card_no)
    except DomainError:
        return ""
    found = await Card.filter(card_no=number).first().values_list("id", flat=True)
    return int(found) if found is not None else ""


async def get_card(card_no: str, field: str = "cardNo", *, with_member: bool = False) -> Card:
    """The card and its type (and `with_member`, its member and the member's tier), in one query:
    every payment starts here, so the join is hand-written (see server.core.joined)."""
    row = await fetch_one(card_join(card_no, field, with_member=with_member).alone())
    return card_from_row(row, field, with_member=with_member)


def money_card(card: Card) -> int:
    """The card whose accounts hold the value: a subsidiary card spends its parent's."""
    return card.parent_id if card.parent_id is not None else card.id


async def _record(actor: Actor, card: Card, action: CardAction, before: CardStatus | None, reason: str) -> None:
    await CardEvent.create(
        card_id=card.id,
        action=action,
        from_status=before.value if before else "",
        to_status=CardStatus(card.status).value,
        reason=reason,
        staff_id=actor.staff_id,
        store_id=actor.store_id,
    )
    await audit.record(
        actor,
        f"card.{action.value.lower()}",
        "Card",
        card.id,
        {"status": before.value} if before else None,
        {**_snapshot(card), **({"reason": reason} if reason else {})},
    )


@dataclass
class IssueRequest:
    member_id: int
    card_type_id: int
    card_no: str | None = None
    parent_card_no: str | None = None
    pin: str | None = None


_PIN_RUNS = "01234567890", "09876543210"


def _check_pin(pin: str, field: str = "pin") -> None:
    """6 digits, not one digit repeated (000000) nor a run (123456, 654321)."""
    if not (pin.isascii() and pin.isdigit() and len(pin) == 6):
        raise invalid(field, "A PIN must be exactly 6 digits.")
    if len(set(pin)) == 1 or any(pin in run for run in _PIN_RUNS):
        raise invalid(field, "A PIN can't be one digit repeated or a run like 123456; choose another.")


@publishes(snapshots.card_events)
async def issue_card(actor: Actor | None, request: IssueRequest) -> Card:
    """Issues a card to any active member (chains serve members at every store)."""
    actor = require(actor, Permission.CARD_OPS)
    member = await Member.get_or_none(id=request.member_id)
    if member is None:
        raise not_found("Member", "memberId")
    if member.status != MemberStatus.ACTIVE:
        raise invalid("memberId", "Cards are issued to active members only.")
    card_type = await CardType.get_or_none(id=request.card_type_id, is_active=True)
    if card_type is None:
        raise not_found("Card type", "cardTypeId")
    parent = await _parent_for(card_type, request.parent_card_no)
    if card_type.requires_pin and not request.pin:
        raise invalid("pin", "This card type needs a PIN.")
    if request.pin:
        _check_pin(request.pin)
    pin_hash = await hash_password(request.pin) if request.pin else None
    card_no = _clean_card_no(request.card_no) if request.card_no else _new_card_no()
    if await Card.exists(card_no=card_no):
        raise DomainError(ErrorCode.DUPLICATE, f"Card number {card_no} is taken.", "cardNo")
    try:
        async with in_transaction():
            card = await Card.create(
                card_no=card_no,
                member_id=member.id,
                card_type_id=card_type.id,
                parent_id=parent.id if parent else None,
                pin_hash=pin_hash,
                issued_store_id=actor.store_id,
            )
            await _record(actor, card, CardAction.ISSUE, None, "")
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, f"Card number {card_no} is taken.", "cardNo") from exc
    if card_type.stores_value and parent is None:
        await accounts.resolve([accounts.card_principal(card.id), accounts.card_bonus(card.id)])
    return await Card.get(id=card.id).select_related("card_type")


async def _parent_for(card_type: CardType, parent_card_no: str | None) -> Card | None:
    if card_type.kind != CardKind.SUBSIDIARY:
        if parent_card_no:
            raise invalid("parentCardNo", "Only subsidiary cards have a parent card.")
        return None
    if not parent_card_no:
        raise invalid("parentCardNo", "A subsidiary card needs its parent card.")
    parent = await get_card(parent_card_no, "parentCardNo")
    if parent.parent_id is not None:
        raise invalid("parentCardNo", "A subsidiary card can't be a parent.")
    if parent.status != CardStatus.ACTIVE:
        raise card_not_active(CardStatus(parent.status), "parentCardNo", parent=True)
    return parent


_TRANSITIONS: dict[CardAction, tuple[frozenset[CardStatus], CardStatus]] = {
    CardAction.REPORT_LOST: (frozenset({CardStatus.ACTIVE, CardStatus.FROZEN}), CardStatus.LOST),
    CardAction.CANCEL_LOSS: (frozenset({CardStatus.LOST}), CardStatus.ACTIVE),
    CardAction.FREEZE: (frozenset({CardStatus.ACTIVE}), CardStatus.FROZEN),
    CardAction.UNFREEZE: (frozenset({CardStatus.FROZEN}), CardStatus.ACTIVE),
}


@publishes(snapshots.card_events)
async def change_status(actor: Actor | None, card_no: str, action: CardAction, reason: str | None = None) -> Card:
    """Lost / found / freeze / unfreeze, refused from any status the action doesn't start from."""
    actor = require(actor, Permission.CARD_OPS)
    allowed_from, target = _TRANSITIONS[action]
    reason = clean_text(reason, "reason", max_length=255)
    card = await get_card(card_no)
    before = CardStatus(card.status)
    if before not in allowed_from:
        raise illegal_transition(action, before, target)
    async with in_transaction():
        moved = await Card.filter(id=card.id, status=before).update(status=target)
        if moved != 1:
            raise await _overtaken(card.id, action, target)
        card.status = target
        await _record(actor, card, action, before, reason)
    return card


async def _locked_balances(card_id: int) -> tuple[Account, Account]:
    """The card's principal and bonus accounts, row-locked (PostgreSQL) so no payment slips past."""
    refs = [accounts.card_principal(card_id), accounts.card_bonus(card_id)]
    resolved = await accounts.resolve(refs)
    ids = [resolved[r].id for r in refs]
    rows = {a.id: a for a in await Account.filter(id__in=ids).select_for_update().order_by("id")}
    return rows[ids[0]], rows[ids[1]]


async def _post_once(
    actor: Actor, card: Card, kind: OperationKind, store_id: int | None, legs: dict[str, Leg]
) -> None:
    """The card's one operation of `kind`, its result naming each leg's amount by its key (two
    legs may share a transfer code: a replacement moves principal and bonus, both CARD_MOVE)."""
    if not any(leg.amount > 0 for leg in legs.values()):
        return
    key = system_key(kind.value.lower(), "card", card.id)
    operation = await Operation.create(
        kind=kind,
        idempotency_key=key,
        fingerprint=key,
        member_id=card.member_id,
        card_id=card.id,
        store_id=store_id,
        staff_id=actor.staff_id,
        amount=sum(leg.amount for leg in legs.values()),
        result={name: leg.amount for name, leg in legs.items()},
    )
    await post(operation, [leg for leg in legs.values() if leg.amount > 0])


async def _overtaken(card_id: int, action: CardAction, target: CardStatus | None) -> DomainError:
    """The refusal for a guarded transition that found the card changed since it was read."""
    status = await Card.filter(id=card_id).first().values_list("status", flat=True)
    return illegal_transition(action, CardStatus(status), target)


async def _close(card: Card, action: CardAction, replaced_by: int | None) -> CardStatus:
    before = CardStatus(card.status)
    if before == CardStatus.CANCELLED:
        raise illegal_transition(action, before, CardStatus.CANCELLED)
    closed = await Card.filter(id=card.id, status=before).update(status=CardStatus.CANCELLED, replaced_by_id=replaced_by)
    if closed != 1:
        raise await _overtaken(card.id, action, CardStatus.CANCELLED)
    card.status = CardStatus.CANCELLED
    card.replaced_by_id = replaced_by
    return before


@publishes(snapshots.replacement_events)
async def replace_card(actor: Actor | None, card_no: str, new_card_no: str | None = None, reason: str | None = None) -> Card:
    """补卡: a new number takes over the balance (moved by ledger transfers) and subsidiary cards;
    the old card is cancelled for good."""
    actor = require(actor, Permission.CARD_OPS)
    reason = clean_text(reason, "reason", max_length=255)
    card = await get_card(card_no)
    if card.status == CardStatus.CANCELLED:
        raise illegal_transition(CardAction.REPLACE, CardStatus.CANCELLED)
    number = _clean_card_no(new_card_no, "newCardNo") if new_card_no else _new_card_no()
    if await Card.exists(card_no=number):
        raise DomainError(ErrorCode.DUPLICATE, f"Card number {number} is taken.", "newCardNo")
    carries_value = card.card_type.stores_value and card.parent_id is None
    try:
        successor = await _replace(actor, card, number, reason, carries_value=carries_value)
    except IntegrityError as exc:
        # Another request took the number between the check above and this insert.
        if await Card.exists(card_no=number):
            raise DomainError(ErrorCode.DUPLICATE, f"Card number {number} is taken.", "newCardNo") from exc
        raise
    return await Card.get(id=successor.id).select_related("card_type")


async def _replace(actor: Actor, card: Card, number: str, reason: str, *, carries_value: bool) -> Card:
    """The replacement's transaction: the new card, the old one closed, its balance moved."""
    async with in_transaction():
        successor = await Card.create(
            card_no=number,
            member_id=card.member_id,
            card_type_id=card.card_type_id,
            parent_id=card.parent_id,
            pin_hash=card.pin_hash,
            issued_store_id=actor.store_id,
        )
        before = await _close(card, CardAction.REPLACE, successor.id)
        await Card.filter(parent_id=card.id).update(parent_id=successor.id)
        if carries_value:
            old_principal, old_bonus = await _locked_balances(card.id)
            new = await accounts.resolve([accounts.card_principal(successor.id), accounts.card_bonus(successor.id)])
            new_principal, new_bonus = new.values()
            await _post_once(
                actor,
                card,
                OperationKind.CARD_REPLACE,
                actor.store_id,
                {
                    "principal": Leg(old_principal, new_principal, old_principal.balance or 0, TransferCode.CARD_MOVE),
                    "bonus": Leg(old_bonus, new_bonus, old_bonus.balance or 0, TransferCode.CARD_MOVE),
                },
            )
        await _record(actor, card, CardAction.REPLACE, before, reason)
        await _record(actor, successor, CardAction.ISSUE, None, f"replaces {card.card_no}")
    return successor


async def _cancel_subsidiaries(actor: Actor, parent: Card, reason: str) -> None:
    """Cancels the subsidiary cards of a card being cancelled, each with its own record."""
    why = f"Parent card {parent.card_no} cancelled" + (f": {reason}" if reason else ".")
    children = Card.filter(parent_id=parent.id, status__not=CardStatus.CANCELLED).select_for_update().order_by("id")
    for child in await children:
        before = CardStatus(child.status)
        await Card.filter(id=child.id).update(status=CardStatus.CANCELLED)
        child.status = CardStatus.CANCELLED
        await _record(actor, child, CardAction.CANCEL, before, why[:255])


@publishes(snapshots.card_events)
async def cancel_card(
    actor: Actor | None,
    card_no: str,
    reason: str | None = None,
    *,
    refund_balance: bool = False,
    store_id: int | None = None,
) -> Card:
    """注销. Refused while stored value remains, unless `refund_balance`: then the principal is
    paid out at the store and the bonus forfeited, each as a recorded transfer."""
    actor = require(actor, Permission.CARD_OPS)
    reason = clean_text(reason, "reason", max_length=255)
    card = await get_card(card_no)
    if card.status == CardStatus.CANCELLED:
        raise illegal_transition(CardAction.CANCEL, CardStatus.CANCELLED, CardStatus.CANCELLED)
    carries_value = card.card_type.stores_value and card.parent_id is None
    store = None
    if refund_balance:
        require(actor, Permission.REFUND)
        store = await acting_store(actor, store_id)
    async with in_transaction():
        before = await _close(card, CardAction.CANCEL, None)
        await _cancel_subsidiaries(actor, card, reason)
        if carries_value:
            principal, bonus = await _locked_balances(card.id)
            if (principal.balance or 0) + (bonus.balance or 0) > 0:
                if store is None:
                    raise invalid(
                        "refundBalance",
                        "The card still holds stored value: cancel it with refundBalance to pay out the principal "
                        "(the bonus is forfeited).",
                    )
                takings, funding = (await accounts.resolve([accounts.store_takings(store.id), accounts.BONUS_FUNDING])).values()
                await _post_once(
                    actor,
                    card,
                    OperationKind.CARD_CASH_OUT,
                    store.id,
                    {
                        "principal": Leg(principal, takings, principal.balance or 0, TransferCode.CASH_OUT_PRINCIPAL),
                        "bonus": Leg(bonus, funding, bonus.balance or 0, TransferCode.FORFEIT_BONUS),
                    },
                )
        await _record(actor, card, CardAction.CANCEL, before, reason)
    return card


async def reset_card_pin(actor: Actor | None, card_no: str, new_pin: str, reason: str | None = None) -> Card:
    """Sets a card's payment PIN (the member is at the counter; the old PIN is forgotten) and
    unlocks spending locked by wrong PINs. Refused for a cancelled card."""
    actor = require(actor, Permission.RESET_PIN)
    reason = clean_text(reason, "reason", max_length=255)
    _check_pin(new_pin or "", "newPin")
    card = await get_card(card_no)
    if card.status == CardStatus.CANCELLED:
        raise illegal_transition(CardAction.PIN_RESET, CardStatus.CANCELLED)
    pin_hash = await hash_password(new_pin)
    async with in_transaction():
        live = Card.filter(id=card.id, status__not=CardStatus.CANCELLED)
        if await live.update(pin_hash=pin_hash, pin_failures=0) != 1:
            raise illegal_transition(CardAction.PIN_RESET, CardStatus.CANCELLED)
        # Re-read under the row lock the update took: a freeze may have landed since get_card.
        status = card.status = CardStatus(await Card.filter(id=card.id).first().values_list("status", flat=True))
        await CardEvent.create(
            card_id=card.id,
            action=CardAction.PIN_RESET,
            from_status=status.value,
            to_status=status.value,
            reason=reason,
            staff_id=actor.staff_id,
            store_id=actor.store_id,
        )
        await audit.record(
            actor,
            "card.pin_reset",
            "Card",
            card.id,
            {"pin_failures": card.pin_failures},
            {**_snapshot(card), "pin_failures": 0, **({"reason": reason} if reason else {})},
        )
    card.pin_hash, card.pin_failures = pin_hash, 0
    return card
