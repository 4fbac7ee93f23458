"""Cross-store settlement (跨店清分): stored value recharged at one store and spent at another is
what the first store owes the second — it took the member's cash, the other delivered the goods.

Whose money a payment spends is decided first in, first out: each card's principal comes in as
lots at the store that took it (a recharge; a purchase refunded, at the refunding store) and
goes out at the store that spent it (a purchase, a paid tier; a cash-out or a recharge refund, at
the store that paid the cash back), the oldest lot first. A replaced card's lots follow it to the
new number (the move is not a spend). Only principal is settled: bonus is the chain's promotion,
funded by HQ, not money a store took.

The matching runs in the database over the ledger as it is, nothing kept beside it: each card's
inflows and outflows laid end to end as running totals, and every outflow in the period split
over the inflows whose ranges it overlaps. A refund's lot counts at the refunding store, so a
purchase refunded and the money spent again elsewhere settles through that store; each store's
net position is the same as if the refund had restored the original lot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from server.access.policy import Actor, require
from server.core.clock import business_midnight
from server.core.errors import invalid
from server.core.sql import Sql, fetch, sql
from server.ledger.models import AccountCode
from server.org.services import store_ids_in_scope

MAX_DAYS = 366


@dataclass(frozen=True)
class Flow:
    """Principal taken at `source_store_id` and spent at `spent_store_id` (fen)."""

    source_store_id: int
    spent_store_id: int
    amount: int


@dataclass(frozen=True)
class Debt:
    """What `debtor_store_id` owes `creditor_store_id` after netting the two directions: `gross`
    (the debtor's money spent at the creditor) less `offset` (the creditor's spent at the debtor)."""

    debtor_store_id: int
    creditor_store_id: int
    gross: int
    offset: int

    @property
    def amount(self) -> int:
        return self.gross - self.offset


@dataclass(frozen=True)
class StoreTotals:
    """One store's side: `receivable` (others' money spent here), `payable` (its money spent
    elsewhere) and `local` (its money spent here, not settled)."""

    store_id: int
    receivable: int = 0
    payable: int = 0
    local: int = 0

    @property
    def net(self) -> int:
        """Positive: the store is owed; negative: it owes."""
        return self.receivable - self.payable


@dataclass(frozen=True)
class Settlement:
    first: date
    last: date
    debts: list[Debt]
    stores: list[StoreTotals]


_RUNNING = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"


def _sweep(end: datetime, spent_from: datetime | None = None) -> Sql:
    """`WITH … owned AS (…)`: each card lineage's principal inflows (lots) and outflows (spends)
    before `end` as running totals, cut into segments at every total either side reaches; each
    segment (`owned.length`) belongs to one lot (`source_id`, the store that took it) and one spend
    (`spent_id`, `spent_at`; null while unspent), the first of each whose total reaches its end — so
    a sweep of sorts and windows matches them without joining lots to spends. With `spent_from`,
    only lineages that spent since then are swept."""
    moves = (
        "SELECT t.id, l.stream, k.store_id, t.amount, o.created_at, {inflow} AS inflow"
        " FROM ledger_transfer t"
        " JOIN ledger_account a ON a.id = t.{card_side} AND a.code = ?"
        " JOIN ledger_account k ON k.id = t.{store_side} AND k.code = ?"
        " JOIN lineage l ON l.card_id = a.card_id"
        " JOIN ledger_operation o ON o.id = t.operation_id"
    )
    codes = (AccountCode.CARD_PRINCIPAL.value, AccountCode.STORE_TAKINGS.value)
    backwards = f"PARTITION BY r.stream ORDER BY r.upto DESC, r.inflow DESC {_RUNNING}"
    if spent_from is None:
        streams = sql("")
    else:
        streams = sql(
            " AND m.stream IN (SELECT stream FROM moves WHERE inflow = 0 AND created_at >= ? AND created_at < ?)",
            spent_from,
            end,
        )
    return (
        sql(
            "WITH RECURSIVE lineage (card_id, stream) AS ("
            " SELECT c.id, c.id FROM card c WHERE NOT EXISTS (SELECT 1 FROM card p WHERE p.replaced_by_id = c.id)"
            " UNION ALL"
            " SELECT c.replaced_by_id, l.stream FROM lineage l JOIN card c ON c.id = l.card_id"
            " WHERE c.replaced_by_id IS NOT NULL"
            "), moves AS ("
        )
        + sql(moves.format(inflow=1, card_side="credit_id", store_side="debit_id"), *codes)
        + sql(" UNION ALL ")
        + sql(moves.format(inflow=0, card_side="debit_id", store_side="credit_id"), *codes)
        + sql(
            f"), ranged AS (SELECT m.*, SUM(m.amount) OVER (PARTITION BY m.stream, m.inflow ORDER BY m.id {_RUNNING}) AS upto"
            " FROM moves m WHERE m.created_at < ?",
            end,
        )
        + streams
        + sql(
            "), cut AS (SELECT r.*,"
            " r.upto - COALESCE(LAG(r.upto) OVER (PARTITION BY r.stream ORDER BY r.upto, r.inflow), 0) AS length,"
            f" SUM(r.inflow) OVER ({backwards}) AS lot_group,"
            f" SUM(1 - r.inflow) OVER ({backwards}) AS spend_group"
            " FROM ranged r"
            "), owned AS (SELECT x.length,"
            " MAX(CASE WHEN x.inflow = 1 THEN x.store_id END) OVER (PARTITION BY x.stream, x.lot_group) AS source_id,"
            " MAX(CASE WHEN x.inflow = 0 THEN x.store_id END) OVER (PARTITION BY x.stream, x.spend_group) AS spent_id,"
            " MAX(CASE WHEN x.inflow = 0 THEN x.created_at END) OVER (PARTITION BY x.stream, x.spend_group) AS spent_at"
            " FROM cut x) "
        )
    )


async def flows(first: date, last: date) -> list[Flow]:
    """Principal spent in the business days `first`..`last` (inclusive), by where it was taken and
    where it was spent; same-store pairs included."""
    start, end = business_midnight(first), business_midnight(last + timedelta(days=1))
    rows = await fetch(
        _sweep(end, start)
        + sql(
            "SELECT source_id, spent_id, SUM(length) AS amount FROM owned"
            " WHERE spent_at >= ? AND source_id IS NOT NULL AND spent_id IS NOT NULL GROUP BY source_id, spent_id",
            start,
        )
    )
    return [Flow(int(r["source_id"]), int(r["spent_id"]), int(r["amount"])) for r in rows if int(r["amount"])]


async def principal_held(end: datetime) -> dict[int, int]:
    """{store id: principal it took that is still on cards} just before `end`: what each store holds
    of the members' money (the lots nobody has spent yet)."""
    rows = await fetch(
        _sweep(end)
        + sql("SELECT source_id, SUM(length) AS amount FROM owned WHERE spent_id IS NULL AND source_id IS NOT NULL GROUP BY source_id")
    )
    return {int(r["source_id"]): int(r["amount"]) for r in rows if int(r["amount"])}


