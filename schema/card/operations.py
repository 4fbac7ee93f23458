"""Card types (HQ) and card operations (staff with CARD_OPS)."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.card.types import Card, CardKind, CardPayload, CardType, CardTypePayload, DeductionOrder
from schema.context import Info
from schema.core.ids import decode_id
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.core.scalars import Money
from server.access.policy import Permission
from server.card import models, services
from server.card.models import CardAction


@strawberry.input(description="A new card type.")
class CardTypeInput:
    code: str = strawberry.field(description="Unique code, e.g. STD.")
    name: str = strawberry.field(description="Display name.")
    kind: CardKind = strawberry.field(default=CardKind.PERSONAL, description="What the type is for.")
    stores_value: bool = strawberry.field(default=True, description="Carries stored value.")
    earns_points: bool = strawberry.field(default=True, description="Earns points.")
    gives_discount: bool = strawberry.field(default=True, description="Tier discount applies.")
    requires_pin: bool = strawberry.field(default=False, description="Payments need a PIN.")
    daily_limit: Money | None = strawberry.field(default=None, description="Per card per day; none when omitted.")
    deduction_order: DeductionOrder = strawberry.field(
        default=DeductionOrder.PRINCIPAL_FIRST, description="How payments split principal and bonus."
    )

    def to_draft(self) -> services.CardTypeDraft:
        return services.CardTypeDraft(**vars(self))


@strawberry.input(description="A card to issue.")
class IssueCardInput:
    member_id: relay.GlobalID = strawberry.field(description="The holder.")
    card_type_id: relay.GlobalID = strawberry.field(description="The card type.")
    card_no: str | None = strawberry.field(default=None, description="The printed number; generated when omitted.")
    parent_card_no: str | None = strawberry.field(default=None, description="For a subsidiary card: its parent.")
    pin: str | None = strawberry.field(default=None, description="A 6-digit payment PIN.")

    def to_request(self) -> services.IssueRequest:
        return services.IssueRequest(
            member_id=decode_id(self.member_id, "Member", "memberId"),
            card_type_id=decode_id(self.card_type_id, "CardType", "cardTypeId"),
            card_no=self.card_no,
            parent_card_no=self.parent_card_no,
            pin=self.pin,
        )


async def _status(info: Info, card_no: str, action: CardAction, reason: str | None = None) -> CardPayload:
    return CardPayload(card=Card.from_model(await services.change_status(info.context.actor, card_no, action, reason)))


@strawberry.type
class CardQuery:
    @strawberry.field(description="Card types, by code.", permission_classes=[IsAuthenticated])
    async def card_types(self) -> list[CardType]:
        return [CardType.from_model(t) for t in await models.CardType.all().order_by("code")]


@strawberry.type
class CardMutation:
    @payload_mutation(description="Creates a card type.", requires=Permission.MANAGE_PROGRAM)
    async def create_card_type(self, info: Info, input: CardTypeInput) -> CardTypePayload:  # noqa: A002
        card_type = await services.create_card_type(info.context.actor, input.to_draft())
        return CardTypePayload(card_type=CardType.from_model(card_type))

    @payload_mutation(description="Issues a card to a member.", requires=Permission.CARD_OPS)
    async def issue_card(self, info: Info, input: IssueCardInput) -> CardPayload:  # noqa: A002
        return CardPayload(card=Card.from_model(await services.issue_card(info.context.actor, input.to_request())))

    @payload_mutation(description="挂失: the card can't be used until the loss is cancelled.", requires=Permission.CARD_OPS)
    async def report_card_lost(self, info: Info, card_no: str, reason: str | None = None) -> CardPayload:
        return await _status(info, card_no, CardAction.REPORT_LOST, reason)

    @payload_mutation(description="取消挂失: a lost card is active again.", requires=Permission.CARD_OPS)
    async def cancel_card_loss(self, info: Info, card_no: str) -> CardPayload:
        return await _status(info, card_no, CardAction.CANCEL_LOSS)

    @payload_mutation(description="冻结: the card can't be used until unfrozen.", requires=Permission.CARD_OPS)
    async def freeze_card(self, info: Info, card_no: str, reason: str | None = None) -> CardPayload:
        return await _status(info, card_no, CardAction.FREEZE, reason)

    @payload_mutation(description="解冻: a frozen card is active again.", requires=Permission.CARD_OPS)
    async def unfreeze_card(self, info: Info, card_no: str) -> CardPayload:
        return await _status(info, card_no, CardAction.UNFREEZE)

    @payload_mutation(
        description="补卡: a new number takes over the balance; the old card is dead. Returns the new card.",
        requires=Permission.CARD_OPS,
    )
    async def replace_card(
        self, info: Info, card_no: str, new_card_no: str | None = None, reason: str | None = None
    ) -> CardPayload:
        card = await services.replace_card(info.context.actor, card_no, new_card_no, reason)
        return CardPayload(card=Card.from_model(card))

    @payload_mutation(
        description="重置密码: sets the card's 6-digit payment PIN (with the member present) and unlocks spending "
        "locked by wrong PINs. Refused for a cancelled card.",
        requires=Permission.RESET_PIN,
    )
    async def reset_card_pin(self, info: Info, card_no: str, new_pin: str, reason: str | None = None) -> CardPayload:
        card = await services.reset_card_pin(info.context.actor, card_no, new_pin, reason)
        return CardPayload(card=Card.from_model(card))

    @payload_mutation(
        description="注销: refused while stored value remains unless refundBalance (principal paid out at the "
        "store, bonus forfeited; needs REFUND too).",
        requires=Permission.CARD_OPS,
    )
    async def cancel_card(
        self,
        info: Info,
        card_no: str,
        reason: str | None = None,
        refund_balance: bool = False,
        store_id: relay.GlobalID | None = None,
    ) -> CardPayload:
        card = await services.cancel_card(
            info.context.actor,
            card_no,
            reason,
            refund_balance=refund_balance,
            store_id=decode_id(store_id, "Store", "storeId") if store_id else None,
        )
        return CardPayload(card=Card.from_model(card))
