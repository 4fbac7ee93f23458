"""Regions and stores: everyone signed in may read them; HQ manages them."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.org.types import Region, Store
from server.access.policy import Permission
from server.org import models, services


@strawberry.type(description="Result of a region mutation.")
class RegionPayload:
    region: Region | None = strawberry.field(default=None, description="The region after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of a store mutation.")
class StorePayload:
    store: Store | None = strawberry.field(default=None, description="The store after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type
class OrgQuery:
    @strawberry.field(description="All regions, by code.", permission_classes=[IsAuthenticated])
    async def regions(self) -> list[Region]:
        return [Region.from_model(r) for r in await models.Region.all().order_by("code")]

    @strawberry.field(description="All stores, by code.", permission_classes=[IsAuthenticated])
    async def stores(self) -> list[Store]:
        return [Store.from_model(s) for s in await models.Store.all().order_by("code")]


@strawberry.type
class OrgMutation:
    @payload_mutation(description="Creates a region.", requires=Permission.MANAGE_ORG)
    async def create_region(self, info: Info, code: str, name: str) -> RegionPayload:
        return RegionPayload(region=Region.from_model(await services.create_region(info.context.actor, code, name)))

    @payload_mutation(description="Renames a region.", requires=Permission.MANAGE_ORG)
    async def update_region(self, info: Info, id: relay.GlobalID, name: str) -> RegionPayload:  # noqa: A002
        region = await services.update_region(info.context.actor, decode_id(id, "Region"), name)
        return RegionPayload(region=Region.from_model(region))

    @payload_mutation(description="Creates a store in a region.", requires=Permission.MANAGE_ORG)
    async def create_store(
        self, info: Info, code: str, name: str, region_id: relay.GlobalID, address: str | None = None
    ) -> StorePayload:
        store = await services.create_store(
            info.context.actor, code, name, decode_id(region_id, "Region", "regionId"), address
        )
        return StorePayload(store=Store.from_model(store))

    @payload_mutation(description="Changes a store's name, address or active flag.", requires=Permission.MANAGE_ORG)
    async def update_store(
        self,
        info: Info,
        id: relay.GlobalID,  # noqa: A002
        name: str | None = None,
        address: str | None = None,
        is_active: bool | None = None,
    ) -> StorePayload:
        store = await services.update_store(
            info.context.actor, decode_id(id, "Store"), name=name, address=address, is_active=is_active
        )
        return StorePayload(store=Store.from_model(store))
