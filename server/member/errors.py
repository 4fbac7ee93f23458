"""Member failures, with the codes partner apps rely on."""

from __future__ import annotations

from server.core.errors import DomainError, ErrorCode, ErrorReason


def member_not_active(field: str) -> DomainError:
    """A deactivated or anonymized member, asked to pay, buy or take points."""
    return DomainError(ErrorCode.INVALID, "The member is not active.", field, reason=ErrorReason.MEMBER_NOT_ACTIVE)
