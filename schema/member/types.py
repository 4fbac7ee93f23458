"""Members as GraphQL types. Which fields a viewer sees whole, masked or not at all is declared
here with `MemberFieldGuard` and decided by `server.access.policy`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.card.types import Card
from schema.core.nodes import ModelNode
from schema.core.pagination import fetch_page, to_edges, total_count
from schema.core.permissions import MemberFieldGuard
from schema.core.scalars import Money
from schema.org.types import Store
from schema.segment.values import MemberValue
from schema.tag.types import Tag
from schema.tier.types import Tier, TierChange, TierChangeConnection, TierRetention, TierStanding
from schema.wallet.types import MemberAssets, Transfer, TransferConnection
from server.access.policy import MemberField, View, require
from server.ledger.models import Operation
from server.member import models
from server.member.masking import mask_email, mask_phone
from server.member.services import decrypt_phone, get_member_in_scope, members_query, view_of
from server.tier import standing
from server.tier.models import TierChange as TierChangeRow

Gender = strawberry.enum(models.Gender, description="Gender as the member chose to state it.")
Channel = strawberry.enum(models.Channel, description="Where the member registered.")
MemberStatus = strawberry.enum(models.MemberStatus, description="Lifecycle of a member record.")
MemberView = strawberry.enum(View, name="MemberView", description="How much of a member the viewer sees.")


@strawberry.type(description="Behaviour statistics kept current by consumption.")
class MemberStats:
    total_spend: Money = strawberry.field(description="Total spent.")
    visit_count: int = strawberry.field(description="Number of purchases.")
    first_purchase_at: datetime | None = strawberry.field(description="First purchase.")
    last_purchase_at: datetime | None = strawberry.field(description="Latest purchase.")

    @strawberry.field(description="Average ticket: total spend / visits.")
    def average_ticket(self) -> Money:
        return Money(self.total_spend // self.visit_count if self.visit_count else 0)


@strawberry.type(description="A member (会员) of the brand.")
class Member(ModelNode):
    id: relay.NodeID[int]
    member_no: str = strawberry.field(description="Member number printed on cards and receipts.")
    name: str = strawberry.field(description="Full name.")
    gender: Gender = strawberry.field(description="Stated gender.")
    channel: Channel = strawberry.field(description="Registration channel.")
    status: MemberStatus = strawberry.field(description="ACTIVE, DEACTIVATED or ANONYMIZED.")
    marketing_consent: bool = strawberry.field(description="Whether the member accepts marketing.")
    consent_at: datetime | None = strawberry.field(description="When consent was given.")
    created_at: datetime = strawberry.field(description="Registration time.")
    view: MemberView = strawberry.field(description="FULL, or MASKED when the viewer is outside the member's scope.")
    model: strawberry.Private[models.Member]

    @strawberry.field(
        description="Phone number; masked as 138****5678 for viewers without the FULL view.",
        extensions=[MemberFieldGuard(MemberField.PHONE, mask_phone)],
    )
    def phone(self) -> str:
        return decrypt_phone(self.model)

    @strawberry.field(
        description="Email; masked for viewers without the FULL view.",
        extensions=[MemberFieldGuard(MemberField.EMAIL, mask_email)],
    )
    def email(self) -> str:
        return self.model.email

    @strawberry.field(
        description="Birthday with year; null with an error for viewers without the FULL view.",
        extensions=[MemberFieldGuard(MemberField.BIRTHDAY)],
    )
    def birthday(self) -> date | None:
        return self.model.birthday

    @strawberry.field(description='Birthday month and day ("MM-DD"), visible to every viewer.')
    def birthday_month_day(self) -> str | None:
        return f"{self.model.birthday:%m-%d}" if self.model.birthday else None

    @strawberry.field(
        description="Wedding or other anniversary; null with an error without the FULL view.",
        extensions=[MemberFieldGuard(MemberField.ANNIVERSARY)],
    )
    def anniversary(self) -> date | None:
        return self.model.anniversary

    @strawberry.field(description="The member's home store.")
    async def home_store(self, info: Info) -> Store:
        return Store.from_model(self.model.home_store)

    @strawberry.field(description="Current tier, if tiers are configured.")
    async def tier(self, info: Info) -> Tier | None:
        row = await info.context.loaders.tier.load(self.model.tier_id) if self.model.tier_id else None
        return Tier.from_model(row) if row else None

    @strawberry.field(description="What the next tier still needs, condition by condition; null at the top.")
    async def tier_progress(self) -> TierStanding | None:
        found = await standing.progress(self.model)
        return TierStanding.of(found) if found else None

    @strawberry.field(description="What keeping the current tier needs and by when; null without a tier.")
    async def tier_retention(self) -> TierRetention | None:
        found = await standing.retention(self.model)
        if found is None:
            return None
        return TierRetention(
            tier=Tier.from_model(found.tier),
            conditions=TierStanding.of(found.standing) if found.standing else None,
            held_until=found.held_until,
            held_by=found.held_by,
        )

    @strawberry.field(description="The member's tier changes with their causes, newest first.")
    async def tier_changes(self, first: int | None = None, after: str | None = None) -> TierChangeConnection:
        page = await fetch_page(TierChangeRow.filter(member_id=self.model.id), first, after)
        edges, page_info = to_edges(page, TierChange.from_model)
        return TierChangeConnection(edges=edges, page_info=page_info)

    @strawberry.field(description="Tags on the member, by name.")
    async def tags(self, info: Info) -> list[Tag]:
        return [Tag.from_model(t) for t in await info.context.loaders.tags_by_member.load(self.model.id)]

    @strawberry.field(description="The member's cards, oldest first (cancelled and replaced ones too).")
    async def cards(self, info: Info) -> list[Card]:
        return [Card.from_model(c) for c in await info.context.loaders.cards_by_member.load(self.model.id)]

    @strawberry.field(description="Stored value, points and coupons.")
    def assets(self) -> MemberAssets:
        return MemberAssets(member_id=self.model.id)

    @strawberry.field(description="Money and points operations, newest first.")
    async def ledger(self, info: Info, first: int | None = None, after: str | None = None) -> TransferConnection:
        page = await fetch_page(Operation.filter(member_id=self.model.id), first, after)
        edges, page_info = to_edges(page, Transfer.from_model)
        return TransferConnection(edges=edges, page_info=page_info)

    @strawberry.field(description="The member's referral code (推荐码), 8 characters, for new members to register with.")
    async def referral_code(self, info: Info) -> str:
        return await info.context.loaders.referral_code.load(self.model.id)

    @strawberry.field(description="The member who referred this one; masked like any member outside the viewer's scope.")
    async def referrer(self, info: Info) -> Member | None:
        row = await info.context.loaders.member.load(self.model.referrer_id) if self.model.referrer_id else None
        return Member.from_model(row, info) if row else None

    @strawberry.field(
        description="RFM scores, group and lifetime value from the latest daily run; null when the member bought "
        "nothing in the window. HQ and the member's region only: null with an error for other viewers.",
        extensions=[MemberFieldGuard(MemberField.VALUE)],
    )
    async def value(self, info: Info) -> MemberValue | None:
        row = await info.context.loaders.value_by_member.load(self.model.id)
        return MemberValue.from_model(row) if row else None

    @strawberry.field(description="Spend and visit statistics.")
    def stats(self) -> MemberStats:
        m = self.model
        return MemberStats(
            total_spend=Money(m.total_spend),
            visit_count=m.visit_count,
            first_purchase_at=m.first_purchase_at,
            last_purchase_at=m.last_purchase_at,
        )

    @classmethod
    def from_model(cls, row: models.Member, info: Info) -> Member:
        actor = require(info.context.actor)
        return cls(
            id=row.id,
            member_no=row.member_no,
            name=row.name,
            gender=models.Gender(row.gender),
            channel=models.Channel(row.channel),
            status=models.MemberStatus(row.status),
            marketing_consent=row.marketing_consent,
            consent_at=row.consent_at,
            created_at=row.created_at,
            view=view_of(actor, row),
            model=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return members_query(info.context.actor)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Any, node_ids: Iterable[str], required: bool = False
    ) -> list[Member | None]:
        """Unlike other nodes, a member outside the viewer's scope is an error, not a silent null."""
        actor = require(info.context.actor)
        result: list[Member | None] = []
        for key in node_ids:
            if not key.isdigit():
                result.append(None)
                continue
            result.append(cls.from_model(await get_member_in_scope(actor, int(key)), info))
        return result


