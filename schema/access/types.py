"""Staff accounts as GraphQL types."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.nodes import ModelNode
from schema.org.types import Region, Store
from server.access import models
from server.access.policy import Permission as DomainPermission
from server.access.policy import effective_permissions

Role = strawberry.enum(models.Role, description="A staff member's level: headquarters, region or store.")
Permission = strawberry.enum(DomainPermission, description="Something staff can be allowed to do.")


@strawberry.type(description="A staff account.")
class Staff(ModelNode):
    id: relay.NodeID[int]
    username: str = strawberry.field(description="Login name.")
    display_name: str = strawberry.field(description="Name shown in the console.")
    role: Role = strawberry.field(description="HQ, REGION or STORE.")
    is_active: bool = strawberry.field(description="Inactive accounts cannot sign in.")
    grants: list[Permission] = strawberry.field(description="Sensitive operations granted beyond the role.")
    withholds: list[Permission] = strawberry.field(description="Operations withheld from the role's defaults.")
    region_id: strawberry.Private[int | None]
    store_id: strawberry.Private[int | None]

    @strawberry.field(description="Everything this account may do: role defaults, grants, withholds.")
    def permissions(self) -> list[Permission]:
        return sorted(effective_permissions(self.role, self.grants, self.withholds), key=lambda p: p.value)

    @strawberry.field(description="The region a REGION (or STORE) account belongs to.")
    async def region(self, info: Info) -> Region | None:
        row = await info.context.loaders.region.load(self.region_id) if self.region_id else None
        return Region.from_model(row) if row else None

    @strawberry.field(description="The store of a STORE account.")
    async def store(self, info: Info) -> Store | None:
        row = await info.context.loaders.store.load(self.store_id) if self.store_id else None
        return Store.from_model(row) if row else None

    @classmethod
    def from_model(cls, row: models.Staff, info: Any = None) -> Staff:
        return cls(
            id=row.id,
            username=row.username,
            display_name=row.display_name,
            role=models.Role(row.role),
            is_active=row.is_active,
            grants=[DomainPermission(p) for p in row.grants],
            withholds=[DomainPermission(p) for p in row.withholds],
            region_id=row.region_id,
            store_id=row.store_id,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        actor = info.context.actor
        if actor is not None and actor.can(DomainPermission.MANAGE_STAFF):
            return models.Staff.all()
        return models.Staff.filter(id=actor.staff_id if actor else 0)
