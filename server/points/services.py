"""Moving a member's points by hand: HQ's adjustments and redemptions at the till.

Each runs once per idempotency key (`server.ledger.operations`) in one short transaction that
inserts the operation, posts one transfer between the member's points and POINTS_ISSUED (the
guarded update on the member's account serializes everything touching their points), then
changes the lots and writes the audit entry. A domain error anywhere rolls all of it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.queryset import QuerySet

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.core.text import clean_text
from server.coupon import services as coupons
from server.ledger import accounts
from server.ledger.models import Account, Operation, OperationKind, TransferCode
from server.ledger.operations import Execute, Outcome, check_key, fingerprint, run_once
from server.ledger.posting import InsufficientFunds, Leg, post
from server.member.errors import member_not_active
from server.member.models import Member, MemberStatus
from server.member.services import get_member_in_scope
from server.points import lots
from server.points.models import PointsLot
from server.program import services as program
from server.wallet.stores import acting_store

MAX_POINTS = 10_000_000


def _check_points(points: int) -> None:
    if not 1 <= points <= MAX_POINTS:
        raise invalid("points", f"Points must be between 1 and {MAX_POINTS}.")


async def _member_in_scope(actor: Actor, member_id: int) -> Member:
    """The member if the actor may manage it, with errors naming the `memberId` input."""
    try:
        return await get_member_in_scope(actor, member_id)
    except DomainError as exc:
        raise DomainError(exc.code, exc.message, "memberId") from exc


async def _post_points(operation: Operation, leg: Leg) -> None:
    """Posts one points leg; a member short of points is INSUFFICIENT_POINTS on `points`."""
    try:
        await post(operation, [leg])
    except InsufficientFunds as exc:
        raise DomainError(ErrorCode.INSUFFICIENT_POINTS, exc.message, "points") from exc


@dataclass
class AdjustRequest:
    member_id: int
    points: int
    reason: str
    idempotency_key: str


async def adjust_points(actor: Actor | None, request: AdjustRequest) -> Outcome:
    """HQ corrects a member's points: a positive change adds a lot that expires like earned points,
    a negative one takes points soonest-expiring first and never below zero."""
    actor = require(actor, Permission.ADJUST)
    key = check_key(request.idempotency_key)
    print_ = fingerprint({"op": "points-adjust", "staff": actor.staff_id, **request.__dict__})
    return await run_once(key, print_, lambda: _adjustment(actor, request, key, print_))


async def _adjustment(actor: Actor, request: AdjustRequest, key: str, print_: str) -> Execute:
    """Checks the request and resolves the accounts outside the transaction; returns its body."""
    if request.points == 0:
        raise invalid("points", "An adjustment must change the points by at least 1.")
    _check_points(abs(request.points))
    reason = clean_text(request.reason, "reason", max_length=255, required=True)
    member = await _member_in_scope(actor, request.member_id)
    refs = [accounts.member_points(member.id), accounts.POINTS_ISSUED]
    acct = await accounts.resolve(refs)
    points, issued = (acct[r] for r in refs)
    expiry_months = (await program.settings()).points_expiry_months
    result: dict[str, Any] = {"points": request.points, "reason": reason}

    async def execute() -> Operation:
        operation = await Operation.create(
            kind=OperationKind.POINTS_ADJUST,
            idempotency_key=key,
            fingerprint=print_,
            member_id=member.id,
            staff_id=actor.staff_id,
            amount=abs(request.points),
            result=result,
        )
        if request.points > 0:
            await _credit(operation, Award(member.id, request.points, reason, points, issued, expiry_months))
        else:
            await _post_points(operation, Leg(points, issued, -request.points, TransferCode.POINTS_ADJUST))
            await lots.spend(member.id, -request.points, "points")
        after = int((await Account.get(id=points.id)).balance or 0)
        await audit.record(
            actor,
            "points.adjust",
            "Member",
            member.id,
            {"points": after - request.points},
            {"points": after, "operation_id": operation.id, "reason": reason},
        )
        return operation

    return execute


@dataclass(frozen=True)
class Award:
    """Points the programme gives a member (a tier's upgrade gift, a campaign's reward), with the
    accounts resolved before the transaction that posts them (`prepare_award`, then `post_award`
    inside it)."""

    member_id: int
    points: int
    reason: str
    account: Account
    issued: Account
    expiry_months: int


async def prepare_award(member_id: int, points: int, reason: str) -> Award:
    return (await prepare_awards([member_id], points, reason))[member_id]


async def prepare_awards(member_ids: list[int], points: int, reason: str) -> dict[int, Award]:
    """The same award for each member (a campaign's reward), their accounts resolved in one query
    (the missing ones created): by member."""
    _check_points(points)
    refs = {member_id: accounts.member_points(member_id) for member_id in member_ids}
    acct = await accounts.resolve([*refs.values(), accounts.POINTS_ISSUED])
    expiry_months = (await program.settings()).points_expiry_months
    issued = acct[accounts.POINTS_ISSUED]
    return {member_id: Award(member_id, points, reason, acct[ref], issued, expiry_months) for member_id, ref in refs.items()}


async def post_award(award: Award, key: str) -> Operation:
    """Inside the caller's transaction: an adjustment by nobody (the programme) under `key`, whose
    uniqueness makes the award once; it locks the member's points account, so call it before
    locking the member row (the order every payment takes)."""
    result: dict[str, Any] = {"points": award.points, "reason": award.reason}
    operation = await Operation.create(
        kind=OperationKind.POINTS_ADJUST,
        idempotency_key=key,
        fingerprint=fingerprint({"op": "points-award", "member_id": award.member_id, **result}),
        member_id=award.member_id,
        amount=award.points,
        result=result,
    )
    await _credit(operation, award)
    return operation


async def _credit(operation: Operation, award: Award) -> None:
    """Posts the points from POINTS_ISSUED to the member and adds their lot."""
    await _post_points(operation, Leg(award.issued, award.account, award.points, TransferCode.POINTS_ADJUST))
    await lots.earn(award.member_id, operation.id, award.points, award.expiry_months)


@dataclass
class RedeemRequest:
    member_id: int
    points: int
    idempotency_key: str
    gift: str | None = None
    coupon_template_id: int | None = None
    store_id: int | None = None


async def redeem_points(actor: Actor | None, request: RedeemRequest) -> Outcome:
    """A member spends points on a named gift or on one coupon of a template, at a store the
    actor may act at (a clerk's own); members of any store may redeem."""
    actor = require(actor)
    key = check_key(request.idempotency_key)
    print_ = fingerprint(
        {"op": "points-redeem", "staff": actor.staff_id, **request.__dict__, "store_id": request.store_id or actor.store_id}
    )
    return await run_once(key, print_, lambda: _redemption(actor, request, key, print_))


async def _redemption(actor: Actor, request: RedeemRequest, key: str, print_: str) -> Execute:
    """Checks the request and resolves the template and accounts outside the transaction; returns its body."""
    _check_points(request.points)
    gift = clean_text(request.gift, "gift", max_length=50)
    if bool(gift) == (request.coupon_template_id is not None):
        raise invalid("gift", "Redeem either a gift or a coupon template.")
    store = await acting_store(actor, request.store_id)
    member = await Member.get_or_none(id=request.member_id)
    if member is None:
        raise not_found("Member", "memberId")
    if member.status != MemberStatus.ACTIVE:
        raise member_not_active("memberId")
    template = None
    if request.coupon_template_id is not None:
        template = await coupons.issuable_template(request.coupon_template_id, "couponTemplateId")
        if template.valid_to is not None and template.valid_to <= now():
            raise invalid("couponTemplateId", "This coupon template's coupons have expired.")
    refs = [accounts.member_points(member.id), accounts.POINTS_ISSUED]
    acct = await accounts.resolve(refs)
    points, issued = (acct[r] for r in refs)

    async def execute() -> Operation:
        result: dict[str, Any] = {"points": request.points}
        if template is None:
            result["gift"] = gift
        operation = await Operation.create(
            kind=OperationKind.POINTS_REDEEM,
            idempotency_key=key,
            fingerprint=print_,
            member_id=member.id,
            store_id=store.id,
            staff_id=actor.staff_id,
            amount=request.points,
            result=result,
        )
        await _post_points(operation, Leg(points, issued, request.points, TransferCode.POINTS_REDEEM))
        await lots.spend(member.id, request.points, "points")
        if template is not None:
            (coupon,) = await coupons.grant(
                template, [member.id], template_field="couponTemplateId", member_field="couponTemplateId"
            )
            result.update(coupon_template_id=template.id, coupon_template=template.name, coupon_code=coupon.code)
            operation.result = result
            await operation.save(update_fields=["result"])
        await audit.record(actor, "points.redeem", "Member", member.id, None, {"operation_id": operation.id, **result})
        return operation

    return execute


async def lots_of(actor: Actor | None, member_id: int) -> QuerySet[PointsLot]:
    """A member's points lots, for staff who may manage the member; ordering and paging are the caller's."""
    member = await _member_in_scope(require(actor), member_id)
    return PointsLot.filter(member_id=member.id)
