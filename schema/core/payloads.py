"""Payloads shared by several domains."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.core.errors import UserError


@strawberry.type(description="Result of a deletion.")
class DeletePayload:
    deleted_id: relay.GlobalID | None = strawberry.field(default=None, description="ID of what was deleted.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")
