"""Member feedback and complaints, and the workflow they follow.

    OPEN ──▶ IN_PROGRESS ──▶ RESOLVED ──▶ CLOSED
                     └─────────────────────▶ CLOSED
    RESOLVED ──▶ OPEN  and  CLOSED ──▶ OPEN   (reopened)

Any other change is INVALID_TRANSITION. Every change (and the opening) is a `FeedbackEvent` with
who, when and a comment, written with the audit entry in the change's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, in_scope, member_scope, require
from server.audit import services as audit
from server.care.models import ContactChannel, Feedback, FeedbackEvent, FeedbackKind, FeedbackStatus
from server.care.scope import member_in_scope
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, not_found, permission_denied
from server.core.text import clean_multiline, clean_text
from server.org.models import Store

S = FeedbackStatus
TRANSITIONS: dict[FeedbackStatus, frozenset[FeedbackStatus]] = {
    S.OPEN: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.RESOLVED, S.CLOSED}),
    S.RESOLVED: frozenset({S.CLOSED, S.OPEN}),
    S.CLOSED: frozenset({S.OPEN}),
}
MAX_CONTENT = 4000
MAX_COMMENT = 2000


@dataclass
class FeedbackDraft:
    member_id: int
    kind: FeedbackKind
    subject: str
    content: str | None = None
    channel: ContactChannel = ContactChannel.IN_STORE
    store_id: int | None = None


@dataclass
class FeedbackFilter:
    statuses: list[FeedbackStatus] = field(default_factory=list)
    kinds: list[FeedbackKind] = field(default_factory=list)
    member_id: int | None = None
    store_ids: list[int] = field(default_factory=list)
    region_ids: list[int] = field(default_factory=list)
    created_from: datetime | None = None
    created_to: datetime | None = None


def _snapshot(row: Feedback) -> dict[str, Any]:
    return {
        "kind": FeedbackKind(row.kind).value,
        "channel": ContactChannel(row.channel).value,
        "subject": row.subject,
        "store_id": row.store_id,
        "status": FeedbackStatus(row.status).value,
    }


async def open_feedback(actor: Actor | None, draft: FeedbackDraft) -> Feedback:
    """Records feedback from a member the actor may manage, OPEN; the store it concerns may be any."""
    actor = require(actor, Permission.MANAGE_MEMBERS)
    member = await member_in_scope(actor, draft.member_id)
    subject = clean_text(draft.subject, "subject", max_length=100, required=True)
    content = clean_multiline(draft.content, "content", max_length=MAX_CONTENT)
    if draft.store_id is not None and not await Store.exists(id=draft.store_id):
        raise not_found("Store", "storeId")
    async with in_transaction():
        row = await Feedback.create(
            member_id=member.id,
            store_id=draft.store_id,
            kind=draft.kind,
            channel=draft.channel,
            subject=subject,
            content=content,
            created_by_id=actor.staff_id,
        )
        await FeedbackEvent.create(feedback_id=row.id, to_status=S.OPEN, staff_id=actor.staff_id)
        await audit.record(actor, "care.feedback.open", "Feedback", row.id, None, _snapshot(row))
    return row


async def _feedback_in_scope(actor: Actor, feedback_id: int) -> Feedback:
    row = await Feedback.get_or_none(id=feedback_id).select_related("member__home_store")
    if row is None:
        raise not_found("Feedback", "id")
    home = row.member.home_store
    if not in_scope(actor, home.id, home.region_id):
        raise permission_denied("This feedback belongs to a member of another region or store.", "id")
    return row


async def change_status(
    actor: Actor | None, feedback_id: int, status: FeedbackStatus, comment: str | None = None
) -> Feedback:
    """Moves feedback along the workflow; an illegal move is INVALID_TRANSITION and changes nothing."""
    actor = require(actor, Permission.MANAGE_MEMBERS)
    row = await _feedback_in_scope(actor, feedback_id)
    text = clean_multiline(comment, "comment", max_length=MAX_COMMENT)
    async with in_transaction():
        current = FeedbackStatus(
            await Feedback.filter(id=row.id).select_for_update().first().values_list("status", flat=True)
        )
        if status not in TRANSITIONS[current]:
            raise DomainError(
                ErrorCode.INVALID_TRANSITION,
                f"Feedback that is {current.value} can't become {status.value}.",
                "status",
            )
        await Feedback.filter(id=row.id).update(status=status, updated_at=now())
        await FeedbackEvent.create(
            feedback_id=row.id, from_status=current, to_status=status, staff_id=actor.staff_id, comment=text
        )
        await audit.record(
            actor,
            "care.feedback.status",
            "Feedback",
            row.id,
            {"status": current.value},
            {"status": status.value, "comment": text[:200]},
        )
    return await Feedback.get(id=row.id)


def feedback_query(actor: Actor | None, flt: FeedbackFilter | None = None) -> QuerySet[Feedback]:
    """Feedback from members the actor may list, filtered; ordering and paging are the caller's."""
    actor = require(actor)
    query = Feedback.filter(**member_scope(actor, "member"))
    flt = flt or FeedbackFilter()
    if flt.statuses:
        query = query.filter(status__in=flt.statuses)
    if flt.kinds:
        query = query.filter(kind__in=flt.kinds)
    if flt.member_id is not None:
        query = query.filter(member_id=flt.member_id)
    if flt.store_ids:
        query = query.filter(member__home_store_id__in=flt.store_ids)
    if flt.region_ids:
        query = query.filter(member__home_store__region_id__in=flt.region_ids)
    if flt.created_from:
        query = query.filter(created_at__gte=flt.created_from)
    if flt.created_to:
        query = query.filter(created_at__lt=flt.created_to)
    return query
