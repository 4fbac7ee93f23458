"""Coupon templates (HQ), issuing to members, and checking/using a coupon in a consume.

A coupon's life: ISSUED → USED (by a consume; a whole refund of that consume makes it ISSUED
again), ISSUED → VOID (HQ), ISSUED → EXPIRED (`expire_due`, run on a schedule). Until the sweep
runs, an issued coupon past its end date already counts as expired everywhere it is read.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tortoise.expressions import F, Q
from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, ErrorReason, invalid, not_found
from server.core.text import clean_text
from server.coupon.models import Coupon, CouponKind, CouponStatus, CouponTemplate
from server.member.models import Member, MemberStatus
from server.org.models import Store
from server.program.windows import check_window, iso

MAX_ISSUE = 10_000


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


def _check_template(draft: TemplateDraft, at: datetime) -> None:
    if draft.kind == CouponKind.CASH_OFF and draft.value <= 0:
        raise invalid("amountOff", "A cash-off coupon takes a positive amount off.")
    if draft.kind == CouponKind.PERCENT_OFF and not 1 <= draft.value <= 99:
        raise invalid("percentOff", "A percent-off coupon takes between 1% and 99% off.")
    if draft.kind == CouponKind.GIFT and draft.value != 0:
        raise invalid("value", "A gift coupon has no value off.")
    if draft.threshold < 0:
        raise invalid("threshold", "The threshold can't be negative.")
    fixed = draft.valid_from is not None and draft.valid_to is not None
    if fixed == (draft.valid_days is not None) or (draft.valid_from is None) != (draft.valid_to is None):
        raise invalid("validDays", "Give either fixed dates (validFrom and validTo) or validDays.")
    check_window(draft.valid_from, draft.valid_to, starts_field="validFrom", ends_field="validTo")
    if draft.valid_to is not None and draft.valid_to <= at:
        raise invalid("validTo", "The coupon's validity has already ended.")
    if draft.valid_days is not None and not 1 <= draft.valid_days <= 3660:
        raise invalid("validDays", "A coupon is valid for between 1 and 3660 days.")
    if draft.quantity is not None and not 1 <= draft.quantity <= 100_000_000:
        raise invalid("quantity", "The quantity must be between 1 and 100000000 coupons.")
    if not 1 <= draft.per_member_limit <= 100:
        raise invalid("perMemberLimit", "The limit per member must be between 1 and 100.")
    if len(draft.store_ids) > 1000:
        raise invalid("storeIds", "A coupon can be limited to at most 1000 stores.")


def _template_snapshot(template: CouponTemplate) -> dict[str, object]:
    return {
        "name": template.name,
        "kind": CouponKind(template.kind).value,
        "value": template.value,
        "threshold": template.threshold,
        "valid_from": iso(template.valid_from),
        "valid_to": iso(template.valid_to),
        "valid_days": template.valid_days,
        "store_ids": template.store_ids,
        "quantity": template.quantity,
        "per_member_limit": template.per_member_limit,
        "stackable": template.stackable,
    }


async def create_template(actor: Actor | None, draft: TemplateDraft) -> CouponTemplate:
    require(actor, Permission.MANAGE_PROGRAM)
    name = clean_text(draft.name, "name", max_length=50, required=True)
    _check_template(draft, now())
    store_ids = sorted(set(draft.store_ids))
    if await Store.filter(id__in=store_ids).count() != len(store_ids):
        raise not_found("Store", "storeIds")
    async with in_transaction():
        template = await CouponTemplate.create(**{**draft.__dict__, "name": name, "store_ids": store_ids})
        snapshot = _template_snapshot(template)
        await audit.record(actor, "coupon_template.create", "CouponTemplate", template.id, None, snapshot)
    return template


def templates_query(*, include_inactive: bool = False) -> QuerySet[CouponTemplate]:
    """Templates for the catalogue (newest first when paged)."""
    return CouponTemplate.all() if include_inactive else CouponTemplate.filter(is_active=True)


def _new_code() -> str:
    return "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12))


async def issue(actor: Actor | None, template_id: int, member_ids: list[int]) -> list[Coupon]:
    """Issues one coupon to each listed member (a member listed twice gets two), all or none:
    refused whole if a member is unknown or inactive, the template's quantity would run out or a
    member would hold more than the per-member limit."""
    require(actor, Permission.MANAGE_PROGRAM)
    if not 1 <= len(member_ids) <= MAX_ISSUE:
        raise invalid("memberIds", f"Coupons are issued to between 1 and {MAX_ISSUE} members at a time.")
    template = await issuable_template(template_id)
    if template.valid_to is not None and template.valid_to <= now():
        raise invalid("templateId", "This coupon template's coupons have expired.")
    statuses = dict(await Member.filter(id__in=list(set(member_ids))).values_list("id", "status"))
    for index, member_id in enumerate(member_ids):
        if member_id not in statuses:
            raise not_found("Member", ["memberIds", str(index)])
        if statuses[member_id] != MemberStatus.ACTIVE:
            raise DomainError(
                ErrorCode.INVALID, "Coupons are issued to active members only.", ["memberIds", str(index)]
            )
    async with in_transaction():
        coupons = await grant(template, member_ids)
        await audit.record(
            actor,
            "coupon.issue",
            "CouponTemplate",
            template.id,
            None,
            {"count": len(coupons), "member_ids": member_ids[:50]},
        )
    return coupons


async def issuable_template(template_id: int, field: str = "templateId") -> CouponTemplate:
    template = await CouponTemplate.get_or_none(id=template_id, is_active=True)
    if template is None:
        raise not_found("Coupon template", field)
    return template


async def grant(
    template: CouponTemplate,
    member_ids: list[int],
    *,
    template_field: str = "templateId",
    member_field: str = "memberIds",
) -> list[Coupon]:
    """Creates the coupons inside the caller's transaction, which has authorized and audits the issue
    (`issue` for HQ; a points redemption at the till buys one without HQ's permission).

    The guarded update of the template's count comes first: it takes the template's row lock, so
    concurrent grants of one template run one after the other and the per-member count read next
    already includes the coupons the previous grant committed."""
    at = now()
    valid_from = template.valid_from or at
    valid_to = template.valid_to or at + timedelta(days=template.valid_days or 0)
    claimed = CouponTemplate.filter(id=template.id)
    if template.quantity is not None:
        claimed = claimed.filter(issued_count__lte=template.quantity - len(member_ids))
    if await claimed.update(issued_count=F("issued_count") + len(member_ids)) != 1:
        left = await CouponTemplate.filter(id=template.id).first().values_list("issued_count", flat=True)
        remaining = max((template.quantity or 0) - int(left or 0), 0)
        raise invalid(
            template_field,
            f"Not enough coupons remain: {len(member_ids)} asked for, {remaining} left of {template.quantity}.",
        )
    wanted = Counter(member_ids)
    held = dict(
        await Coupon.filter(template_id=template.id, member_id__in=list(wanted))
        .annotate(n=Count("id"))
        .group_by("member_id")
        .values_list("member_id", "n")
    )
    over = sorted(m for m, n in wanted.items() if held.get(m, 0) + n > template.per_member_limit)
    if over:
        numbers = await Member.filter(id__in=over).order_by("member_no").values_list("member_no", flat=True)
        raise invalid(
            member_field,
            f"These members would hold more than {template.per_member_limit} of these coupons: {', '.join(numbers[:10])}"
            f"{' …' if len(numbers) > 10 else ''}.",
        )
    codes = [_new_code() for _ in member_ids]
    await Coupon.bulk_create(
        [
            Coupon(code=code, template_id=template.id, member_id=m, valid_from=valid_from, valid_to=valid_to)
            for code, m in zip(codes, member_ids, strict=True)
        ],
        batch_size=1000,
    )
    by_code = {c.code: c for c in await Coupon.filter(code__in=codes).select_related("template")}
    return [by_code[code] for code in codes]


def _not_usable(reason: ErrorReason, message: str) -> DomainError:
    return DomainError(ErrorCode.COUPON_NOT_USABLE, message, "couponCode", reason=reason)


_SPENT = {
    CouponStatus.USED: (ErrorReason.COUPON_USED, "The coupon has already been used."),
    CouponStatus.VOID: (ErrorReason.COUPON_VOID, "The coupon was voided."),
    CouponStatus.EXPIRED: (ErrorReason.COUPON_EXPIRED, "The coupon has expired."),
}


def _clean_code(code: str | None) -> str:
    return (code or "").strip().upper()


async def usable(code: str, member_id: int, store_id: int, at: datetime) -> Coupon:
    """The coupon if this member can use it at this store now; COUPON_NOT_USABLE says why not.
    (The order threshold is checked by the pricing, which knows the amount after tier discount.)"""
    coupon = await Coupon.get_or_none(code=_clean_code(code)).select_related("template")
    if coupon is None:
        raise _not_usable(ErrorReason.COUPON_UNKNOWN, "No coupon has this code.")
    if coupon.member_id != member_id:
        raise _not_usable(ErrorReason.COUPON_OTHER_MEMBER, "The coupon belongs to another member.")
    if coupon.status != CouponStatus.ISSUED:
        raise _not_usable(*_SPENT[CouponStatus(coupon.status)])
    if at < coupon.valid_from:
        raise _not_usable(
            ErrorReason.COUPON_NOT_YET_VALID, f"The coupon is not valid yet (from {coupon.valid_from.isoformat(timespec='seconds')})."
        )
    if at >= coupon.valid_to:
        raise _not_usable(ErrorReason.COUPON_EXPIRED, "The coupon has expired.")
    if coupon.template.store_ids and store_id not in coupon.template.store_ids:
        raise _not_usable(ErrorReason.COUPON_WRONG_STORE, "The coupon can't be used at this store.")
    return coupon


async def redeem(coupon_id: int, operation_id: int) -> None:
    """Marks the coupon used, inside the consume's transaction; a coupon spent concurrently loses."""
    used = await Coupon.filter(id=coupon_id, status=CouponStatus.ISSUED).update(
        status=CouponStatus.USED, used_at=now(), used_operation_id=operation_id
    )
    if used != 1:
        raise _not_usable(ErrorReason.COUPON_USED, "The coupon was used by another payment a moment ago.")


async def restore(operation_id: int) -> None:
    """A whole refund gives the coupon back (if still within its dates it can be used again)."""
    await Coupon.filter(used_operation_id=operation_id, status=CouponStatus.USED).update(
        status=CouponStatus.ISSUED, used_at=None, used_operation_id=None
    )


async def void(actor: Actor | None, code: str, reason: str | None = None) -> Coupon:
    """HQ withdraws an issued coupon for good; used, expired or void ones are refused."""
    require(actor, Permission.MANAGE_PROGRAM)
    reason = clean_text(reason, "reason", max_length=255)
    coupon = await Coupon.get_or_none(code=_clean_code(code))
    if coupon is None:
        raise not_found("Coupon", "code")
    async with in_transaction():
        if await Coupon.filter(id=coupon.id, status=CouponStatus.ISSUED).update(status=CouponStatus.VOID) != 1:
            current = await Coupon.get(id=coupon.id)
            status = CouponStatus(current.status).value.lower()
            raise invalid("code", f"Only issued coupons can be voided: this one is {status}.")
        await audit.record(
            actor, "coupon.void", "Coupon", coupon.id, {"status": "ISSUED"}, {"status": "VOID", "reason": reason}
        )
    coupon.status = CouponStatus.VOID
    return coupon


def effective_status(coupon: Coupon, at: datetime) -> CouponStatus:
    """The status a reader should see: an issued coupon past its end date is expired already."""
    status = CouponStatus(coupon.status)
    return CouponStatus.EXPIRED if status == CouponStatus.ISSUED and coupon.valid_to <= at else status


def member_coupons(member_id: int, status: CouponStatus | None, at: datetime) -> QuerySet[Coupon]:
    """A member's coupons, optionally of one effective status (see `effective_status`)."""
    query = Coupon.filter(member_id=member_id).select_related("template")
    if status == CouponStatus.ISSUED:
        return query.filter(status=CouponStatus.ISSUED, valid_to__gt=at)
    if status == CouponStatus.EXPIRED:
        return query.filter(Q(status=CouponStatus.EXPIRED) | Q(status=CouponStatus.ISSUED, valid_to__lte=at))
    return query.filter(status=status) if status is not None else query


async def expire_due(at: datetime | None = None) -> int:
    """Marks issued coupons past their end date EXPIRED; safe to run any number of times."""
    due = Coupon.filter(status=CouponStatus.ISSUED, valid_to__lte=at or now())
    return await due.update(status=CouponStatus.EXPIRED)
