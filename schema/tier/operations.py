"""Tiers: everyone signed in may read them; HQ manages them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.payloads import DeletePayload
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.tier.types import Tier
from server.access.policy import Permission
from server.core.errors import invalid
from server.tier import models, services


@strawberry.type(description="Result of a tier mutation.")
class TierPayload:
    tier: Tier | None = strawberry.field(default=None, description="The tier after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.input(description="A tier's definition.")
class TierInput:
    name: str = strawberry.field(description="Display name, unique.")
    rank: int = strawberry.field(description="Order; higher is better; unique.")
    discount_percent: int = strawberry.field(default=100, description="Share of list price paid, 1-100.")
    points_multiplier: Decimal = strawberry.field(default=Decimal(1), description="Earn multiplier, 0-10, 2 decimals.")
    perks: list[str] = strawberry.field(default_factory=list, description="Listed perks.")

    def to_draft(self) -> services.TierDraft:
        try:
            hundredths = self.points_multiplier * 100
            if hundredths != hundredths.to_integral_value():
                raise InvalidOperation
        except InvalidOperation as exc:
            raise invalid("pointsMultiplier", "At most two decimals.") from exc
        return services.TierDraft(self.name, self.rank, self.discount_percent, int(hundredths), list(self.perks))


@strawberry.type
class TierQuery:
    @strawberry.field(description="All tiers, lowest first.", permission_classes=[IsAuthenticated])
    async def tiers(self) -> list[Tier]:
        return [Tier.from_model(t) for t in await models.Tier.all().order_by("rank")]


@strawberry.type
class TierMutation:
    @payload_mutation(description="Creates a tier.", requires=Permission.MANAGE_TIERS)
    async def create_tier(self, info: Info, input: TierInput) -> TierPayload:  # noqa: A002
        return TierPayload(tier=Tier.from_model(await services.create_tier(info.context.actor, input.to_draft())))

    @payload_mutation(description="Changes a tier.", requires=Permission.MANAGE_TIERS)
    async def update_tier(self, info: Info, id: relay.GlobalID, input: TierInput) -> TierPayload:  # noqa: A002
        tier = await services.update_tier(info.context.actor, decode_id(id, "Tier"), input.to_draft())
        return TierPayload(tier=Tier.from_model(tier))

    @payload_mutation(description="Deletes a tier no member holds.", requires=Permission.MANAGE_TIERS)
    async def delete_tier(self, info: Info, id: relay.GlobalID) -> DeletePayload:  # noqa: A002
        await services.delete_tier(info.context.actor, decode_id(id, "Tier"))
        return DeletePayload(deleted_id=id)
