"""Tiers: everyone signed in may read them; HQ manages them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.scalars import Money
from schema.core.payloads import DeletePayload
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.member.types import Member, MemberAfter, member_by_id
from schema.tier.types import Tier, TierChange, TierDowngrade, TierMatch, TierWindow
from schema.wallet.types import Transfer
from server.access.policy import Permission
from server.core.errors import invalid
from server.ledger.operations import Outcome
from server.tier import manual, models, purchase, rules, services


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


@strawberry.input(description="Conditions on activity in the tier's window; leave one out to drop it.")
class TierConditionsInput:
    match: TierMatch = strawberry.field(default=models.Match.ANY, description="ANY or ALL of the set conditions.")
    spend: Money | None = strawberry.field(default=None, description="Spent, net of refunds.")
    visits: int | None = strawberry.field(default=None, description="Number of consumes.")
    points: int | None = strawberry.field(default=None, description="Points earned by consumes.")

    def to_draft(self) -> rules.ConditionsDraft:
        return rules.ConditionsDraft(models.Match(self.match), self.spend, self.visits, self.points)


@strawberry.input(description="A tier's rules; they replace the previous ones whole.")
class TierRulesInput:
    window: TierWindow = strawberry.field(default=models.TierWindow.ROLLING, description="Where activity is counted.")
    window_days: int = strawberry.field(default=365, description="Length of a ROLLING window, 1-3660 days.")
    upgrade: TierConditionsInput | None = strawberry.field(default=None, description="How the tier is earned.")
    retention: TierConditionsInput | None = strawberry.field(default=None, description="How it is kept at each period end.")
    downgrade: TierDowngrade = strawberry.field(default=models.Downgrade.ONE_LEVEL, description="Where a failed retention leads.")
    gift_coupon_template_ids: list[relay.GlobalID] = strawberry.field(default_factory=list, description="Coupons an upgrade grants (at most 10).")
    gift_points: int = strawberry.field(default=0, description="Points an upgrade grants.")
    price: Money | None = strawberry.field(default=None, description="Price when the tier can be bought.")
    paid_days: int | None = strawberry.field(default=None, description="How long a bought tier lasts, 1-3660 days.")

    def to_draft(self) -> rules.RulesDraft:
        return rules.RulesDraft(
            window=models.TierWindow(self.window),
            window_days=self.window_days,
            upgrade=self.upgrade.to_draft() if self.upgrade else rules.ConditionsDraft(),
            retention=self.retention.to_draft() if self.retention else rules.ConditionsDraft(),
            downgrade=models.Downgrade(self.downgrade),
            gift_coupon_template_ids=[decode_id(i, "CouponTemplate", "giftCouponTemplateIds") for i in self.gift_coupon_template_ids],
            gift_points=self.gift_points,
            price=self.price,
            paid_days=self.paid_days,
        )


@strawberry.input(description="HQ puts a member in a tier by hand; the tier is a floor until `until`.")
class SetMemberTierInput:
    member_id: relay.GlobalID = strawberry.field(description="The member.")
    tier_id: relay.GlobalID = strawberry.field(description="The tier.")
    reason: str = strawberry.field(description="Why; required, at most 255 characters.")
    until: datetime | None = strawberry.field(default=None, description="When the floor ends, with its UTC offset; null: never.")


@strawberry.type(description="Result of a tier change of one member.")
class MemberTierPayload:
    member: Member | None = strawberry.field(default=None, description="The member after the change.")
    change: TierChange | None = strawberry.field(default=None, description="The change; null when only the floor was renewed.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


TierPayment = strawberry.enum(purchase.TierPayment, description="STORED_VALUE from a card of the member, or EXTERNAL (paid outside Tessera).")


@strawberry.input(description="A member buys a tier at its price, for its duration.")
class BuyTierInput:
    member_id: relay.GlobalID = strawberry.field(description="The member.")
    tier_id: relay.GlobalID = strawberry.field(description="The tier; it must have a price.")
    idempotency_key: str = strawberry.field(description="Unique per intended purchase; a retry reuses it.")
    payment: TierPayment = strawberry.field(default=purchase.TierPayment.STORED_VALUE, description="How the price is paid.")
    card_no: str | None = strawberry.field(default=None, description="The member's card paying from stored value.")
    store_id: relay.GlobalID | None = strawberry.field(default=None, description="Where; a clerk's own store by default.")


@strawberry.type(description="Result of a tier purchase.")
class BuyTierPayload(MemberAfter):
    transfer: Transfer | None = strawberry.field(default=None, description="The purchase (the first one on a replay).")
    replayed: bool = strawberry.field(default=False, description="True when the key had already run.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


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

    @payload_mutation(description="Replaces a tier's upgrade, retention, gift and price rules.", requires=Permission.MANAGE_TIERS)
    async def set_tier_rules(self, info: Info, id: relay.GlobalID, input: TierRulesInput) -> TierPayload:  # noqa: A002
        tier = await rules.set_tier_rules(info.context.actor, decode_id(id, "Tier"), input.to_draft())
        return TierPayload(tier=Tier.from_model(tier))

    @payload_mutation(description="Puts a member in a tier by hand, as a floor until an optional expiry.", requires=Permission.MANAGE_TIERS)
    async def set_member_tier(self, info: Info, input: SetMemberTierInput) -> MemberTierPayload:  # noqa: A002
        member_id = decode_id(input.member_id, "Member", "memberId")
        change = await manual.set_member_tier(
            info.context.actor, member_id, decode_id(input.tier_id, "Tier", "tierId"), input.reason, input.until
        )
        return MemberTierPayload(member=await member_by_id(info, member_id, fresh=True), change=TierChange.from_model(change) if change else None)

    @payload_mutation(description="Sells a member a tier, paid from stored value or externally, once per key.", requires=Permission.MANAGE_MEMBERS)
    async def buy_tier(self, info: Info, input: BuyTierInput) -> BuyTierPayload:  # noqa: A002
        outcome: Outcome = await purchase.buy_tier(
            info.context.actor,
            purchase.PurchaseRequest(
                member_id=decode_id(input.member_id, "Member", "memberId"),
                tier_id=decode_id(input.tier_id, "Tier", "tierId"),
                idempotency_key=input.idempotency_key,
                payment=purchase.TierPayment(input.payment),
                card_no=input.card_no,
                store_id=decode_id(input.store_id, "Store", "storeId") if input.store_id else None,
            ),
        )
        operation = outcome.operation
        assert operation.member_id is not None
        return BuyTierPayload(
            transfer=Transfer.from_model(operation), member_id=operation.member_id, replayed=outcome.replayed
        )
