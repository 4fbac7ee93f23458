"""Checking the ledger's invariants over a whole database (`tessera verify-ledger`, and tests)."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise import Tortoise

_TRACKED_MISMATCH = """
SELECT a.id, a.key, a.balance,
       COALESCE((SELECT SUM(t.amount) FROM ledger_transfer t WHERE t.credit_id = a.id), 0)
     - COALESCE((SELECT SUM(t.amount) FROM ledger_transfer t WHERE t.debit_id = a.id), 0) AS derived
FROM ledger_account a
WHERE a.balance IS NOT NULL
"""

_BAD_TRANSFERS = """
SELECT t.id FROM ledger_transfer t
JOIN ledger_account d ON d.id = t.debit_id
JOIN ledger_account c ON c.id = t.credit_id
WHERE t.amount <= 0 OR t.debit_id = t.credit_id OR d.unit <> c.unit
"""

_LOTS_MISMATCH = """
SELECT a.member_id, a.balance,
       COALESCE((SELECT SUM(l.remaining) FROM points_lot l WHERE l.member_id = a.member_id), 0) AS lots
FROM ledger_account a
WHERE a.code = 'MEMBER_POINTS'
"""


@dataclass(frozen=True)
class Problem:
    what: str
    detail: str


async def verify_ledger() -> list[Problem]:
    """Every problem found; an empty list means the ledger is sound."""
    conn = Tortoise.get_connection("default")
    problems: list[Problem] = []
    for row in await conn.execute_query_dict(_TRACKED_MISMATCH):
        if row["balance"] != row["derived"]:
            problems.append(Problem("balance", f"{row['key']}: balance {row['balance']} ≠ entries {row['derived']}"))
        if row["balance"] < 0:
            problems.append(Problem("negative", f"{row['key']}: balance {row['balance']} < 0"))
    for row in await conn.execute_query_dict(_BAD_TRANSFERS):
        problems.append(Problem("transfer", f"transfer {row['id']} is not a positive move between two accounts"))
    for row in await conn.execute_query_dict(_LOTS_MISMATCH):
        if row["balance"] != row["lots"]:
            problems.append(Problem("points_lots", f"member {row['member_id']}: points {row['balance']} ≠ lots {row['lots']}"))
    return problems
