"""Cards and card types as GraphQL types."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from tortoise.expressions import Subquery

from schema.context import Info
from schema.core.nodes import ModelNode
from schema.core.scalars import Money
from schema.core.errors import UserError
from schema.org.types import Store
from schema.wallet.types import Balance
from server.card import models
from server.member.services import members_query
from server.wallet.services import PIN_ATTEMPTS

if TYPE_CHECKING:
    from schema.member.types import Member

CardKind = strawberry.enum(models.CardKind, description="What a card type is for.")
CardStatus = strawberry.enum(models.CardStatus, description="ACTIVE cards can consume; the others can't.")
CardAction = strawberry.enum(models.CardAction, description="Something done to a card.")
DeductionOrder = strawberry.enum(models.DeductionOrder, description="How a payment splits principal and bonus.")


@strawberry.type(description="A card type HQ configured (储值卡, VIP卡, 副卡 …).")
class CardType(ModelNode):
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Unique code.")
    name: str = strawberry.field(description="Display name.")
    kind: CardKind = strawberry.field(description="PERSONAL, LINKED, GROUP, SUBSIDIARY or VIP.")
    stores_value: bool = strawberry.field(description="Cards of this type carry stored value.")
    earns_points: bool = strawberry.field(description="Purchases with these cards earn points.")
    gives_discount: bool = strawberry.field(description="The member's tier discount applies.")
    requires_pin: bool = strawberry.field(description="Payments need the card's PIN.")
    daily_limit: Money | None = strawberry.field(description="Most stored value spendable per card per day.")
    deduction_order: DeductionOrder = strawberry.field(description="How payments split principal and bonus.")
    is_active: bool = strawberry.field(description="Inactive types can't be issued.")

    @classmethod
    def from_model(cls, row: models.CardType, info: Any = None) -> CardType:
        return cls(
            id=row.id,
            code=row.code,
            name=row.name,
            kind=row.kind,
            stores_value=row.stores_value,
            earns_points=row.earns_points,
            gives_discount=row.gives_discount,
            requires_pin=row.requires_pin,
            daily_limit=Money(row.daily_limit) if row.daily_limit is not None else None,
            deduction_order=row.deduction_order,
            is_active=row.is_active,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.CardType.all()


@strawberry.type(description="Something done to a card: who, where, when and why.")
class CardEvent:
    action: CardAction = strawberry.field(description="What was done.")
    from_status: str = strawberry.field(description="Status before ('' when issued).")
    to_status: str = strawberry.field(description="Status after.")
    reason: str = strawberry.field(description="Why, as the operator gave it.")
    created_at: datetime = strawberry.field(description="When.")
    staff_id: strawberry.Private[int | None]
    store_id: strawberry.Private[int | None]

    @strawberry.field(description="Username of the operator.")
    async def operator(self, info: Info) -> str | None:
        row = await info.context.loaders.staff.load(self.staff_id) if self.staff_id else None
        return row.username if row else None

    @strawberry.field(description="The operator's store; null for HQ and region staff.")
    async def store(self, info: Info) -> Store | None:
        row = await info.context.loaders.store.load(self.store_id) if self.store_id else None
        return Store.from_model(row) if row else None


@strawberry.type(description="A membership card (会员卡).")
class Card(ModelNode):
    id: relay.NodeID[int]
    card_no: str = strawberry.field(description="The number printed on the card.")
    status: CardStatus = strawberry.field(description="ACTIVE, LOST, FROZEN or CANCELLED.")
    issued_at: datetime = strawberry.field(description="When it was issued.")
    pin_locked: bool = strawberry.field(description=f"Spending is locked after {PIN_ATTEMPTS} wrong PINs.")
    row: strawberry.Private[models.Card]

    @strawberry.field(description="The card's type.")
    async def card_type(self, info: Info) -> CardType:
        row = await info.context.loaders.card_type.load(self.row.card_type_id)
        assert row is not None
        return CardType.from_model(row)

    @strawberry.field(description="The card holder (masked like any member outside the viewer's scope).")
    async def member(self, info: Info) -> Annotated[Member, strawberry.lazy("schema.member.types")]:
        from schema.member.types import Member

        row = await info.context.loaders.member.load(self.row.member_id)
        assert row is not None
        return Member.from_model(row, info)

    @strawberry.field(description="For a subsidiary card: the card whose balance it spends.")
    async def parent_card_no(self, info: Info) -> str | None:
        parent = await info.context.loaders.card.load(self.row.parent_id) if self.row.parent_id else None
        return parent.card_no if parent else None

    @strawberry.field(description="For a replaced card: the number that replaced it.")
    async def replaced_by_card_no(self, info: Info) -> str | None:
        successor = await info.context.loaders.card.load(self.row.replaced_by_id) if self.row.replaced_by_id else None
        return successor.card_no if successor else None

    @strawberry.field(description="Stored value the card can spend (a subsidiary card shows its parent's).")
    async def balance(self, info: Info) -> Balance:
        owner = self.row.parent_id or self.row.id
        return Balance.from_accounts(await info.context.loaders.balances_by_card.load(owner))

    @strawberry.field(description="Everything done to the card, oldest first.")
    async def events(self) -> list[CardEvent]:
        rows = await models.CardEvent.filter(card_id=self.row.id).order_by("id")
        return [
            CardEvent(
                action=r.action,
                from_status=r.from_status,
                to_status=r.to_status,
                reason=r.reason,
                created_at=r.created_at,
                staff_id=r.staff_id,
                store_id=r.store_id,
            )
            for r in rows
        ]

    @classmethod
    def from_model(cls, row: models.Card, info: Any = None) -> Card:
        return cls(
            id=row.id,
            card_no=row.card_no,
            status=row.status,
            issued_at=row.issued_at,
            pin_locked=row.pin_failures >= PIN_ATTEMPTS,
            row=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.Card.filter(member_id__in=Subquery(members_query(info.context.actor).values("id")))


@strawberry.type(description="Result of a card operation.")
class CardPayload:
    card: Card | None = strawberry.field(default=None, description="The card after the operation.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of a card type mutation.")
class CardTypePayload:
    card_type: CardType | None = strawberry.field(default=None, description="The card type after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")
