"""Custom scalars. `Money` is a decimal string with two places at the API and integer fen inside."""

from __future__ import annotations

import re
from typing import NewType

import strawberry

from server.core.errors import invalid

_MONEY = re.compile(r"(0|[1-9]\d{0,12})(\.\d{1,2})?")


def money_to_string(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def money_to_fen(text: str) -> int:
    """Parses a non-negative amount with at most two decimals; anything else is INVALID."""
    if not isinstance(text, str) or not _MONEY.fullmatch(text):
        raise invalid("amount", "Amounts are non-negative decimal strings with at most 2 decimals, e.g. \"12.34\".")
    whole, _, cents = text.partition(".")
    return int(whole) * 100 + int((cents + "00")[:2])


Money = NewType("Money", int)

MONEY_SCALAR = strawberry.scalar(
    name="Money",
    description='An amount of money in yuan as a decimal string with two places, e.g. "12.34".',
    serialize=money_to_string,
    parse_value=money_to_fen,
)

SCALAR_MAP = {Money: MONEY_SCALAR}
