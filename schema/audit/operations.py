"""The audit trail, readable by HQ."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from schema.context import Info
from schema.core.ids import decode_id
from schema.core.nodes import ModelNode
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import Requires
from server.access.policy import Permission
from server.audit import models, services


@strawberry.type(description="One audited change: who did what to which record, before and after (PII masked).")
class AuditEntry(ModelNode):
    id: relay.NodeID[int]
    actor_name: str = strawberry.field(description="Username of the acting staff member ('' for system).")
    role: str = strawberry.field(description="The actor's role at the time.")
    action: str = strawberry.field(description="What happened, e.g. member.update.")
    target_type: str = strawberry.field(description="Kind of record changed, e.g. Member.")
    target_id: str = strawberry.field(description="Key of the record changed.")
    before: JSON | None = strawberry.field(description="Changed fields before (masked).")
    after: JSON | None = strawberry.field(description="Changed fields after (masked).")
    ip: str = strawberry.field(description="Client address.")
    created_at: datetime = strawberry.field(description="When.")

    @classmethod
    def from_model(cls, row: models.AuditEntry, info: Any = None) -> AuditEntry:
        return cls(
            id=row.id,
            actor_name=row.actor_name,
            role=row.role,
            action=row.action,
            target_type=row.target_type,
            target_id=row.target_id,
            before=row.before,
            after=row.after,
            ip=row.ip,
            created_at=row.created_at,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return services.audit_entries(info.context.actor)


@strawberry.type(description="A page of audit entries.")
class AuditEntryConnection(relay.Connection[AuditEntry]):
    pass


@strawberry.input(description="Narrows the audit trail.")
class AuditFilterInput:
    target_type: str | None = None
    target_id: relay.GlobalID | None = strawberry.field(default=None, description="A node's global ID.")
    actor_id: relay.GlobalID | None = strawberry.field(default=None, description="A staff member's global ID.")
    action: str | None = None


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="The audit trail, newest first.", permission_classes=[Requires(Permission.VIEW_AUDIT)]
    )
    async def audit_entries(
        self, info: Info, first: int | None = None, after: str | None = None, filter: AuditFilterInput | None = None  # noqa: A002
    ) -> AuditEntryConnection:
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
