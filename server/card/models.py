"""Membership cards (会员卡): HQ-configured card types and the cards issued to members.

A card's stored value sits in its ledger accounts (principal and bonus); a SUBSIDIARY card has no
accounts of its own and spends its parent's.
"""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class CardKind(str, Enum):
    PERSONAL = "PERSONAL"
    LINKED = "LINKED"
    GROUP = "GROUP"
    SUBSIDIARY = "SUBSIDIARY"
    VIP = "VIP"


class DeductionOrder(str, Enum):
    """How a payment from stored value splits between principal (本金) and bonus (赠送金)."""

    PRINCIPAL_FIRST = "PRINCIPAL_FIRST"
    BONUS_FIRST = "BONUS_FIRST"
    PRO_RATA = "PRO_RATA"


class CardStatus(str, Enum):
    ACTIVE = "ACTIVE"
    LOST = "LOST"
    FROZEN = "FROZEN"
    CANCELLED = "CANCELLED"


class CardType(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=50)
    kind = fields.CharEnumField(CardKind, max_length=12, default=CardKind.PERSONAL)
    stores_value = fields.BooleanField(default=True)
    earns_points = fields.BooleanField(default=True)
    gives_discount = fields.BooleanField(default=True, description="Whether the tier discount applies.")
    requires_pin = fields.BooleanField(default=False)
    daily_limit = fields.BigIntField(null=True, description="Fen spendable per card per day; null = none.")
    deduction_order = fields.CharEnumField(DeductionOrder, max_length=16, default=DeductionOrder.PRINCIPAL_FIRST)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "card_type"


class Card(Model):
    id = fields.IntField(primary_key=True)
    card_no = fields.CharField(max_length=32, unique=True)
    member = fields.ForeignKeyField("models.Member", related_name="cards", on_delete=fields.RESTRICT)
    member_id: int
    card_type: fields.ForeignKeyRelation[CardType] = fields.ForeignKeyField(
        "models.CardType", related_name="cards", on_delete=fields.RESTRICT
    )
    card_type_id: int
    status = fields.CharEnumField(CardStatus, max_length=10, default=CardStatus.ACTIVE)
    parent_id = fields.IntField(null=True, db_index=True, description="The card whose balance a subsidiary spends.")
    replaced_by_id = fields.IntField(null=True, description="The card that replaced this one (补卡).")
    pin_hash = fields.CharField(max_length=255, null=True)
    pin_failures = fields.IntField(default=0)
    issued_store_id = fields.IntField(null=True)
    issued_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "card"


class CardAction(str, Enum):
    ISSUE = "ISSUE"
    REPORT_LOST = "REPORT_LOST"
    CANCEL_LOSS = "CANCEL_LOSS"
    FREEZE = "FREEZE"
    UNFREEZE = "UNFREEZE"
    REPLACE = "REPLACE"
    CANCEL = "CANCEL"
    PIN_LOCKED = "PIN_LOCKED"
    PIN_RESET = "PIN_RESET"


class CardEvent(Model):
    """Who did what to a card, where, when and why."""

    id = fields.BigIntField(primary_key=True)
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="events", on_delete=fields.CASCADE
    )
    card_id: int
    action = fields.CharEnumField(CardAction, max_length=12)
    from_status = fields.CharField(max_length=10, default="")
    to_status = fields.CharField(max_length=10, default="")
    reason = fields.CharField(max_length=255, default="")
    staff_id = fields.IntField(null=True)
    store_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "card_event"
