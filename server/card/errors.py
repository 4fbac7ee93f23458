"""Card failures, with the codes partner apps rely on."""

from __future__ import annotations

from server.card.models import CardAction, CardStatus
from server.core.errors import DomainError, ErrorCode, ErrorReason

_REFUSALS: dict[CardAction, str] = {
    CardAction.REPORT_LOST: "The card can't be reported lost: it is {status}.",
    CardAction.CANCEL_LOSS: "The card isn't reported lost: it is {status}.",
    CardAction.FREEZE: "The card can't be frozen: it is {status}.",
    CardAction.UNFREEZE: "The card isn't frozen: it is {status}.",
    CardAction.REPLACE: "The card can't be replaced: it is {status}.",
    CardAction.CANCEL: "The card can't be cancelled: it is {status}.",
    CardAction.PIN_RESET: "The card's PIN can't be reset: it is {status}.",
}


_NOT_ACTIVE: dict[tuple[CardStatus, bool], ErrorReason] = {
    (CardStatus.LOST, False): ErrorReason.CARD_LOST,
    (CardStatus.FROZEN, False): ErrorReason.CARD_FROZEN,
    (CardStatus.CANCELLED, False): ErrorReason.CARD_CANCELLED,
    (CardStatus.LOST, True): ErrorReason.PARENT_CARD_LOST,
    (CardStatus.FROZEN, True): ErrorReason.PARENT_CARD_FROZEN,
    (CardStatus.CANCELLED, True): ErrorReason.PARENT_CARD_CANCELLED,
}


def card_not_active(status: CardStatus, field: str = "cardNo", *, parent: bool = False) -> DomainError:
    """A card (or, with `parent`, the card whose balance a subsidiary spends) that can't be used."""
    if parent:
        message = f"The parent card is {status.value.lower()}, so this card can't be used."
    else:
        message = f"The card is {status.value.lower()} and can't be used."
    return DomainError(ErrorCode.CARD_NOT_ACTIVE, message, field, reason=_NOT_ACTIVE[status, parent])


def no_stored_value(field: str = "cardNo", *, pay_externally: bool = False) -> DomainError:
    """A card whose type carries no stored value, asked to hold some or to pay with it."""
    message = "This card type does not carry stored value" + ("; pay externally." if pay_externally else ".")
    return DomainError(ErrorCode.INVALID, message, field, reason=ErrorReason.CARD_NO_STORED_VALUE)


def subsidiary_recharge() -> DomainError:
    """A recharge of a subsidiary card, whose money sits on its parent card."""
    return DomainError(
        ErrorCode.INVALID,
        "A subsidiary card spends its parent's balance: recharge the parent card.",
        "cardNo",
        reason=ErrorReason.CARD_IS_SUBSIDIARY,
    )


def illegal_transition(action: CardAction, status: CardStatus, target: CardStatus | None = None) -> DomainError:
    """`action` (leading to `target`) doesn't start from `status`, e.g. "The card can't be frozen:
    it is already frozen."."""
    state = f"already {status.value.lower()}" if status is target else status.value.lower()
    return DomainError(ErrorCode.INVALID, _REFUSALS[action].format(status=state), "cardNo")
