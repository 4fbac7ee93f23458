from __future__ import annotations

import pytest

from server.core.errors import DomainError, ErrorCode
from server.core.text import clean_code, clean_text


def test_text_is_trimmed_and_bounded() -> None:
    assert clean_text("  张三 ", "name", max_length=10) == "张三"
    with pytest.raises(DomainError) as caught:
        clean_text("x" * 11, "name", max_length=10)
    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["name"])


@pytest.mark.parametrize("text", ["a\x00b", "line\nbreak", "tab\there", "bell\x07"])
def test_control_characters_are_refused(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        clean_text(text, "name", max_length=50)
    assert caught.value.field == ["name"]


def test_required_text_must_not_be_blank() -> None:
    with pytest.raises(DomainError):
        clean_text("   ", "name", max_length=10, required=True)


def test_codes_are_upper_cased_identifiers() -> None:
    assert clean_code(" sh001 ") == "SH001"
    with pytest.raises(DomainError):
        clean_code("上海")