def _debts(between: dict[tuple[int, int], int]) -> list[Debt]:
    debts = []
    for (source, spent), gross in between.items():
        offset = between.get((spent, source), 0)
        if gross > offset:
            debts.append(Debt(source, spent, gross, offset))
    return sorted(debts, key=lambda d: (-d.amount, d.debtor_store_id, d.creditor_store_id))


def _totals(all_flows: list[Flow]) -> list[StoreTotals]:
    sides: dict[int, dict[str, int]] = defaultdict(lambda: {"receivable": 0, "payable": 0, "local": 0})
    for flow in all_flows:
        if flow.source_store_id == flow.spent_store_id:
            sides[flow.source_store_id]["local"] += flow.amount
        else:
            sides[flow.spent_store_id]["receivable"] += flow.amount
            sides[flow.source_store_id]["payable"] += flow.amount
    return [StoreTotals(store_id, **side) for store_id, side in sorted(sides.items())]


async def settlement(actor: Actor | None, first: date, last: date) -> Settlement:
    """Who owes whom for principal spent in `first`..`last` (business days, inclusive): HQ sees
    the whole chain; REGION and STORE the debts and totals of their own stores."""
    actor = require(actor)
    if last < first:
        raise invalid("to", "The period ends before it starts.")
    if (last - first).days + 1 > MAX_DAYS:
        raise invalid("to", f"Choose a period of at most {MAX_DAYS} days.")
    all_flows = await flows(first, last)
    between = {(f.source_store_id, f.spent_store_id): f.amount for f in all_flows if f.source_store_id != f.spent_store_id}
    mine = await store_ids_in_scope(actor)
    debts = [d for d in _debts(between) if mine is None or {d.debtor_store_id, d.creditor_store_id} & mine]
    stores = [t for t in _totals(all_flows) if mine is None or t.store_id in mine]
    return Settlement(first, last, debts, stores)
