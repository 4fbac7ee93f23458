"""Validation of free-text input shared by every domain: trimmed, bounded, non-empty when required."""

from __future__ import annotations

import re
import unicodedata

from server.core.errors import invalid

_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,31}")


def clean_text(value: str | None, field: str, *, max_length: int, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise invalid(field, f"{field} is required.")
    if len(text) > max_length:
        raise invalid(field, f"{field} must be at most {max_length} characters.")
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise invalid(field, f"{field} can't contain control characters.")
    return text


def clean_multiline(value: str | None, field: str, *, max_length: int) -> str:
    """Free text that may span lines (notes, comments): like `clean_text`, but keeps line breaks;
    tabs become spaces."""
    text = (value or "").replace("\r\n", "\n").replace("\t", " ").strip()
    if len(text) > max_length:
        raise invalid(field, f"{field} must be at most {max_length} characters.")
    for line in text.split("\n"):
        clean_text(line, field, max_length=max_length)
    return text


def clean_code(value: str, field: str = "code") -> str:
    """Org codes (regions, stores) are short upper-case identifiers such as SH001."""
    code = (value or "").strip().upper()
    if not _CODE.fullmatch(code):
        raise invalid(field, "Codes are 1-32 letters, digits, '-' or '_'.")
    return code
