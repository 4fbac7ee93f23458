"""Live events as GraphQL types: `BalanceEvent` and `StoreEvent` share the `LiveEvent` fields.

What an event shows of its member follows the same policy as the `Member` type: the phone is
masked for viewers without the FULL view of that member (STORE staff, REGION staff outside the
member's region). Fields are filled from the event itself, so delivering it costs no query.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeVar

import strawberry
from strawberry import relay

from schema.card.types import CardStatus
from schema.core.scalars import Money
from schema.member.types import MemberView
from schema.wallet.types import Balance, TransferKind
from server.access.policy import Access, Actor, MemberField, View, field_access, member_view
from server.card.models import CardStatus as CardStatusValue
from server.core.crypto import pii
from server.events.messages import Event, EventKind
from server.ledger.models import OperationKind
from server.member.masking import mask_phone

LiveEventKind = strawberry.enum(EventKind, name="LiveEventKind", description="What happened.")


@strawberry.type(description="The member an event concerns, as the viewer may see them.")
class EventMember:
    id: relay.GlobalID = strawberry.field(description="The member's ID (`node(id:)` has the rest).")
    member_no: str = strawberry.field(description="Member number.")
    name: str = strawberry.field(description="Full name.")
    view: MemberView = strawberry.field(description="FULL, or MASKED when the member is outside the viewer's scope.")
    phone_encrypted: strawberry.Private[str]

    @strawberry.field(description="Phone number; masked as 138****5678 unless the view is FULL.")
    def phone(self) -> str | None:
        access = field_access(View(self.view), MemberField.PHONE)
        if access is Access.DENY:
            return None
        phone = pii().decrypt(self.phone_encrypted)
        return phone if access is Access.ALLOW else mask_phone(phone)


@strawberry.type(description="The card an event concerns.")
class EventCard:
    id: relay.GlobalID = strawberry.field(description="The card's ID.")
    card_no: str = strawberry.field(description="Card number.")
    status: CardStatus = strawberry.field(description="Status after the event.")


@strawberry.type(description="The store where an event happened.")
class EventStore:
    id: relay.GlobalID = strawberry.field(description="The store's ID.")
    code: str = strawberry.field(description="Store code, e.g. SH001.")
    name: str = strawberry.field(description="Display name.")


@strawberry.interface(description="What every live event says: what happened, to whom, where, when, and the balances after.")
class LiveEvent:
    kind: LiveEventKind = strawberry.field(description="What happened.")
    member: EventMember = strawberry.field(description="The member concerned.")
    card: EventCard | None = strawberry.field(description="The card concerned; null for member-only events.")
    balance: Balance | None = strawberry.field(
        description="The stored value the card spends (its parent's for a subsidiary card), after the event; "
        "null without a card or for a card type without stored value."
    )
    points: int = strawberry.field(description="The member's spendable points after the event.")
    transfer_id: relay.GlobalID | None = strawberry.field(
        description="The Transfer (ledger operation) that moved value, if any: refund it, or fetch it with `node`."
    )
    transfer_kind: TransferKind | None = strawberry.field(description="The kind of that transfer.")
    amount: Money | None = strawberry.field(description="The transfer's headline amount: recharged, paid, refunded, moved.")
    store: EventStore | None = strawberry.field(description="Where it happened; null for HQ operations.")
    operator: str | None = strawberry.field(description="Username of the staff member who did it.")
    reason: str = strawberry.field(description="Why, for card operations, as the operator gave it.")
    at: datetime = strawberry.field(description="When it happened.")
    committed_at: datetime = strawberry.field(
        description="When its transaction committed, by the server's clock: where its delivery delay starts."
    )

    @classmethod
    def from_event(cls: type[E], event: Event, viewer: Actor) -> E:
        m, card, transfer, store = event.member, event.card, event.transfer, event.store
        fields: dict[str, Any] = {
            "kind": event.kind,
            "member": EventMember(
                id=relay.GlobalID("Member", str(m.id)),
                member_no=m.member_no,
                name=m.name,
                view=member_view(viewer, m.home_store_id, m.home_region_id),
                phone_encrypted=m.phone_encrypted,
            ),
            "card": EventCard(
                id=relay.GlobalID("Card", str(card.id)), card_no=card.card_no, status=CardStatusValue(card.status)
            )
            if card
            else None,
            "balance": Balance(principal=Money(event.principal), bonus=Money(event.bonus or 0))
            if event.principal is not None
            else None,
            "points": event.points,
            "transfer_id": relay.GlobalID("Transfer", str(transfer.id)) if transfer else None,
            "transfer_kind": OperationKind(transfer.kind) if transfer else None,
            "amount": Money(transfer.amount) if transfer else None,
            "store": EventStore(id=relay.GlobalID("Store", str(store.id)), code=store.code, name=store.name)
            if store
            else None,
            "operator": event.operator,
            "reason": event.reason,
            "at": event.at,
            "committed_at": datetime.fromtimestamp(event.committed_at, UTC),
        }
        return cls(**fields)


E = TypeVar("E", bound=LiveEvent)


@strawberry.type(description="A change to a member's or card's balance, points or card status.")
class BalanceEvent(LiveEvent):
    pass


@strawberry.type(description="Something that happened at a store: a consumption, recharge, refund, card operation or registration.")
class StoreEvent(LiveEvent):
    pass
