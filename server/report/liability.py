"""Prepaid liability (预付负债): what the chain owes its members at the end of a business day — the
principal and bonus on their cards and their points — and which store holds the principal.

The totals are the ledger's own: each member-side account's credits less its debits up to that
moment (today they equal the running balances). Principal is attributed to the store that took
it, first in, first out per card (`server.settlement.services.principal_held`: the lots nobody has
spent yet), so the stores' shares add up to the principal total. Bonus and points are HQ's
promotion and programme: chain totals only, the points also valued at the programme's offset rate
(what they would take off purchases).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from server.access.policy import Actor, require
from server.core.clock import business_midnight
from server.core.sql import fetch, sql
from server.ledger.models import AccountCode
from server.org.services import store_ids_in_scope
from server.program import services as program
from server.settlement.services import principal_held


@dataclass(frozen=True)
class Liability:
    """At the end of `as_of`. `by_store` runs largest share first. `bonus`, `points` and
    `points_value` are the chain's and None for staff below HQ, whose `principal` is their stores'
    share."""

    as_of: date
    principal: int
    by_store: dict[int, int]
    bonus: int | None
    points: int | None
    points_value: int | None


_TRACKED = (AccountCode.CARD_PRINCIPAL.value, AccountCode.CARD_BONUS.value, AccountCode.MEMBER_POINTS.value)


async def _balances(end: datetime) -> dict[str, int]:
    """{account code: Σ credits − Σ debits} of member-side accounts, over transfers before `end`."""
    side = (
        "SELECT a.code, {sign}t.amount AS amount FROM ledger_transfer t"
        " JOIN ledger_account a ON a.id = t.{side} AND a.code IN (?, ?, ?)"
        " JOIN ledger_operation o ON o.id = t.operation_id WHERE o.created_at < ?"
    )
    rows = await fetch(
        sql("SELECT code, SUM(amount) AS balance FROM (")
        + sql(side.format(sign="", side="credit_id"), *_TRACKED, end)
        + sql(" UNION ALL ")
        + sql(side.format(sign="-", side="debit_id"), *_TRACKED, end)
        + sql(") legs GROUP BY code")
    )
    return {str(r["code"]): int(r["balance"] or 0) for r in rows}


async def liability(actor: Actor | None, as_of: date) -> Liability:
    """What the chain owes its members at the end of `as_of`; staff below HQ see their stores' principal."""
    actor = require(actor)
    end = business_midnight(as_of + timedelta(days=1))
    held = dict(sorted((await principal_held(end)).items(), key=lambda item: (-item[1], item[0])))
    mine = await store_ids_in_scope(actor)
    if mine is not None:
        by_store = {store: fen for store, fen in held.items() if store in mine}
        return Liability(as_of, sum(by_store.values()), by_store, None, None, None)
    balances = await _balances(end)
    points = balances.get(AccountCode.MEMBER_POINTS.value, 0)
    rate = (await program.settings()).points_per_yuan_offset
    return Liability(
        as_of=as_of,
        principal=balances.get(AccountCode.CARD_PRINCIPAL.value, 0),
        by_store=held,
        bonus=balances.get(AccountCode.CARD_BONUS.value, 0),
        points=points,
        points_value=points * 100 // rate,
    )
