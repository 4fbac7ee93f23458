"""The event a live subscriber receives, and the topics it is delivered on.

An event says what happened to which member, card and store, with the card's balances and the
member's points as they stood after the commit. It carries the member's phone encrypted, never in
clear: events cross Redis, and each viewer's masking is applied only when the event reaches them.

Topics: `member:<id>`, `card:<id>`, `store:<id>`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any


class EventKind(str, Enum):
    """What happened: money and points operations, card operations, registrations."""

    RECHARGE = "RECHARGE"
    CONSUME = "CONSUME"
    REFUND = "REFUND"
    POINTS_ADJUSTED = "POINTS_ADJUSTED"
    POINTS_REDEEMED = "POINTS_REDEEMED"
    POINTS_EXPIRED = "POINTS_EXPIRED"
    CARD_ISSUED = "CARD_ISSUED"
    CARD_REPORTED_LOST = "CARD_REPORTED_LOST"
    CARD_LOSS_CANCELLED = "CARD_LOSS_CANCELLED"
    CARD_FROZEN = "CARD_FROZEN"
    CARD_UNFROZEN = "CARD_UNFROZEN"
    CARD_REPLACED = "CARD_REPLACED"
    CARD_CANCELLED = "CARD_CANCELLED"
    MEMBER_REGISTERED = "MEMBER_REGISTERED"


def member_topic(member_id: int) -> str:
    return f"member:{member_id}"


def card_topic(card_id: int) -> str:
    return f"card:{card_id}"


def store_topic(store_id: int) -> str:
    return f"store:{store_id}"


@dataclass(frozen=True)
class MemberRef:
    """The member, with what per-viewer masking needs: the home store and region decide the view."""

    id: int
    member_no: str
    name: str
    phone_encrypted: str
    home_store_id: int
    home_region_id: int


@dataclass(frozen=True)
class CardRef:
    id: int
    card_no: str
    status: str


@dataclass(frozen=True)
class StoreRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class TransferRef:
    """The ledger operation behind the event (its id is the API's Transfer id)."""

    id: int
    kind: str
    amount: int


@dataclass(frozen=True)
class Event:
    kind: EventKind
    member: MemberRef
    at: datetime
    card: CardRef | None = None
    principal: int | None = None
    bonus: int | None = None
    points: int = 0
    transfer: TransferRef | None = None
    store: StoreRef | None = None
    operator: str | None = None
    reason: str = ""
    other_cards: tuple[int, ...] = ()
    committed_at: float = 0.0
    origin: str = field(default="", compare=False)

    @property
    def topics(self) -> tuple[str, ...]:
        """Where the event is delivered: its member, every card it concerns, its store."""
        cards = dict.fromkeys(([self.card.id] if self.card else []) + list(self.other_cards))
        return (
            member_topic(self.member.id),
            *(card_topic(c) for c in cards),
            *([store_topic(self.store.id)] if self.store else []),
        )

    def to_json(self) -> str:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["at"] = self.at.isoformat()
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> Event:
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            kind=EventKind(data["kind"]),
            member=MemberRef(**data["member"]),
            at=datetime.fromisoformat(data["at"]),
            card=CardRef(**data["card"]) if data["card"] else None,
            principal=data["principal"],
            bonus=data["bonus"],
            points=data["points"],
            transfer=TransferRef(**data["transfer"]) if data["transfer"] else None,
            store=StoreRef(**data["store"]) if data["store"] else None,
            operator=data["operator"],
            reason=data["reason"],
            other_cards=tuple(data["other_cards"]),
            committed_at=data["committed_at"],
            origin=data["origin"],
        )
