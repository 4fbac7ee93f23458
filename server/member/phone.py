"""Phone numbers: validation, one canonical form

Mainland mobile numbers are kept as their 11 digits (what staff type and see); any other number
must be E.164 (`+` country code, 8–15 digits). `+86` / `0086` prefixes on a mainland mobile are
dropped, so one person cannot register twice by writing the number two ways.
"""

from __future__ import annotations

import re

from server.core.errors import invalid

_MAINLAND = re.compile(r"1[3-9]\d{9}")
_E164 = re.compile(r"\+[1-9]\d{7,14}")
_SEPARATORS = re.compile(r"[\s\-().]")


def normalize_phone(raw: str, field: str = "phone") -> str:
    """Returns the canonical form or raises INVALID."""
    text = _SEPARATORS.sub("", raw or "")
    if text.startswith("0086"):
        text = "+86" + text[4:]
    if text.startswith("+86") and _MAINLAND.fullmatch(text[3:]):
        return text[3:]
    if _MAINLAND.fullmatch(text):
        return text
    if _E164.fullmatch(text) and not text.startswith("+86"):
        return text
    raise invalid(field, "Phone must be an 11-digit mainland mobile number or E.164 (+country code).")


def phone_suffix(phone: str) -> str:
    return phone[-4:]
