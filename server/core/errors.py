"""Domain errors: expected failures carried as data to API payloads.

    DomainError(code, message, field, reason=None)
      raised by services; the API turns it into a `UserError` in the mutation payload.

Codes and reasons are a contract with partner apps (SPEC §5); add, never rename. A reason says
why in more detail than its code where a till must tell the member (which of a coupon's
conditions failed, what state a card is in); the message says the same in English for people.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum


class ErrorCode(str, Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    DUPLICATE_PHONE = "DUPLICATE_PHONE"
    DUPLICATE = "DUPLICATE"
    ACCOUNT_LOCKED = "ACCOUNT_LOCKED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE"
    INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS"
    CARD_NOT_ACTIVE = "CARD_NOT_ACTIVE"
    COUPON_NOT_USABLE = "COUPON_NOT_USABLE"
    IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    AUTOMATIC_TAG = "AUTOMATIC_TAG"
    RATE_LIMITED = "RATE_LIMITED"


class ErrorReason(str, Enum):
    COUPON_UNKNOWN = "COUPON_UNKNOWN"
    COUPON_OTHER_MEMBER = "COUPON_OTHER_MEMBER"
    COUPON_USED = "COUPON_USED"
    COUPON_VOID = "COUPON_VOID"
    COUPON_EXPIRED = "COUPON_EXPIRED"
    COUPON_NOT_YET_VALID = "COUPON_NOT_YET_VALID"
    COUPON_WRONG_STORE = "COUPON_WRONG_STORE"
    COUPON_BELOW_THRESHOLD = "COUPON_BELOW_THRESHOLD"
    CARD_LOST = "CARD_LOST"
    CARD_FROZEN = "CARD_FROZEN"
    CARD_CANCELLED = "CARD_CANCELLED"
    PARENT_CARD_LOST = "PARENT_CARD_LOST"
    PARENT_CARD_FROZEN = "PARENT_CARD_FROZEN"
    PARENT_CARD_CANCELLED = "PARENT_CARD_CANCELLED"
    CARD_NO_STORED_VALUE = "CARD_NO_STORED_VALUE"
    CARD_IS_SUBSIDIARY = "CARD_IS_SUBSIDIARY"
    MEMBER_NOT_ACTIVE = "MEMBER_NOT_ACTIVE"
    MEMBER_HAS_OPEN_CARDS = "MEMBER_HAS_OPEN_CARDS"
    MEMBER_HOLDS_POINTS = "MEMBER_HOLDS_POINTS"


class DomainError(Exception):
    """An expected failure with a stable code, the field it concerns (a path), a human message and,
    where the code alone doesn't say enough, a stable reason."""

    def __init__(
        self, code: ErrorCode, message: str, field: Sequence[str] | str | None = None, *, reason: ErrorReason | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason
        if isinstance(field, str):
            field = [field]
        self.field: list[str] | None = list(field) if field else None

    @property
    def extensions(self) -> dict[str, str]:
        """Metadata a transport attaches to the error (GraphQL copies it into `extensions`)."""
        return {"code": self.code.value, **({"reason": self.reason.value} if self.reason else {})}


def invalid(field: str, message: str) -> DomainError:
    return DomainError(ErrorCode.INVALID, message, field)


def not_found(what: str, field: str | None = None) -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, f"{what} not found.", field)


def permission_denied(message: str = "You are not permitted to do this.", field: str | None = None) -> DomainError:
    return DomainError(ErrorCode.PERMISSION_DENIED, message, field)
