"""Posting transfers: the only code that changes an account balance.

Call `post()` inside the operation's transaction. It applies each leg's change to tracked
accounts in account-id order (so concurrent postings lock rows in one order and can't
deadlock), each as a guarded atomic update that refuses to take a balance below zero, then
inserts the transfers. Derived (counterparty) accounts are never updated.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import F

from server.core.errors import DomainError, ErrorCode
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
            super().__init__(ErrorCode.INSUFFICIENT_POINTS, "Not enough points.")
        else:
            super().__init__(ErrorCode.INSUFFICIENT_BALANCE, "Not enough stored value on the card.")
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
