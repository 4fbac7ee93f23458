"""What an event reports of a card, its member and a store as they stand after the commit, read
in one SQL query.

Every consume publishes an event, so this read is on the hot path of every money-moving mutation:
one hand-written query (card, card type, member, home store, the stored value the card spends, the
member's spendable points, the store where it happened) costs about a tenth of the CPU of the
same reads through the ORM. The points are those `server.points.lots.balance` counts: lots with
something left that have not expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise import Tortoise

from server.core.clock import now
from server.events.messages import CardRef, MemberRef, StoreRef

_CARD = """
SELECT c.id, c.card_no, c.status, c.parent_id, t.stores_value,
       m.id AS member_id, m.member_no, m.name, m.phone_encrypted, m.home_store_id,
       hs.region_id AS home_region_id, hs.code AS home_code, hs.name AS home_name,
       (SELECT a.balance FROM ledger_account a
         WHERE a.card_id = COALESCE(c.parent_id, c.id) AND a.code = 'CARD_PRINCIPAL') AS principal,
       (SELECT a.balance FROM ledger_account a
         WHERE a.card_id = COALESCE(c.parent_id, c.id) AND a.code = 'CARD_BONUS') AS bonus,
       (SELECT COALESCE(SUM(l.remaining), 0) FROM points_lot l
         WHERE l.member_id = m.id AND l.remaining > 0 AND l.expires_at > {now}) AS points,
       s.id AS store_id, s.code AS store_code, s.name AS store_name
FROM card c
JOIN card_type t ON t.id = c.card_type_id
JOIN member m ON m.id = c.member_id
JOIN store hs ON hs.id = m.home_store_id
LEFT JOIN store s ON s.id = {store}
WHERE c.id = {card}
"""

_MEMBER = """
SELECT m.id AS member_id, m.member_no, m.name, m.phone_encrypted, m.home_store_id,
       hs.region_id AS home_region_id,
       (SELECT COALESCE(SUM(l.remaining), 0) FROM points_lot l
         WHERE l.member_id = m.id AND l.remaining > 0 AND l.expires_at > {now}) AS points,
       s.id AS store_id, s.code AS store_code, s.name AS store_name
FROM member m
JOIN store hs ON hs.id = m.home_store_id
LEFT JOIN store s ON s.id = {store}
WHERE m.id = {member}
"""


@dataclass(frozen=True)
class State:
    member: MemberRef
    points: int
    store: StoreRef | None
    card: CardRef | None = None
    parent_card_id: int | None = None
    principal: int | None = None
    bonus: int | None = None


async def _row(sql: str, **params: Any) -> dict[str, Any]:
    """The one row of `sql`, its `{name}` placeholders bound in the connection's own style."""
    conn = Tortoise.get_connection("default")
    names = list(params)
    if conn.capabilities.dialect == "sqlite":
        text = sql.format(**dict.fromkeys(names, "?"))
        order = [name for name in _placeholder_order(sql) if name in params]
    else:
        text = sql.format(**{name: f"${i}" for i, name in enumerate(names, 1)})
        order = names
    rows = await conn.execute_query_dict(text, [params[name] for name in order])
    if not rows:
        raise LookupError(f"nothing found for {params}")
    return rows[0]


def _placeholder_order(sql: str) -> list[str]:
    """The `{name}` placeholders in the order they appear (SQLite binds `?` by position)."""
    return [part.split("}", 1)[0] for part in sql.split("{")[1:]]


def _member(row: dict[str, Any]) -> MemberRef:
    return MemberRef(
        id=int(row["member_id"]),
        member_no=row["member_no"],
        name=row["name"],
        phone_encrypted=row["phone_encrypted"],
        home_store_id=int(row["home_store_id"]),
        home_region_id=int(row["home_region_id"]),
    )


def _store(row: dict[str, Any]) -> StoreRef | None:
    return StoreRef(id=int(row["store_id"]), code=row["store_code"], name=row["store_name"]) if row["store_id"] else None


async def card_state(card_id: int, store_id: int | None) -> State:
    """The card and what it spends (its parent's stored value for a subsidiary card; no balances
    for a card type without stored value), its member, and the store `store_id` (if any)."""
    row = await _row(_CARD, now=now(), store=store_id, card=card_id)
    stores_value = bool(row["stores_value"])
    return State(
        member=_member(row),
        points=int(row["points"]),
        store=_store(row),
        card=CardRef(id=int(row["id"]), card_no=row["card_no"], status=row["status"]),
        parent_card_id=int(row["parent_id"]) if row["parent_id"] is not None else None,
        principal=int(row["principal"] or 0) if stores_value else None,
        bonus=int(row["bonus"] or 0) if stores_value else None,
    )


async def member_state(member_id: int, store_id: int | None) -> State:
    """A member without a card, and the store `store_id` (if any)."""
    row = await _row(_MEMBER, now=now(), store=store_id, member=member_id)
    return State(member=_member(row), points=int(row["points"]), store=_store(row))
