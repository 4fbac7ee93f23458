"""Card failures, with the codes partner apps rely on."""

from __future__ import annotations

from server.card.models import CardStatus
from server.core.errors import DomainError, ErrorCode


def card_not_active(status: CardStatus, field: str = "cardNo") -> DomainError:
    return DomainError(ErrorCode.CARD_NOT_ACTIVE, f"The card is {status.value.lower()}.", field)


def illegal_transition(action: str, status: CardStatus) -> DomainError:
    return DomainError(ErrorCode.INVALID, f"Can't {action} a card that is {status.value.lower()}.", "cardNo")
