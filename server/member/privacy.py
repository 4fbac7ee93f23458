"""A member's deletion right (PIPL art. 47, GDPR art. 17): anonymizing erases who the member was
and keeps what the chain must keep.

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

from typing import Any

from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.audit.models import AuditEntry
from server.card.models import Card, CardStatus
from server.care.models import Feedback, FeedbackEvent, FollowUp
from server.core.errors import invalid
from server.core.text import clean_text
from server.delivery.models import Delivery
from server.ledger.accounts import member_points
from server.ledger.models import Account
from server.member.models import Gender, Member, MemberStatus
from server.member.services import get_member_in_scope, snapshot
from server.notices.models import NoticePreference
from server.tag.models import MemberTag

ANONYMIZED_NAME = "已注销会员"
ERASED = "—"


async def _check_nothing_owed(member: Member) -> None:
    if await Card.filter(member_id=member.id).exclude(status=CardStatus.CANCELLED).exists():
        raise invalid("id", "Cancel the member's cards first (a card's stored value is paid back as it is cancelled).")
    points = await Account.get_or_none(key=member_points(member.id).key)
    if points is not None and points.balance:
        raise invalid("id", f"The member still holds {points.balance} points: adjust them to zero first.")


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
