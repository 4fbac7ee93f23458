"""The NUL guard's shortcut: a document is walked for NUL literals only when its text could hold one."""

from __future__ import annotations

from graphql import parse

from schema.core.guards import contains_nul

SOURCE = '{ memberLookup(memberNo: "M\\u0000") { id } }'


def test_a_literal_with_an_escaped_nul_is_found_by_walking_the_document() -> None:
    assert contains_nul(parse(SOURCE), {}, SOURCE)
    assert contains_nul(parse(SOURCE), {})


def test_a_text_without_escapes_or_the_character_is_not_walked() -> None:
    # the document given here disagrees with its text on purpose: only the text is looked at
    assert not contains_nul(parse(SOURCE), {}, '{ memberLookup(memberNo: "M") { id } }')


def test_variables_are_always_checked() -> None:
    assert contains_nul(parse("{ a }"), {"input": {"names": ["ok", "n\x00"]}}, "{ a }")
