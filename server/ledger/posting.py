"""Posting transfers: the only code that changes an account balance.

Call `post()` inside the operation's transaction (after `lock_balances()` when amounts depend on
balances). It applies the legs' changes to tracked accounts in one guarded atomic update that
locks its rows in account-id order (so concurrent postings can't deadlock) and refuses to take a
balance below zero, then inserts the transfers in one statement (a deferred write, see
`server.core.sql.defer`). Derived (counterparty) accounts are never updated. Both statements are
written once: every payment runs them.

Inside `server.core.sql.at_once()` a payment computed from balances read without a lock posts
`as_read`: the update is deferred into the block's one statement and checked there — every account
it debits must still hold the balance the amounts were computed from, or the whole statement fails
(StaleWrite) and the caller pays the locked way.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.core.sql import Sql, current_dialect, defer, defer_checked, fetch, join, sql, values
from server.ledger.models import Account, Operation, TransferCode, Unit


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


@dataclass(frozen=True)
class _Change:
    """What the legs do to one tracked account: `net` in all, and `debited`, which its balance
    must cover before any credit lands (points earned in a payment can't pay for that payment)."""

    account: Account
    net: int
    debited: int


def _balance_changes(legs: list[Leg]) -> list[_Change]:
    """One change per tracked account the legs touch, in account-id order."""
    net: dict[int, int] = {}
    debited: dict[int, int] = {}
    accounts: dict[int, Account] = {}
    for leg in legs:
        if leg.amount <= 0 or leg.debit.id == leg.credit.id or leg.debit.unit != leg.credit.unit:
            raise ValueError(f"malformed leg {leg}")
        for account, delta in ((leg.debit, -leg.amount), (leg.credit, leg.amount)):
            if account.balance is not None:
                accounts[account.id] = account
                net[account.id] = net.get(account.id, 0) + delta
                debited[account.id] = debited.get(account.id, 0) + max(0, -delta)
    return [_Change(accounts[i], net[i], debited[i]) for i in sorted(accounts)]


_UPDATE = (
    " UPDATE ledger_account SET balance = balance + change.net FROM {source}"
    " WHERE ledger_account.id = change.id AND ledger_account.balance >= change.debited"
    " AND (change.expected IS NULL OR ledger_account.balance = change.expected) RETURNING ledger_account.id"
)
_LOCKED_IN_ID_ORDER = (
    ", locked AS MATERIALIZED (SELECT id FROM ledger_account WHERE id IN (SELECT id FROM change) ORDER BY id FOR UPDATE)"
)


def _apply(changes: list[_Change], as_read: dict[int, int]) -> Sql:
    """One UPDATE for all `changes` that returns the ids it changed: an account whose balance does
    not cover its debits, or is not what `as_read` says it was, is left out. On PostgreSQL its rows
    are locked first, in id order."""
    typed = "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)"
    rows = join("), (", (sql(typed, c.account.id, c.net, c.debited, as_read.get(c.account.id)) for c in changes))
    change = sql("WITH change (id, net, debited, expected) AS (VALUES ") + rows + sql(")")
    if current_dialect() == "postgres":
        return change + sql(_LOCKED_IN_ID_ORDER + _UPDATE.format(source="change JOIN locked ON locked.id = change.id"))
    return change + sql(_UPDATE.format(source="change"))


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


async def post(operation: Operation, legs: list[Leg], as_read: dict[int, int] | None = None) -> None:
    """Applies the legs; raises InsufficientFunds (rolling back with the caller's transaction).

    `as_read`, inside `at_once()`: the balances by account id the amounts were computed from; each
    debited account must still hold its own, checked in the block's statement."""
    if not legs:
        return
    changes = _balance_changes(legs)
    if changes and as_read is not None:
        debited = {c.account.id: as_read[c.account.id] for c in changes if c.debited}
        defer_checked(_apply(changes, debited), len(changes))
    elif changes:
        applied = {int(row["id"]) for row in await fetch(_apply(changes, {}))}
        short = next((c.account for c in changes if c.account.id not in applied), None)
        if short is not None:
            raise InsufficientFunds(short)
    at = now()
    rows = join(
        "), (", (sql("?, ?, ?, ?, ?, ?", operation.id, leg.debit.id, leg.credit.id, leg.amount, leg.code.value, at) for leg in legs)
    )
    await defer(sql("INSERT INTO ledger_transfer (operation_id, debit_id, credit_id, amount, code, created_at) VALUES ") + rows)
