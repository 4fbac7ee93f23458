from __future__ import annotations

import pytest

from server.core.errors import DomainError, ErrorCode
from server.member.masking import mask_email, mask_phone
from server.member.phone import normalize_phone


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("+447911123456", "+447911123456"),
        ("+1 (415) 555-2671", "+14155552671"),
    ],
)
def test_valid_phones_normalize_to_one_canonical_form(raw: str, canonical: str) -> None:
    assert normalize_phone(raw) == canonical


@pytest.mark.parametrize(
    "raw",
    ["", "12345678901", "1381234567", "138123456789", "+86123", "+8612345678901", "phone", "+0123456789", "++8613812345678"],
)
def test_invalid_phones_are_rejected_with_invalid(raw: str) -> None:
    with pytest.raises(DomainError) as caught:
        normalize_phone(raw)
    assert caught.value.code is ErrorCode.INVALID
    assert caught.value.field == ["phone"]


def test_masking_hides_the_four_digits_before_the_last_four() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+447911123456") == "+4479****3456"


def test_masking_an_email_keeps_its_first_letter_and_domain() -> None:
    assert mask_email("zhang.san@example.com") == "z***@example.com"
