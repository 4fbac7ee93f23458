"""The audit trail, readable by HQ."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from schema.context import Info
from schema.core.ids import decode_id, encode_id
from schema.core.nodes import ModelNode
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import IsAuthenticated, Requires
from schema.org.types import Region, Store
from server.access.policy import Permission
from server.audit import models, services


@strawberry.type(description="One audited change: who did what to which record, before and after (PII masked).")
class AuditEntry(ModelNode):
    id: relay.NodeID[int]
    actor_id: relay.GlobalID | None = strawberry.field(description="The acting staff member (null for system).")
    actor_name: str = strawberry.field(description="Username of the acting staff member ('' for system).")
    role: str = strawberry.field(description="The actor's role at the time.")
    action: str = strawberry.field(description="What happened, e.g. member.update.")
    target_type: str = strawberry.field(description="Kind of record changed, e.g. Member.")
    target_id: str = strawberry.field(description="Key of the record changed.")
    before: JSON | None = strawberry.field(description="Changed fields before (masked).")
    after: JSON | None = strawberry.field(description="Changed fields after (masked).")
    ip: str = strawberry.field(description="Client address.")
    created_at: datetime = strawberry.field(description="When.")
    region_id: strawberry.Private[int | None]
    store_id: strawberry.Private[int | None]

    @strawberry.field(description="The actor's region at the time (a STORE actor's is its store's).")
    async def region(self, info: Info) -> Region | None:
        row = await info.context.loaders.region.load(self.region_id) if self.region_id else None
        return Region.from_model(row) if row else None

    @strawberry.field(description="The actor's store at the time (STORE actors only).")
    async def store(self, info: Info) -> Store | None:
        row = await info.context.loaders.store.load(self.store_id) if self.store_id else None
        return Store.from_model(row) if row else None

    @classmethod
    def from_model(cls, row: models.AuditEntry, info: Any = None) -> AuditEntry:
        return cls(
            id=row.id,
            actor_id=encode_id("Staff", row.actor_id) if row.actor_id is not None else None,
            actor_name=row.actor_name,
            role=row.role,
            action=row.action,
            target_type=row.target_type,
            target_id=row.target_id,
            before=row.before,
            after=row.after,
            ip=row.ip,
            created_at=row.created_at,
            region_id=row.region_id,
            store_id=row.store_id,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return services.audit_entries(info.context.actor)


@strawberry.type(description="A page of audit entries.")
class AuditEntryConnection(relay.Connection[AuditEntry]):
    pass


@strawberry.input(description="Narrows the audit trail.")
class AuditFilterInput:
    target_type: str | None = strawberry.field(default=None, description="Kind of record, e.g. Member.")
    target_id: relay.GlobalID | None = strawberry.field(default=None, description="A node's global ID.")
    actor_id: relay.GlobalID | None = strawberry.field(default=None, description="A staff member's global ID.")
    action: str | None = strawberry.field(default=None, description="What happened, e.g. staff.update.")


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="The audit trail, newest first. Null with an error for accounts that may not view it.",
        permission_classes=[IsAuthenticated, Requires(Permission.VIEW_AUDIT)],
    )
    async def audit_entries(
        self, info: Info, first: int | None = None, after: str | None = None, filter: AuditFilterInput | None = None  # noqa: A002
    ) -> AuditEntryConnection | None:
        flt = filter or AuditFilterInput()
        target_id = None
        if flt.target_id is not None:
            target_id = str(decode_id(flt.target_id, flt.target_id.type_name, "targetId"))
        query = services.audit_entries(
            info.context.actor,
            target_type=flt.target_id.type_name if flt.target_id else flt.target_type,
            target_id=target_id,
            actor_id=decode_id(flt.actor_id, "Staff", "actorId") if flt.actor_id else None,
            action=flt.action,
        )
        page = await fetch_page(query, first, after)
        edges, page_info = to_edges(page, AuditEntry.from_model)
        return AuditEntryConnection(edges=edges, page_info=page_info)
