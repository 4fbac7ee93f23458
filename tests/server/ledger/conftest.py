"""Ledger fixtures: accounts and operations made directly (the ledger needs no cards or members:
an account names its owner by id), and raw SQL for tampering with what the ledger wrote."""

from __future__ import annotations

import itertools

import pytest
from tortoise import Tortoise

from server.ledger import accounts
from server.ledger.accounts import AccountRef
from server.ledger.models import Account, AccountCode, Operation, OperationKind, TransferCode
from server.ledger.posting import Leg, post

_keys = itertools.count(1)

CARD = 42
MEMBER = 7
STORE = 3


async def new_operation(kind: OperationKind = OperationKind.RECHARGE) -> Operation:
    key = f"op-{next(_keys)}"
    return await Operation.create(kind=kind, idempotency_key=key, fingerprint=key)


async def account(ref: AccountRef) -> Account:
    return (await accounts.resolve([ref]))[ref]


async def balance(ref: AccountRef) -> int | None:
    return (await Account.get(key=ref.key)).balance


async def credit(ref: AccountRef, amount: int) -> None:
    """Funds a tracked account from its natural counterparty, as a recharge or an earning would."""
    counterparty = accounts.POINTS_ISSUED if ref.code is AccountCode.MEMBER_POINTS else accounts.store_takings(STORE)
    code = TransferCode.POINTS_EARN if ref.code is AccountCode.MEMBER_POINTS else TransferCode.RECHARGE_PRINCIPAL
    await post(await new_operation(), [Leg(await account(counterparty), await account(ref), amount, code)])


async def execute_sql(sql: str) -> None:
    await Tortoise.get_connection("default").execute_script(sql)


@pytest.fixture
async def principal(db: None) -> AccountRef:
    """CARD_PRINCIPAL of card 42, holding 10,000 fen."""
    ref = accounts.card_principal(CARD)
    await credit(ref, 10_000)
    return ref
