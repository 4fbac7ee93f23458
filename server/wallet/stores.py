"""Where money may be taken: a STORE clerk only at its own store, REGION staff in its region.

`till()` is what a payment reads before it prices anything — the store, the programme's settings
and the earn rules that apply there — in one statement, since every consume and recharge needs
all three, and the payment's card rides along in that same statement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from server.access.policy import Actor, store_allowed
from server.core.errors import not_found, permission_denied
from server.core.joined import Join, columns, instance, select
from server.core.sql import Sql, fetch_one, sql
from server.org.models import Store
from server.program import services as program
from server.program.models import EarnRule, ProgramSettings
from server.program.services import EarnTerms


def store_id_for(actor: Actor, store_id: int | None) -> int:
    """The store an operation happens at: `store_id`, else the actor's own (NOT_FOUND for neither)."""
    store_id = store_id if store_id is not None else actor.store_id
    if store_id is None:
        raise not_found("Store", "storeId")
    return store_id


def _allowed(actor: Actor, store: Store | None) -> Store:
    if store is None or not store.is_active:
        raise not_found("Store", "storeId")
    if not store_allowed(actor, store.id, store.region_id):
        raise permission_denied("You can only take money at your own store.", "storeId")
    return store


async def acting_store(actor: Actor, store_id: int | None) -> Store:
    """The store an operation happens at (a clerk's own store by default), if the actor may act there."""
    store_id = store_id_for(actor, store_id)
    return _allowed(actor, next(iter(await select(Store, sql("x.id = ?", store_id))), None))


@dataclass(frozen=True)
class Till:
    store: Store
    settings: ProgramSettings
    terms: EarnTerms
    at: datetime


def till_statement(store_id: int, alongside: Join | None) -> Sql:
    """Built per call from cached column lists: they are complete only once the ORM is set up."""
    select = f"SELECT {columns(Store, 's')}, {columns(ProgramSettings, 'x')}, {columns(EarnRule, 'e')}, {columns(EarnRule, 'd')}"
    tables = (
        " FROM store s LEFT JOIN program_settings x ON x.id = 1 LEFT JOIN earn_rule e ON e.store_id = s.id"
        " LEFT JOIN earn_rule d ON d.store_id IS NULL"
    )
    if alongside is None:
        return sql(select + tables + " WHERE s.id = ?", store_id)
    return (
        sql(f"{select}, {alongside.columns}{tables} LEFT JOIN ({alongside.tables}) ON ")
        + alongside.on
        + alongside.lateral
        + sql(" WHERE s.id = ?", store_id)
    )


async def till(
    actor: Actor, store_id: int | None, at: datetime, alongside: Join | None = None
) -> tuple[Till, dict[str, Any]]:
    """`acting_store`, the programme's settings and the store's earn terms at `at`; and the row
    of `alongside` (the card a payment is for), read in the same statement (its columns null when
    it found nothing)."""
    store_id = store_id_for(actor, store_id)
    row = await fetch_one(till_statement(store_id, alongside))
    if row is None:
        raise not_found("Store", "storeId")
    store = _allowed(actor, instance(Store, "s", row))
    settings = instance(ProgramSettings, "x", row) or await program.settings()
    terms = program.terms_of((instance(EarnRule, "e", row), instance(EarnRule, "d", row)), store.id, at)
    return Till(store, settings, terms, at), row
