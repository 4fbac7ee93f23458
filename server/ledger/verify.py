"""Checking the ledger's invariants over a whole database (`tessera verify-ledger`, and tests).

Each check is one pass over its tables (sums grouped once, then joined), not a query per account:
the transfer table has no index on its account columns, and grows with every payment."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise import Tortoise

_TRACKED_MISMATCH = """
SELECT a.id, a.key, a.balance, COALESCE(c.total, 0) - COALESCE(d.total, 0) AS derived
FROM ledger_account a
LEFT JOIN (SELECT credit_id AS account_id, SUM(amount) AS total FROM ledger_transfer GROUP BY credit_id) c
       ON c.account_id = a.id
LEFT JOIN (SELECT debit_id AS account_id, SUM(amount) AS total FROM ledger_transfer GROUP BY debit_id) d
       ON d.account_id = a.id
WHERE a.balance IS NOT NULL
ORDER BY a.id
"""

_BAD_TRANSFERS = """
SELECT t.id FROM ledger_transfer t
JOIN ledger_account d ON d.id = t.debit_id
JOIN ledger_account c ON c.id = t.credit_id
WHERE t.amount <= 0 OR t.debit_id = t.credit_id OR d.unit <> c.unit
ORDER BY t.id
"""

_LOTS_MISMATCH = """
SELECT a.member_id, a.balance, COALESCE(l.total, 0) AS lots
FROM ledger_account a
LEFT JOIN (SELECT member_id, SUM(remaining) AS total FROM points_lot GROUP BY member_id) l ON l.member_id = a.member_id
WHERE a.code = 'MEMBER_POINTS'
ORDER BY a.id
"""


@dataclass(frozen=True)
class Problem:
    what: str
    detail: str


async def verify_ledger() -> list[Problem]:
    """Every problem found, in a stable order; an empty list means the ledger is sound."""
    conn = Tortoise.get_connection("default")
    problems: list[Problem] = []
    for row in await conn.execute_query_dict(_TRACKED_MISMATCH):
        balance, derived = int(row["balance"]), int(row["derived"])  # PostgreSQL sums are numeric
        if balance != derived:
            problems.append(Problem("balance", f"{row['key']}: balance {balance} ≠ entries {derived}"))
        if balance < 0:
            problems.append(Problem("negative", f"{row['key']}: balance {balance} < 0"))
    for row in await conn.execute_query_dict(_BAD_TRANSFERS):
        problems.append(Problem("transfer", f"transfer {row['id']} is not a positive move between two accounts"))
    for row in await conn.execute_query_dict(_LOTS_MISMATCH):
        balance, lots = int(row["balance"]), int(row["lots"])
        if balance != lots:
            problems.append(Problem("points_lots", f"member {row['member_id']}: points {balance} ≠ lots {lots}"))
    return problems
