"""Domain errors: expected failures carried as data to API payloads.

    DomainError(code, message, field)
      raised by services; the API turns it into a `UserError` in the mutation payload.

Codes are a contract with partner apps (SPEC §5); add, never rename.
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


class DomainError(Exception):
    """An expected failure with a stable code, the field it concerns (a path) and a human message."""

    def __init__(self, code: ErrorCode, message: str, field: Sequence[str] | str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        if isinstance(field, str):
            field = [field]
        self.field: list[str] | None = list(field) if field else None

    @property
    def extensions(self) -> dict[str, str]:
        """Metadata a transport attaches to the error (GraphQL copies it into `extensions`)."""
        return {"code": self.code.value}


def invalid(field: str, message: str) -> DomainError:
    return DomainError(ErrorCode.INVALID, message, field)


def not_found(what: str, field: str | None = None) -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, f"{what} not found.", field)


def permission_denied(message: str = "You are not permitted to do this.", field: str | None = None) -> DomainError:
    return DomainError(ErrorCode.PERMISSION_DENIED, message, field)