@strawberry.type(description="A page of members.")
class MemberConnection(relay.Connection[Member]):
    query: strawberry.Private[Any]

    total_count: int = total_count("How many members match the filter (in the viewer's scope).")


@strawberry.type(description="Result of a member mutation.")
class MemberPayload:
    member: Member | None = strawberry.field(default=None, description="The member after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


async def member_by_id(info: Info, member_id: int, *, fresh: bool = False) -> Member:
    """A member the request refers to by id, through its loader (`fresh`: read again, for a
    member a mutation has just changed, and remembered so for the rest of the request)."""
    loader = info.context.loaders.member
    if fresh:
        loader.prime(member_id, await models.Member.get(id=member_id).select_related("home_store"), force=True)
    row = await loader.load(member_id)
    if row is None:
        raise LookupError(f"member {member_id} not found")
    return Member.from_model(row, info)


@strawberry.type
class MemberAfter:
    """A payload's member as a mutation left them, read only when the client asks for it (a POS
    paying at the till rarely does, and the read costs as much as a tenth of a consume)."""

    member_id: strawberry.Private[int | None] = None

    @strawberry.field(description="The member, with balances after it.")
    async def member(self, info: Info) -> Member | None:
        return await member_by_id(info, self.member_id, fresh=True) if self.member_id is not None else None
