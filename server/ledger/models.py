"""The ledger: accounts, immutable double-entry transfers, and the operations that group them.

    Operation   one business event (a recharge, a consume, a refund…), the idempotency holder:
                its key is unique and its stored result is what a replay returns
    Transfer    moves `amount` (> 0) from `debit` to `credit`; never updated or deleted —
                corrections are new reversing transfers
    Account     where value sits. Member-side accounts (a card's principal and bonus, a member's
                points) keep a running `balance`; counterparty accounts (a store's takings, HQ's
                bonus funding, points issued) keep none, so no row is written by every
                transaction in the chain: their balances are derived from transfers.

Invariants (checked by `tessera verify-ledger` and after every test scenario):
  - every transfer's legs sum to zero: it debits one account and credits another by one amount;
  - a tracked account's balance = Σ credits − Σ debits of its transfers, and is never negative.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class Unit(str, Enum):
    FEN = "FEN"
    POINTS = "POINTS"


class AccountCode(str, Enum):
    """Why an account exists. Tracked codes belong to a member or card and keep a balance."""

    CARD_PRINCIPAL = "CARD_PRINCIPAL"
    CARD_BONUS = "CARD_BONUS"
    MEMBER_POINTS = "MEMBER_POINTS"
    STORE_TAKINGS = "STORE_TAKINGS"
    BONUS_FUNDING = "BONUS_FUNDING"
    POINTS_ISSUED = "POINTS_ISSUED"


TRACKED: frozenset[AccountCode] = frozenset(
    {AccountCode.CARD_PRINCIPAL, AccountCode.CARD_BONUS, AccountCode.MEMBER_POINTS}
)


class Account(Model):
    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=64, unique=True, description="code:owner, e.g. CARD_BONUS:card:42.")
    code = fields.CharEnumField(AccountCode, max_length=20)
    unit = fields.CharEnumField(Unit, max_length=8)
    card_id = fields.IntField(null=True, db_index=True)
    member_id = fields.IntField(null=True, db_index=True)
    store_id = fields.IntField(null=True)
    balance = fields.BigIntField(null=True, description="Running balance; null for derived accounts.")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_account"


class OperationKind(str, Enum):
    RECHARGE = "RECHARGE"
    CONSUME = "CONSUME"
    REFUND = "REFUND"
    RECHARGE_REFUND = "RECHARGE_REFUND"
    CARD_REPLACE = "CARD_REPLACE"
    CARD_CASH_OUT = "CARD_CASH_OUT"
    POINTS_ADJUST = "POINTS_ADJUST"
    POINTS_REDEEM = "POINTS_REDEEM"
    POINTS_EXPIRE = "POINTS_EXPIRE"
    TIER_PURCHASE = "TIER_PURCHASE"


class Operation(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharEnumField(OperationKind, max_length=16)
    idempotency_key = fields.CharField(max_length=100, unique=True)
    fingerprint = fields.CharField(max_length=64, description="Hash of the request, to detect key reuse.")
    member_id = fields.IntField(null=True, db_index=True)
    card_id = fields.IntField(null=True, db_index=True)
    store_id = fields.IntField(null=True, db_index=True)
    staff_id = fields.IntField(null=True)
    order_ref = fields.CharField(max_length=64, default="")
    reverses_id = fields.BigIntField(null=True, db_index=True, description="The operation a refund reverses.")
    amount = fields.BigIntField(default=0, description="Headline amount in the operation's unit.")
    result: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "ledger_operation"


class TransferCode(str, Enum):
    RECHARGE_PRINCIPAL = "RECHARGE_PRINCIPAL"
    RECHARGE_BONUS = "RECHARGE_BONUS"
    CONSUME_PRINCIPAL = "CONSUME_PRINCIPAL"
    CONSUME_BONUS = "CONSUME_BONUS"
    REFUND_PRINCIPAL = "REFUND_PRINCIPAL"
    REFUND_BONUS = "REFUND_BONUS"
    POINTS_EARN = "POINTS_EARN"
    POINTS_SPEND = "POINTS_SPEND"
    POINTS_EARN_REVERSAL = "POINTS_EARN_REVERSAL"
    POINTS_SPEND_REVERSAL = "POINTS_SPEND_REVERSAL"
    POINTS_ADJUST = "POINTS_ADJUST"
    POINTS_REDEEM = "POINTS_REDEEM"
    POINTS_EXPIRE = "POINTS_EXPIRE"
    CARD_MOVE = "CARD_MOVE"
    CASH_OUT_PRINCIPAL = "CASH_OUT_PRINCIPAL"
    FORFEIT_BONUS = "FORFEIT_BONUS"
    TIER_PURCHASE = "TIER_PURCHASE"


class Transfer(Model):
    id = fields.BigIntField(primary_key=True)
    operation: fields.ForeignKeyRelation[Operation] = fields.ForeignKeyField(
        "models.Operation", related_name="transfers", on_delete=fields.RESTRICT
    )
    operation_id: int
    debit: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="debits", on_delete=fields.RESTRICT
    )
    debit_id: int
    credit: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="credits", on_delete=fields.RESTRICT
    )
    credit_id: int
    amount = fields.BigIntField()
    code = fields.CharEnumField(TransferCode, max_length=24)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_transfer"
