"""Care: follow-ups (回访), upcoming birthdays and anniversaries, feedback and its workflow.
Reading needs a signed-in account and covers the members in its scope; writing needs
MANAGE_MEMBERS and a member in scope."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry import relay

from schema.care.occasions import occasion_page
from schema.care.types import (
    ContactChannel,
    Feedback,
    FeedbackConnection,
    FeedbackKind,
    FeedbackPayload,
    FeedbackStatus,
    FollowUp,
    FollowUpConnection,
    FollowUpOutcome,
    FollowUpPayload,
    UpcomingOccasionConnection,
)
from schema.context import Info
from schema.core.ids import decode_id
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import IsAuthenticated, payload_mutation
from server.access.policy import Permission
from server.care import feedback, follow_ups, occasions
from server.core.clock import business_today


def _ids(values: list[relay.GlobalID] | None, type_name: str, field: str) -> list[int]:
    return [decode_id(v, type_name, field) for v in values or []]


@strawberry.input(description="A contact with a member to record.")
class RecordFollowUpInput:
    member_id: relay.GlobalID = strawberry.field(description="The member contacted.")
    channel: ContactChannel = strawberry.field(description="How.")
    outcome: FollowUpOutcome = strawberry.field(description="What came of it.")
    visited_at: datetime | None = strawberry.field(default=None, description="When; now when omitted.")
    notes: str | None = strawberry.field(default=None, description="What was said or agreed (≤ 2000 characters).")
    next_follow_up_on: date | None = strawberry.field(
        default=None, description="When to follow up again; after the contact's day."
    )

    def to_draft(self) -> follow_ups.FollowUpDraft:
        return follow_ups.FollowUpDraft(
            member_id=decode_id(self.member_id, "Member", "memberId"),
            channel=self.channel,
            outcome=self.outcome,
            visited_at=self.visited_at,
            notes=self.notes,
            next_follow_up_on=self.next_follow_up_on,
        )


@strawberry.input(description="Feedback from a member to record.")
class OpenFeedbackInput:
    member_id: relay.GlobalID = strawberry.field(description="The member it comes from.")
    kind: FeedbackKind = strawberry.field(description="Feedback, complaint, suggestion or praise.")
    subject: str = strawberry.field(description="One line, 1-100 characters.")
    content: str | None = strawberry.field(default=None, description="What the member said (≤ 4000 characters).")
    channel: ContactChannel = strawberry.field(default=ContactChannel.IN_STORE, description="How it reached the brand.")
    store_id: relay.GlobalID | None = strawberry.field(default=None, description="The store it concerns, if one.")

    def to_draft(self) -> feedback.FeedbackDraft:
        return feedback.FeedbackDraft(
            member_id=decode_id(self.member_id, "Member", "memberId"),
            kind=self.kind,
            subject=self.subject,
            content=self.content,
            channel=self.channel,
            store_id=decode_id(self.store_id, "Store", "storeId") if self.store_id else None,
        )


@strawberry.input(description="Narrows a feedback list; all given conditions must hold.")
class FeedbackFilterInput:
    statuses: list[FeedbackStatus] | None = strawberry.field(default=None, description="In any of these statuses.")
    kinds: list[FeedbackKind] | None = strawberry.field(default=None, description="Of any of these kinds.")
    member_id: relay.GlobalID | None = strawberry.field(default=None, description="From this member.")
    home_store_ids: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="From members of these home stores."
    )
    region_ids: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="From members whose home store is in these regions."
    )
    created_from: datetime | None = strawberry.field(default=None, description="Recorded at or after.")
    created_to: datetime | None = strawberry.field(default=None, description="Recorded before.")

    def to_filter(self) -> feedback.FeedbackFilter:
        return feedback.FeedbackFilter(
            statuses=list(self.statuses or []),
            kinds=list(self.kinds or []),
            member_id=decode_id(self.member_id, "Member", "memberId") if self.member_id else None,
            store_ids=_ids(self.home_store_ids, "Store", "homeStoreIds"),
            region_ids=_ids(self.region_ids, "Region", "regionIds"),
            created_from=self.created_from,
            created_to=self.created_to,
        )


async def _occasions(
    info: Info,
    occasion: occasions.Occasion,
    days: int,
    start: date | None,
    home_store_ids: list[relay.GlobalID] | None,
    region_ids: list[relay.GlobalID] | None,
    first: int | None,
    after: str | None,
) -> UpcomingOccasionConnection:
    start = start or business_today()
    query = occasions.upcoming(
        info.context.actor,
        occasion,
        start,
        days,
        store_ids=_ids(home_store_ids, "Store", "homeStoreIds"),
        region_ids=_ids(region_ids, "Region", "regionIds"),
    )
    return await occasion_page(info, query, occasion, start, first, after)


_WINDOW = (
    " in the viewer's scope (HQ: the chain; REGION: its region; STORE: its store), narrowed to home stores"
    " or regions if given, from `from` (today in China when omitted) through `days` days later, soonest first."
)


@strawberry.type
class CareQuery:
    @strawberry.field(
        description="A member's follow-ups, newest first, for staff who may manage the member.",
        permission_classes=[IsAuthenticated],
    )
    async def follow_ups(
        self, info: Info, member_id: relay.GlobalID, first: int | None = None, after: str | None = None
    ) -> FollowUpConnection | None:
        query = await follow_ups.follow_ups_of(info.context.actor, decode_id(member_id, "Member", "memberId"))
        edges, page_info = to_edges(await fetch_page(query, first, after), FollowUp.from_model)
        return FollowUpConnection(edges=edges, page_info=page_info, query=query)

    @strawberry.field(
        description="Follow-ups due: active members whose latest follow-up planned the next one on or before "
        "`by` (today in China when omitted), in the viewer's scope, newest first.",
        permission_classes=[IsAuthenticated],
    )
    async def follow_ups_due(
        self,
        info: Info,
        by: date | None = None,
        home_store_ids: list[relay.GlobalID] | None = None,
        region_ids: list[relay.GlobalID] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> FollowUpConnection | None:
        query = follow_ups.follow_ups_due(
            info.context.actor,
            by or business_today(),
            store_ids=_ids(home_store_ids, "Store", "homeStoreIds"),
            region_ids=_ids(region_ids, "Region", "regionIds"),
        )
        edges, page_info = to_edges(await fetch_page(query, first, after), FollowUp.from_model)
        return FollowUpConnection(edges=edges, page_info=page_info, query=query)

    @strawberry.field(description="Members whose birthday comes up" + _WINDOW, permission_classes=[IsAuthenticated])
    async def upcoming_birthdays(
        self,
        info: Info,
        days: int = 7,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        home_store_ids: list[relay.GlobalID] | None = None,
        region_ids: list[relay.GlobalID] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> UpcomingOccasionConnection | None:
        return await _occasions(
            info, occasions.Occasion.BIRTHDAY, days, from_, home_store_ids, region_ids, first, after
        )

    @strawberry.field(
        description="Members whose anniversary comes up" + _WINDOW, permission_classes=[IsAuthenticated]
    )
    async def upcoming_anniversaries(
        self,
        info: Info,
        days: int = 7,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        home_store_ids: list[relay.GlobalID] | None = None,
        region_ids: list[relay.GlobalID] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> UpcomingOccasionConnection | None:
        return await _occasions(
            info, occasions.Occasion.ANNIVERSARY, days, from_, home_store_ids, region_ids, first, after
        )

    @strawberry.field(
        description="Feedback and complaints from members in the viewer's scope, newest first.",
        permission_classes=[IsAuthenticated],
    )
    async def feedback(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: FeedbackFilterInput | None = None,  # noqa: A002 - the public argument name
    ) -> FeedbackConnection | None:
        query = feedback.feedback_query(info.context.actor, filter.to_filter() if filter else None)
        edges, page_info = to_edges(await fetch_page(query, first, after), Feedback.from_model)
        return FeedbackConnection(edges=edges, page_info=page_info, query=query)


@strawberry.type
class CareMutation:
    @payload_mutation(description="Records a follow-up visit (回访) with a member.", requires=Permission.MANAGE_MEMBERS)
    async def record_follow_up(self, info: Info, input: RecordFollowUpInput) -> FollowUpPayload:  # noqa: A002
        row = await follow_ups.record_follow_up(info.context.actor, input.to_draft())
        return FollowUpPayload(follow_up=FollowUp.from_model(row))

    @payload_mutation(description="Records feedback or a complaint from a member, OPEN.", requires=Permission.MANAGE_MEMBERS)
    async def open_feedback(self, info: Info, input: OpenFeedbackInput) -> FeedbackPayload:  # noqa: A002
        row = await feedback.open_feedback(info.context.actor, input.to_draft())
        return FeedbackPayload(feedback=Feedback.from_model(row))

    @payload_mutation(
        description="Moves feedback along its workflow with a comment; an illegal move is INVALID_TRANSITION.",
        requires=Permission.MANAGE_MEMBERS,
    )
    async def change_feedback_status(
        self,
        info: Info,
        id: relay.GlobalID,  # noqa: A002
        status: FeedbackStatus,
        comment: str | None = None,
    ) -> FeedbackPayload:
        row = await feedback.change_status(info.context.actor, decode_id(id, "Feedback"), status, comment)
        return FeedbackPayload(feedback=Feedback.from_model(row))
