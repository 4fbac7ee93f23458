from __future__ import annotations

from server.cli import SCHEMA_SDL_PATH, printed_schema


def test_committed_sdl_matches_the_schema_in_code() -> None:
    committed = SCHEMA_SDL_PATH.read_text(encoding="utf-8")
    assert committed == printed_schema(), (
        "schema/schema.graphql differs from the schema in code: run `tessera export-schema` and commit it."
    )
