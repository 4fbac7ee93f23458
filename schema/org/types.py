"""Regions and stores as GraphQL types."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.nodes import ModelNode
from server.org import models


@strawberry.type(description="A region (大区) grouping stores.")
class Region(ModelNode):
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Short unique code, e.g. EAST.")
    name: str = strawberry.field(description="Display name.")

    @classmethod
    def from_model(cls, row: models.Region, info: Any = None) -> Region:
        return cls(id=row.id, code=row.code, name=row.name)

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.Region.all()


@strawberry.type(description="A store (门店).")
class Store(ModelNode):
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Short unique code, e.g. SH001.")
    name: str = strawberry.field(description="Display name.")
    address: str = strawberry.field(description="Street address.")
    is_active: bool = strawberry.field(description="Inactive stores take no new members or business.")
    region_id: strawberry.Private[int]

    @strawberry.field(description="The region the store belongs to.")
    async def region(self, info: Info) -> Region:
        row = await info.context.loaders.region.load(self.region_id)
        assert row is not None
        return Region.from_model(row)

    @classmethod
    def from_model(cls, row: models.Store, info: Any = None) -> Store:
        return cls(
            id=row.id, code=row.code, name=row.name, address=row.address, is_active=row.is_active, region_id=row.region_id
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.Store.all()


async def store_of(info: Info, store_id: int) -> Store:
    """The store with `store_id`, which the caller knows exists (a store the ledger names), batched."""
    row = await info.context.loaders.store.load(store_id)
    assert row is not None
    return Store.from_model(row)
