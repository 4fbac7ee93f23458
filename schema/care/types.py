"""Care as GraphQL types: follow-ups, feedback with its history, upcoming birthdays and anniversaries.
Members appear as `Member`, so the viewer's field rules (masking) apply to them as everywhere."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.nodes import ModelNode
from schema.core.pagination import total_count
from schema.member.types import Member, member_by_id
from schema.org.types import Store
from server.care import models
from server.care.feedback import feedback_query
from server.care.follow_ups import follow_ups_query

ContactChannel = strawberry.enum(models.ContactChannel, description="How staff and member were in touch.")
FollowUpOutcome = strawberry.enum(models.FollowUpOutcome, description="What came of a follow-up.")
FeedbackKind = strawberry.enum(models.FeedbackKind, description="What kind of feedback a member gave.")
FeedbackStatus = strawberry.enum(
    models.FeedbackStatus,
    description="Workflow: OPEN → IN_PROGRESS → RESOLVED or CLOSED; RESOLVED → CLOSED; RESOLVED or CLOSED → OPEN.",
)


async def _staff_name(info: Info, staff_id: int) -> str:
    row = await info.context.loaders.staff.load(staff_id)
    return (row.display_name or row.username) if row else ""


@strawberry.type(description="A follow-up visit (回访) with a member.")
class FollowUp(ModelNode):
    id: relay.NodeID[int]
    visited_at: datetime = strawberry.field(description="When the contact took place.")
    channel: ContactChannel = strawberry.field(description="Phone, WeChat, in store, SMS or other.")
    outcome: FollowUpOutcome = strawberry.field(description="What came of it.")
    notes: str = strawberry.field(description="What was said or agreed.")
    next_follow_up_on: date | None = strawberry.field(description="When to follow up again.")
    is_latest: bool = strawberry.field(
        description="The member's most recently recorded follow-up: only its next date is still due."
    )
    created_at: datetime = strawberry.field(description="When it was recorded.")
    member_id: strawberry.Private[int]
    staff_id: strawberry.Private[int]

    @strawberry.field(description="The member contacted.")
    async def member(self, info: Info) -> Member:
        return await member_by_id(info, self.member_id)

    @strawberry.field(description="Who made the contact (display name, or username).")
    async def staff_name(self, info: Info) -> str:
        return await _staff_name(info, self.staff_id)

    @classmethod
    def from_model(cls, row: models.FollowUp, info: Any = None) -> FollowUp:
        return cls(
            id=row.id,
            visited_at=row.visited_at,
            channel=models.ContactChannel(row.channel),
            outcome=models.FollowUpOutcome(row.outcome),
            notes=row.notes,
            next_follow_up_on=row.next_follow_up_on,
            is_latest=row.is_latest,
            created_at=row.created_at,
            member_id=row.member_id,
            staff_id=row.staff_id,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return follow_ups_query(info.context.actor)


@strawberry.type(description="A page of follow-ups.")
class FollowUpConnection(relay.Connection[FollowUp]):
    query: strawberry.Private[Any]

    total_count: int = total_count("How many follow-ups match (in the viewer's scope), whatever the page.")


@strawberry.type(description="Result of recording a follow-up.")
class FollowUpPayload:
    follow_up: FollowUp | None = strawberry.field(default=None, description="The follow-up recorded.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="One step of a feedback's history: its opening or a status change.")
class FeedbackEvent:
    from_status: FeedbackStatus | None = strawberry.field(description="The status before; null for the opening.")
    to_status: FeedbackStatus = strawberry.field(description="The status after.")
    comment: str = strawberry.field(description="What the staff member noted.")
    created_at: datetime = strawberry.field(description="When.")
    staff_id: strawberry.Private[int]

    @strawberry.field(description="Who made the change (display name, or username).")
    async def staff_name(self, info: Info) -> str:
        return await _staff_name(info, self.staff_id)

    @classmethod
    def from_model(cls, row: models.FeedbackEvent) -> FeedbackEvent:
        return cls(
            from_status=models.FeedbackStatus(row.from_status) if row.from_status else None,
            to_status=models.FeedbackStatus(row.to_status),
            comment=row.comment,
            created_at=row.created_at,
            staff_id=row.staff_id,
        )


@strawberry.type(description="Feedback, a complaint, a suggestion or praise from a member, with its workflow.")
class Feedback(ModelNode):
    id: relay.NodeID[int]
    kind: FeedbackKind = strawberry.field(description="Feedback, complaint, suggestion or praise.")
    channel: ContactChannel = strawberry.field(description="How it reached the brand.")
    subject: str = strawberry.field(description="One line saying what it is about.")
    content: str = strawberry.field(description="What the member said.")
    status: FeedbackStatus = strawberry.field(description="Where it is in the workflow.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    updated_at: datetime = strawberry.field(description="Last change.")
    member_id: strawberry.Private[int]
    store_id: strawberry.Private[int | None]
    created_by_id: strawberry.Private[int]

    @strawberry.field(description="The member it came from.")
    async def member(self, info: Info) -> Member:
        return await member_by_id(info, self.member_id)

    @strawberry.field(description="The store it concerns, if one.")
    async def store(self, info: Info) -> Store | None:
        row = await info.context.loaders.store.load(self.store_id) if self.store_id else None
        return Store.from_model(row) if row else None

    @strawberry.field(description="Who recorded it (display name, or username).")
    async def opened_by(self, info: Info) -> str:
        return await _staff_name(info, self.created_by_id)

    @strawberry.field(description="Its opening and every status change, oldest first.")
    async def history(self, info: Info) -> list[FeedbackEvent]:
        return [FeedbackEvent.from_model(e) for e in await info.context.loaders.feedback_events.load(self.id)]

    @classmethod
    def from_model(cls, row: models.Feedback, info: Any = None) -> Feedback:
        return cls(
            id=row.id,
            kind=models.FeedbackKind(row.kind),
            channel=models.ContactChannel(row.channel),
            subject=row.subject,
            content=row.content,
            status=models.FeedbackStatus(row.status),
            created_at=row.created_at,
            updated_at=row.updated_at,
            member_id=row.member_id,
            store_id=row.store_id,
            created_by_id=row.created_by_id,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return feedback_query(info.context.actor)


@strawberry.type(description="A page of feedback.")
class FeedbackConnection(relay.Connection[Feedback]):
    query: strawberry.Private[Any]

    total_count: int = total_count("How many match the filter (in the viewer's scope).")


@strawberry.type(description="Result of a feedback mutation.")
class FeedbackPayload:
    feedback: Feedback | None = strawberry.field(default=None, description="The feedback after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="A member's birthday or anniversary coming up.")
class UpcomingOccasion:
    member: Member = strawberry.field(description="Whose day it is.")
    on: date = strawberry.field(
        name="date", description="The day it is celebrated (Feb 29 falls on Feb 28 in common years)."
    )
    days_away: int = strawberry.field(description="Days from the window's first day (0 = that day).")


@strawberry.type(description="A page of upcoming birthdays or anniversaries, soonest first.")
class UpcomingOccasionConnection(relay.Connection[UpcomingOccasion]):
    query: strawberry.Private[Any]

    total_count: int = total_count("How many members have their day in the window (in the viewer's scope).")
