"""Coupon templates (HQ), issuing to members, and checking/using a coupon in a consume."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.core.text import clean_text
from server.coupon.models import Coupon, CouponKind, CouponStatus, CouponTemplate
from server.member.models import Member


@dataclass
class TemplateDraft:
    name: str
    kind: CouponKind
    value: int
    threshold: int = 0
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    valid_days: int | None = None
    store_ids: list[int] = field(default_factory=list)
    quantity: int | None = None
    per_member_limit: int = 1
    stackable: bool = False


def _check_template(draft: TemplateDraft) -> None:
    if draft.kind == CouponKind.CASH_OFF and draft.value <= 0:
        raise invalid("value", "A cash-off coupon takes a positive amount off.")
    if draft.kind == CouponKind.PERCENT_OFF and not 1 <= draft.value <= 99:
        raise invalid("value", "A percent-off coupon takes 1-99% off.")
    if draft.kind == CouponKind.GIFT and draft.value != 0:
        raise invalid("value", "A gift coupon has no value off.")
    if draft.threshold < 0:
        raise invalid("threshold", "The threshold can't be negative.")
    fixed = draft.valid_from is not None and draft.valid_to is not None
    if fixed == (draft.valid_days is not None):
        raise invalid("validDays", "Give either fixed dates (validFrom and validTo) or validDays.")
    if fixed and draft.valid_to <= draft.valid_from:  # type: ignore[operator]
        raise invalid("validTo", "A coupon must end after it starts.")
    if draft.valid_days is not None and not 1 <= draft.valid_days <= 3660:
        raise invalid("validDays", "Between 1 and 3660 days.")
    if draft.quantity is not None and draft.quantity < 1:
        raise invalid("quantity", "The quantity must be positive.")
    if not 1 <= draft.per_member_limit <= 100:
        raise invalid("perMemberLimit", "Between 1 and 100 per member.")


async def create_template(actor: Actor | None, draft: TemplateDraft) -> CouponTemplate:
    require(actor, Permission.MANAGE_PROGRAM)
    draft.name = clean_text(draft.name, "name", max_length=50, required=True)
    _check_template(draft)
    async with in_transaction():
        template = await CouponTemplate.create(**draft.__dict__)
        await audit.record(actor, "coupon_template.create", "CouponTemplate", template.id, None, {"name": draft.name})
    return template


def _new_code() -> str:
    return "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12))


async def issue(actor: Actor | None, template_id: int, member_ids: list[int]) -> list[Coupon]:
    """Issues one coupon to each member; refused whole if the quantity or a member's limit is reached."""
    require(actor, Permission.MANAGE_PROGRAM)
    if not 1 <= len(member_ids) <= 10_000:
        raise invalid("memberIds", "Issue to 1-10000 members at a time.")
    template = await issuable_template(template_id)
    if await Member.filter(id__in=member_ids).count() != len(set(member_ids)):
        raise not_found("Member", "memberIds")
    async with in_transaction():
        coupons = await grant(template, member_ids)
        await audit.record(
            actor, "coupon.issue", "CouponTemplate", template.id, None, {"count": len(coupons), "member_ids": member_ids[:50]}
        )
    return coupons


async def issuable_template(template_id: int, field: str = "templateId") -> CouponTemplate:
    template = await CouponTemplate.get_or_none(id=template_id, is_active=True)
    if template is None:
        raise not_found("Coupon template", field)
    return template


async def grant(
    template: CouponTemplate, member_ids: list[int], *, template_field: str = "templateId", member_field: str = "memberIds"
) -> list[Coupon]:
    """Creates the coupons inside the caller's transaction, which has authorized and audits the issue
    (`issue` for HQ; a points redemption at the till buys one without HQ's permission)."""
    at = now()
    valid_from = template.valid_from or at
    valid_to = template.valid_to or at + timedelta(days=template.valid_days or 0)
    claimed = CouponTemplate.filter(id=template.id)
    if template.quantity is not None:
        claimed = claimed.filter(issued_count__lte=template.quantity - len(member_ids))
    if await claimed.update(issued_count=F("issued_count") + len(member_ids)) != 1:
        raise invalid(template_field, "Not enough coupons left to issue.")
    for member_id in set(member_ids):
        held = await Coupon.filter(template_id=template.id, member_id=member_id).count()
        if held + member_ids.count(member_id) > template.per_member_limit:
            raise invalid(member_field, "A member would exceed this coupon's per-member limit.")
    return [
        await Coupon.create(code=_new_code(), template_id=template.id, member_id=m, valid_from=valid_from, valid_to=valid_to)
        for m in member_ids
    ]


def _not_usable(reason: str) -> DomainError:
    return DomainError(ErrorCode.COUPON_NOT_USABLE, reason, "couponCode")


async def usable(code: str, member_id: int, store_id: int, at: datetime) -> Coupon:
    """The coupon if this member can use it at this store now; COUPON_NOT_USABLE says why not."""
    coupon = await Coupon.get_or_none(code=(code or "").strip().upper()).select_related("template")
    if coupon is None or coupon.member_id != member_id:
        raise _not_usable("No such coupon for this member.")
    if coupon.status != CouponStatus.ISSUED:
        raise _not_usable(f"The coupon is {CouponStatus(coupon.status).value.lower()}.")
    if at < coupon.valid_from:
        raise _not_usable("The coupon is not valid yet.")
    if at >= coupon.valid_to:
        raise _not_usable("The coupon has expired.")
    if coupon.template.store_ids and store_id not in coupon.template.store_ids:
        raise _not_usable("The coupon can't be used at this store.")
    return coupon


async def redeem(coupon_id: int, operation_id: int) -> None:
    """Marks the coupon used, inside the consume's transaction; a coupon spent concurrently loses."""
    used = await Coupon.filter(id=coupon_id, status=CouponStatus.ISSUED).update(
        status=CouponStatus.USED, used_at=now(), used_operation_id=operation_id
    )
    if used != 1:
        raise _not_usable("The coupon was just used.")


async def restore(operation_id: int) -> None:
    """A whole refund gives the coupon back (if still within its dates it can be used again)."""
    await Coupon.filter(used_operation_id=operation_id, status=CouponStatus.USED).update(
        status=CouponStatus.ISSUED, used_at=None, used_operation_id=None
    )


async def void(actor: Actor | None, code: str, reason: str | None = None) -> Coupon:
    require(actor, Permission.MANAGE_PROGRAM)
    coupon = await Coupon.get_or_none(code=(code or "").strip().upper())
    if coupon is None:
        raise not_found("Coupon", "code")
    async with in_transaction():
        if await Coupon.filter(id=coupon.id, status=CouponStatus.ISSUED).update(status=CouponStatus.VOID) != 1:
            raise _not_usable(f"The coupon is {CouponStatus(coupon.status).value.lower()}.")
        await audit.record(
            actor, "coupon.void", "Coupon", coupon.id, {"status": "ISSUED"}, {"status": "VOID", "reason": reason or ""}
        )
    coupon.status = CouponStatus.VOID
    return coupon


async def expire_due(at: datetime | None = None) -> int:
    """Marks issued coupons past their end date EXPIRED; safe to run any number of times."""
    return await Coupon.filter(status=CouponStatus.ISSUED, valid_to__lte=at or now()).update(status=CouponStatus.EXPIRED)
