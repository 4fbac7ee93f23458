"""Points queries: a member's lots and balance, for staff who may manage the member."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.ids import decode_id
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import IsAuthenticated
from schema.points.types import PointsLot, PointsLotConnection
from server.ledger.models import Operation
from server.points import lots, services


@strawberry.type
class PointsQuery:
    @strawberry.field(
        description="A member's points lots, newest first, and their balance. HQ sees every member; "
        "REGION and STORE staff the members of their region or store.",
        permission_classes=[IsAuthenticated],
    )
    async def points_lots(
        self, info: Info, member_id: relay.GlobalID, first: int | None = None, after: str | None = None
    ) -> PointsLotConnection | None:
        mid = decode_id(member_id, "Member", "memberId")
        page = await fetch_page(await services.lots_of(info.context.actor, mid), first, after)
        sources = {o.id: o for o in await Operation.filter(id__in=[lot.operation_id for lot in page.rows])}
        edges, page_info = to_edges(page, lambda lot: PointsLot.from_model(lot, source=sources.get(lot.operation_id)))
        return PointsLotConnection(edges=edges, page_info=page_info, balance=await lots.balance(mid))
