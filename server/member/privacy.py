"""A member's rights over their personal data: access (PIPL art. 45, GDPR art. 15/20) and deletion
(PIPL art. 47, GDPR art. 17).

`member_data` gathers everything Tessera holds about one member, unmasked, as plain JSON-ready
data (the /exports/member download): the profile, cards, ledger operations, points lots, coupons,
tags, care records and the messages sent. Amounts are integers in their unit — fen for money,
points for points — as the ledger keeps them. Only staff who see the member in full may take it.

Anonymizing erases who the member was and keeps what the chain must keep.

Erased: name, phone (its ciphertext, blind index and suffix), gender, birthday, anniversary,
email, custom attributes, marketing consent, tags, notice preferences, and the free text written
about or sent to the member (follow-up notes, feedback subjects and contents, the messages of the
delivery log, and the audit trail's copies of the feedback texts). Kept: the member number, home store, tier and the ledger — operations, transfers,
points lots, coupons — which name the member only by id, so every balance still equals the sum
of its entries and the reports stay whole.

Refused while the member still holds money or points (the chain owes them; cancel the cards,
which pays the stored value back, and adjust the points to zero first) or a card that is not
cancelled. HQ only (`Permission.ANONYMIZE_MEMBERS`); the reason is audited, the erased values
are not.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, View, require
from server.audit import services as audit
from server.audit.models import AuditEntry
from server.card.models import Card, CardStatus
from server.care.models import Feedback, FeedbackEvent, FollowUp
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, ErrorReason, invalid, permission_denied
from server.core.text import clean_text
from server.coupon.models import Coupon
from server.delivery.models import Delivery
from server.ledger.accounts import member_points
from server.ledger.models import Account, Operation, OperationKind
from server.member.models import Channel, Gender, Member, MemberStatus
from server.member.services import decrypt_phone, get_member_in_scope, snapshot, view_of
from server.notices.models import NoticePreference
from server.org.models import Store
from server.points.models import PointsLot
from server.tag.models import MemberTag

ANONYMIZED_NAME = "已注销会员"
ERASED = "—"


async def _check_nothing_owed(member: Member) -> None:
    if await Card.filter(member_id=member.id).exclude(status=CardStatus.CANCELLED).exists():
        raise DomainError(
            ErrorCode.INVALID,
            "Cancel the member's cards first (a card's stored value is paid back as it is cancelled).",
            "id",
            reason=ErrorReason.MEMBER_HAS_OPEN_CARDS,
        )
    points = await Account.get_or_none(key=member_points(member.id).key)
    if points is not None and points.balance:
        raise DomainError(
            ErrorCode.INVALID,
            f"The member still holds {points.balance} points: adjust them to zero first.",
            "id",
            reason=ErrorReason.MEMBER_HOLDS_POINTS,
        )


# The feedback texts the audit trail copies as written (follow-up audits carry no notes).
_FEEDBACK_TEXT = ("subject", "content", "comment")


def _erased(values: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if values is None else {k: (ERASED if k in _FEEDBACK_TEXT and v else v) for k, v in values.items()}


async def _erase_feedback(member_id: int) -> None:
    ids = await Feedback.filter(member_id=member_id).values_list("id", flat=True)
    await Feedback.filter(id__in=ids).update(subject=ERASED, content="")
    await FeedbackEvent.filter(feedback_id__in=ids).update(comment="")
    for entry in await AuditEntry.filter(target_type="Feedback", target_id__in=[str(i) for i in ids]):
        entry.before, entry.after = _erased(entry.before), _erased(entry.after)
        await entry.save(update_fields=["before", "after"])


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


async def _profile(member: Member) -> dict[str, Any]:
    await member.fetch_related("home_store", "tier")
    return {
        "member_no": member.member_no,
        "name": member.name,
        "phone": decrypt_phone(member),
        "gender": Gender(member.gender).value,
        "birthday": _iso(member.birthday),
        "anniversary": _iso(member.anniversary),
        "email": member.email,
        "home_store": member.home_store.code,
        "channel": Channel(member.channel).value,
        "registered_at": _iso(member.created_at),
        "marketing_consent": member.marketing_consent,
        "consent_at": _iso(member.consent_at),
        "attributes": member.attributes,
        "status": MemberStatus(member.status).value,
        "tier": member.tier.name if member.tier else None,
        "total_spend_fen": member.total_spend,
        "visit_count": member.visit_count,
        "first_purchase_at": _iso(member.first_purchase_at),
        "last_purchase_at": _iso(member.last_purchase_at),
    }


async def member_data(actor: Actor | None, member_id: int) -> dict[str, Any]:
    """Everything held about the member (see the module's docstring); PERMISSION_DENIED for staff
    who see the member masked."""
    actor = require(actor, Permission.EXPORT)
    member = await get_member_in_scope(actor, member_id)
    if view_of(actor, member) is not View.FULL:
        raise permission_denied("Only staff who see this member in full may export their data.", "memberNo")
    stores = dict(await Store.all().values_list("id", "code"))
    cards = await Card.filter(member_id=member.id).select_related("card_type").order_by("id")
    operations = await Operation.filter(member_id=member.id).order_by("id")
    return {
        "exported_at": now().isoformat(),
        "member": await _profile(member),
        "cards": [
            {
                "card_no": c.card_no,
                "type": c.card_type.name,
                "status": CardStatus(c.status).value,
                "issued_at": _iso(c.issued_at),
            }
            for c in cards
        ],
        "operations": [
            {
                "kind": OperationKind(o.kind).value,
                "amount": o.amount,
                "store": stores.get(o.store_id),
                "order_ref": o.order_ref,
                "at": _iso(o.created_at),
                "details": o.result,
            }
            for o in operations
        ],
        "points_lots": [
            {
                "earned": lot.amount,
                "remaining": lot.remaining,
                "expires_at": _iso(lot.expires_at),
                "at": _iso(lot.created_at),
            }
            for lot in await PointsLot.filter(member_id=member.id).order_by("id")
        ],
        "coupons": [
            {"code": c.code, "template": c.template.name, "status": c.status.value, "valid_to": _iso(c.valid_to)}
            for c in await Coupon.filter(member_id=member.id).select_related("template").order_by("id")
        ],
        "tags": sorted(await MemberTag.filter(member_id=member.id).values_list("tag__name", flat=True)),
        "follow_ups": [
            {"at": _iso(f.visited_at), "channel": f.channel.value, "outcome": f.outcome.value, "notes": f.notes}
            for f in await FollowUp.filter(member_id=member.id).order_by("id")
        ],
        "feedback": [
            {
                "kind": f.kind.value,
                "subject": f.subject,
                "content": f.content,
                "status": f.status.value,
                "at": _iso(f.created_at),
            }
            for f in await Feedback.filter(member_id=member.id).order_by("id")
        ],
        "messages": [
            {
                "channel": d.channel,
                "subject": d.subject,
                "body": d.body,
                "status": d.status.value,
                "at": _iso(d.created_at),
            }
            for d in await Delivery.filter(member_id=member.id).order_by("id")
        ],
    }


async def anonymize_member(actor: Actor | None, member_id: int, reason: str) -> Member:
    actor = require(actor, Permission.ANONYMIZE_MEMBERS)
    why = clean_text(reason, "reason", max_length=200, required=True)
    member = await get_member_in_scope(actor, member_id)
    if member.status == MemberStatus.ANONYMIZED:
        raise invalid("id", "This member is already anonymized.")
    async with in_transaction():
        member = await Member.get(id=member_id).select_for_update()
        await _check_nothing_owed(member)
        before = snapshot(member)
        member.update_from_dict(
            {
                "name": ANONYMIZED_NAME,
                "phone_encrypted": "",
                "phone_index": f"anonymized:{member.id}",
                "phone_suffix": "",
                "gender": Gender.UNKNOWN,
                "birthday": None,
                "anniversary": None,
                "email": "",
                "attributes": {},
                "marketing_consent": False,
                "consent_at": None,
                "status": MemberStatus.ANONYMIZED,
            }
        )
        await member.save()
        await MemberTag.filter(member_id=member.id).delete()
        await NoticePreference.filter(member_id=member.id).delete()
        await FollowUp.filter(member_id=member.id).update(notes="")
        await _erase_feedback(member.id)
        await Delivery.filter(member_id=member.id).update(params={}, subject="", body="")
        await audit.record(actor, "member.anonymize", "Member", member.id, before, {**snapshot(member), "reason": why})
    return await Member.get(id=member.id).select_related("home_store")
