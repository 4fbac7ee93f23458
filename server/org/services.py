"""Managing regions and stores (HQ only)."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, org_scope, require
from server.audit import services as audit
from server.core.errors import DomainError, ErrorCode, not_found
from server.core.text import clean_code, clean_text
from server.org.models import Region, Store


def _snapshot_region(region: Region) -> dict[str, object]:
    return {"code": region.code, "name": region.name}


def _snapshot_store(store: Store) -> dict[str, object]:
    return {
        "code": store.code,
        "name": store.name,
        "region_id": store.region_id,
        "address": store.address,
        "is_active": store.is_active,
    }


async def create_region(actor: Actor | None, code: str, name: str) -> Region:
    require(actor, Permission.MANAGE_ORG)
    code = clean_code(code)
    name = clean_text(name, "name", max_length=100, required=True)
    try:
        async with in_transaction():
            region = await Region.create(code=code, name=name)
            await audit.record(actor, "region.create", "Region", region.id, None, _snapshot_region(region))
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, f"Region code {code} is taken.", "code") from exc
    return region


async def update_region(actor: Actor | None, region_id: int, name: str) -> Region:
    require(actor, Permission.MANAGE_ORG)
    name = clean_text(name, "name", max_length=100, required=True)
    async with in_transaction():
        region = await Region.get_or_none(id=region_id)
        if region is None:
            raise not_found("Region", "id")
        before = _snapshot_region(region)
        region.name = name
        await region.save()
        await audit.record(
            actor, "region.update", "Region", region.id, *audit.changed_only(before, _snapshot_region(region))
        )
    return region


async def create_store(
    actor: Actor | None, code: str, name: str, region_id: int, address: str | None = None
) -> Store:
    require(actor, Permission.MANAGE_ORG)
    code = clean_code(code)
    name = clean_text(name, "name", max_length=100, required=True)
    address = clean_text(address, "address", max_length=255)
    if not await Region.exists(id=region_id):
        raise not_found("Region", "regionId")
    try:
        async with in_transaction():
            store = await Store.create(code=code, name=name, region_id=region_id, address=address)
            await audit.record(actor, "store.create", "Store", store.id, None, _snapshot_store(store))
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, f"Store code {code} is taken.", "code") from exc
    return store


async def update_store(
    actor: Actor | None,
    store_id: int,
    *,
    name: str | None = None,
    address: str | None = None,
    is_active: bool | None = None,
) -> Store:
    require(actor, Permission.MANAGE_ORG)
    async with in_transaction():
        store = await Store.get_or_none(id=store_id)
        if store is None:
            raise not_found("Store", "id")
        before = _snapshot_store(store)
        if name is not None:
            store.name = clean_text(name, "name", max_length=100, required=True)
        if address is not None:
            store.address = clean_text(address, "address", max_length=255)
        if is_active is not None:
            store.is_active = is_active
        await store.save()
        await audit.record(actor, "store.update", "Store", store.id, *audit.changed_only(before, _snapshot_store(store)))
    return store


async def store_ids_in_scope(actor: Actor) -> set[int] | None:
    """The ids of the stores an actor answers for (its store, its region's); None for all (HQ)."""
    scope = org_scope(actor)
    if scope.store_id is not None:
        return {scope.store_id}
    if scope.region_id is not None:
        return set(await Store.filter(region_id=scope.region_id).values_list("id", flat=True))
    return None
