"""Posting transfers: the only code that changes an account balance.

Call `post()` inside the operation's transaction (after `lock_balances()` when amounts depend on
balances). It applies each leg's change to tracked accounts in account-id order (so concurrent
postings lock rows in one order and can't deadlock), each as a guarded atomic update that refuses
to take a balance below zero, then inserts the transfers. Derived (counterparty) accounts are
never updated.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import F

from server.core.errors import DomainError, ErrorCode
from server.core.sql import current_dialect, fetch, sql, values
from server.ledger.models import Account, Operation, Transfer, TransferCode, Unit


@dataclass(frozen=True)
class Leg:
    debit: Account
    credit: Account
    amount: int
    code: TransferCode


class InsufficientFunds(DomainError):
    def __init__(self, account: Account) -> None:
        if account.unit == Unit.POINTS:
            super().__init__(ErrorCode.INSUFFICIENT_POINTS, "The member doesn't have enough points.")
        else:
            super().__init__(ErrorCode.INSUFFICIENT_BALANCE, "The card doesn't hold enough stored value.")
        self.account = account


def _balance_changes(legs: list[Leg]) -> list[tuple[Account, int]]:
    """One change per leg side on a tracked account, in account-id order, debits before credits.

    Changes are not netted: a debit must be covered by the balance before any credit of the same
    operation lands (points earned in a payment can't pay for that payment).
    """
    changes: list[tuple[Account, int]] = []
    for leg in legs:
        if leg.amount <= 0 or leg.debit.id == leg.credit.id or leg.debit.unit != leg.credit.unit:
            raise ValueError(f"malformed leg {leg}")
        changes.extend(
            (account, delta)
            for account, delta in ((leg.debit, -leg.amount), (leg.credit, leg.amount))
            if account.balance is not None
        )
    return sorted(changes, key=lambda change: (change[0].id, change[1]))


async def lock_balances(accounts: list[Account]) -> dict[int, int]:
    """The current balances of tracked accounts by id, row-locked until the transaction ends, in
    id order like `post` (SQLite ignores the lock: it serializes writers itself).

    An operation whose amounts depend on balances (how a payment splits between principal and
    bonus, how many earned points a refund can take back) locks every tracked account it will
    touch first and computes from these, not from a read made before its transaction. Derived
    accounts are skipped: a lock on a store's takings would serialize every payment at the store."""
    tracked = sorted({a.id for a in accounts if a.balance is not None})
    if not tracked:
        return {}
    lock = " FOR UPDATE" if current_dialect() == "postgres" else ""
    locked = await fetch(sql("SELECT id, balance FROM ledger_account WHERE id IN ") + values(tracked) + sql(f" ORDER BY id{lock}"))
    return {int(row["id"]): int(row["balance"] or 0) for row in locked}


async def post(operation: Operation, legs: list[Leg]) -> list[Transfer]:
    """Applies the legs; raises InsufficientFunds (rolling back with the caller's transaction)."""
    for account, delta in _balance_changes(legs):
        if delta < 0:
            updated = await Account.filter(id=account.id, balance__gte=-delta).update(balance=F("balance") + delta)
            if updated != 1:
                raise InsufficientFunds(account)
        else:
            await Account.filter(id=account.id).update(balance=F("balance") + delta)
    transfers = [
        Transfer(operation_id=operation.id, debit_id=leg.debit.id, credit_id=leg.credit.id, amount=leg.amount, code=leg.code)
        for leg in legs
    ]
    await Transfer.bulk_create(transfers)
    return transfers
