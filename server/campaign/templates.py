"""Message templates with member variables: `{name}`, `{memberNo}`, `{store}`, `{tier}`.

Substitution is safe by construction: only these names exist, each maps to one column, and
the text is filled in by SQL `REPLACE` during fan-out (no format strings, no expressions). Any
other `{…}`, or a stray brace, is INVALID when the campaign is saved. The member's own name is
substituted last, so text a member typed into their name is never read as a variable.
"""

from __future__ import annotations

import re

from server.core.errors import invalid
from server.core.sql import Sql, sql

VARIABLES: dict[str, str] = {
    "memberNo": "m.member_no",
    "store": "s.name",
    "tier": "COALESCE(t.name, '')",
    "name": "m.name",
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def check_template(text: str, field: str) -> str:
    """The template if every `{…}` names a variable; INVALID naming the first that doesn't."""
    for found in _PLACEHOLDER.findall(text):
        if found not in VARIABLES:
            known = ", ".join(f"{{{v}}}" for v in VARIABLES)
            raise invalid(field, f"Unknown variable {{{found}}}: use {known}.")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise invalid(field, "A brace must enclose a variable, like {name}.")
    return text


def rendered(text: str) -> Sql:
    """SQL for `text` with each member's values in, over `member m`, `store s` and `tier t`."""
    expression = sql("?", text)
    for name, column in VARIABLES.items():
        expression = sql("REPLACE(") + expression + sql(f", '{{{name}}}', {column})")
    return expression

