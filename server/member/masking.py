"""How personal data looks to viewers (and audit entries) that may not see it whole."""

from __future__ import annotations

from datetime import date


def mask_phone(phone: str) -> str:
    """Hides the four digits before the last four: 13812345678 → 138****5678."""
    if len(phone) < 8:
        return "****"
    return f"{phone[:-8]}****{phone[-4:]}"


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else ""


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1)


def mask_date(value: date | None) -> str | None:
    return f"****-{value:%m-%d}" if value else None
