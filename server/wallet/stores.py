"""Where money may be taken: a STORE clerk only at its own store, REGION staff in its region."""

from __future__ import annotations

from server.access.policy import Actor, store_allowed
from server.core.errors import not_found, permission_denied
from server.core.joined import select
from server.core.sql import sql
from server.org.models import Store


async def acting_store(actor: Actor, store_id: int | None) -> Store:
    """The store an operation happens at (a clerk's own store by default), if the actor may act there."""
    store_id = store_id if store_id is not None else actor.store_id
    if store_id is None:
        raise not_found("Store", "storeId")
    store = next(iter(await select(Store, sql("x.id = ?", store_id))), None)
    if store is None or not store.is_active:
        raise not_found("Store", "storeId")
    if not store_allowed(actor, store.id, store.region_id):
        raise permission_denied("You can only take money at your own store.", "storeId")
    return store
