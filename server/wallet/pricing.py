"""The consume computation, as a pure function so a quote (`dryRun`) and a real payment can't
disagree: list price → tier discount → coupon → points offset → payment split → points earned.

All amounts are integer fen (points are integer points). Rounding always favours the member:
discounts round up, the price paid rounds down.

An order takes at most one coupon. A stackable coupon applies after the tier discount; one that
is not stackable replaces it (the order is priced at list price, then the coupon applies). Paying
part with points is a payment, not a discount, so it combines with either.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from server.card.models import DeductionOrder
from server.coupon.models import CouponKind
from server.core.errors import DomainError, ErrorCode, ErrorReason, invalid


class Payment(str, Enum):
    STORED_VALUE = "STORED_VALUE"
    EXTERNAL = "EXTERNAL"


@dataclass(frozen=True)
class CouponTerms:
    code: str
    kind: CouponKind
    value: int
    threshold: int
    stackable: bool


@dataclass(frozen=True)
class PriceInputs:
    list_price: int
    discount_percent: int = 100
    coupon: CouponTerms | None = None
    points_to_use: int = 0
    points_per_yuan_offset: int = 100
    points_balance: int = 0
    payment: Payment = Payment.STORED_VALUE
    principal: int = 0
    bonus: int = 0
    deduction_order: DeductionOrder = DeductionOrder.PRINCIPAL_FIRST
    earns_points: bool = True
    points_per_yuan: int = 1
    multiplier_pct: int = 100
    promotion_pct: int = 100


@dataclass(frozen=True)
class Breakdown:
    list_price: int
    tier_discount: int
    coupon_code: str | None
    coupon_discount: int
    points_used: int
    points_value: int
    payable: int
    payment: Payment
    paid_principal: int
    paid_bonus: int
    paid_external: int
    points_earned: int

    def as_dict(self) -> dict[str, object]:
        """Its fields, flat (every one is a scalar: `asdict`'s deep copy costs a payment more)."""
        return {**vars(self), "payment": self.payment.value}


def _coupon_discount(coupon: CouponTerms | None, subtotal: int) -> int:
    if coupon is None:
        return 0
    if subtotal < coupon.threshold:
        raise DomainError(
            ErrorCode.COUPON_NOT_USABLE,
            f"This coupon needs an order of at least {coupon.threshold / 100:.2f}.",
            "couponCode",
            reason=ErrorReason.COUPON_BELOW_THRESHOLD,
        )
    if coupon.kind == CouponKind.CASH_OFF:
        return min(coupon.value, subtotal)
    if coupon.kind == CouponKind.PERCENT_OFF:
        return -(-subtotal * coupon.value // 100)
    return 0


def _points_value(inputs: PriceInputs, due: int) -> int:
    points = inputs.points_to_use
    if points == 0:
        return 0
    if points < 0:
        raise invalid("pointsToUse", "Points to use can't be negative.")
    if points * 100 % inputs.points_per_yuan_offset:
        raise invalid("pointsToUse", f"Points are used in steps worth 0.01 ({inputs.points_per_yuan_offset} points = 1.00).")
    value = points * 100 // inputs.points_per_yuan_offset
    if value > due:
        raise invalid("pointsToUse", "These points are worth more than the amount due.")
    if points > inputs.points_balance:
        raise DomainError(ErrorCode.INSUFFICIENT_POINTS, "The member doesn't have enough points.", "pointsToUse")
    return value


def _split(inputs: PriceInputs, payable: int) -> tuple[int, int]:
    """(principal, bonus) taken from stored value in the card type's order."""
    principal, bonus = inputs.principal, inputs.bonus
    if payable > principal + bonus:
        raise DomainError(ErrorCode.INSUFFICIENT_BALANCE, "The card doesn't hold enough stored value.", "amount")
    if inputs.deduction_order == DeductionOrder.BONUS_FIRST:
        from_bonus = min(payable, bonus)
        return payable - from_bonus, from_bonus
    if inputs.deduction_order == DeductionOrder.PRO_RATA and payable:
        from_bonus = payable * bonus // (principal + bonus)
        return payable - from_bonus, from_bonus
    from_principal = min(payable, principal)
    return from_principal, payable - from_principal


def price(inputs: PriceInputs) -> Breakdown:
    if inputs.list_price <= 0:
        raise invalid("amount", "The amount must be more than 0.00.")
    stacks = inputs.coupon is None or inputs.coupon.stackable
    after_tier = inputs.list_price * (inputs.discount_percent if stacks else 100) // 100
    coupon_discount = _coupon_discount(inputs.coupon, after_tier)
    due = after_tier - coupon_discount
    points_value = _points_value(inputs, due)
    payable = due - points_value
    if inputs.payment == Payment.STORED_VALUE:
        principal, bonus = _split(inputs, payable)
        external = 0
    else:
        principal, bonus, external = 0, 0, payable
    earned = 0
    if inputs.earns_points:
        earned = payable * inputs.points_per_yuan * inputs.multiplier_pct * inputs.promotion_pct // (100 * 100 * 100)
    return Breakdown(
        list_price=inputs.list_price,
        tier_discount=inputs.list_price - after_tier,
        coupon_code=inputs.coupon.code if inputs.coupon else None,
        coupon_discount=coupon_discount,
        points_used=inputs.points_to_use,
        points_value=points_value,
        payable=payable,
        payment=inputs.payment,
        paid_principal=principal,
        paid_bonus=bonus,
        paid_external=external,
        points_earned=earned,
    )
