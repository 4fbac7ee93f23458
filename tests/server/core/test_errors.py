from __future__ import annotations

from server.core.errors import DomainError, ErrorCode, ErrorReason


def test_a_reason_travels_with_the_code_into_a_request_errors_extensions():
    with_reason = DomainError(ErrorCode.COUPON_NOT_USABLE, "The coupon has expired.", "couponCode", reason=ErrorReason.COUPON_EXPIRED)
    without = DomainError(ErrorCode.INVALID, "The amount must be more than 0.00.", "amount")

    assert with_reason.extensions == {"code": "COUPON_NOT_USABLE", "reason": "COUPON_EXPIRED"}
    assert without.extensions == {"code": "INVALID"}
