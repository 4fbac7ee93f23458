"""Tiers as GraphQL types."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.nodes import ModelNode
from server.tier import models


@strawberry.type(description="A member tier (会员等级) and its benefits.")
class Tier(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Display name, e.g. 金卡.")
    rank: int = strawberry.field(description="Order of tiers; higher is better.")
    discount_percent: int = strawberry.field(description="Share of list price a member pays, 1-100 (95 = 9.5折).")
    points_multiplier: Decimal = strawberry.field(description="Multiplier on earned points, e.g. 1.5.")
    perks: list[str] = strawberry.field(description="Listed perks shown to members.")

    @classmethod
    def from_model(cls, row: models.Tier, info: Any = None) -> Tier:
        return cls(
            id=row.id,
            name=row.name,
            rank=row.rank,
            discount_percent=row.discount_percent,
            points_multiplier=Decimal(row.points_multiplier_pct) / 100,
            perks=list(row.perks),
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.Tier.all()
