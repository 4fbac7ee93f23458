"""Points as GraphQL types: a member's lots (each earning or addition, expiring on its own date)
and the page of them with the member's balance."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from tortoise.expressions import Subquery

from schema.context import Info
from schema.core.nodes import ModelNode
from schema.wallet.types import Transfer
from server.core.clock import now
from server.ledger.models import Operation
from server.member.services import members_query
from server.points import lots, models


@strawberry.type(
    description="Points earned or added together, expiring together; spending takes from the soonest-expiring lots first."
)
class PointsLot(ModelNode):
    id: relay.NodeID[int]
    amount: int = strawberry.field(description="Points the lot started with.")
    remaining: int = strawberry.field(description="Points still in the lot: 0 once spent or expired.")
    expires_at: datetime | None = strawberry.field(description="When the remaining points expire; null if never.")
    created_at: datetime = strawberry.field(description="When the points were earned or added.")
    row: strawberry.Private[models.PointsLot]
    source_row: strawberry.Private[Operation | None] = None

    @strawberry.field(description="Whether the expiry date has passed: the remaining points can't be spent.")
    def expired(self) -> bool:
        return self.row.expires_at <= now()

    @strawberry.field(description="The operation that earned or added the points (a consume, refund or adjustment).")
    async def source(self) -> Transfer | None:
        row = self.source_row or await Operation.get_or_none(id=self.row.operation_id)
        return Transfer.from_model(row) if row else None

    @classmethod
    def from_model(cls, row: models.PointsLot, info: Any = None, source: Operation | None = None) -> PointsLot:
        return cls(
            id=row.id,
            amount=row.amount,
            remaining=row.remaining,
            expires_at=None if row.expires_at == lots.NEVER else row.expires_at,
            created_at=row.created_at,
            row=row,
            source_row=source,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        visible = members_query(info.context.actor).values("id")
        return models.PointsLot.filter(member_id__in=Subquery(visible))


@strawberry.type(description="A page of a member's points lots, newest first, with the member's balance.")
class PointsLotConnection(relay.Connection[PointsLot]):
    balance: int = strawberry.field(description="Points the member can spend now: the remaining points of unexpired lots.")
