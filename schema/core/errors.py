"""How failures reach clients.

    UserError            an expected failure in a mutation payload (`errors: [UserError!]!`)
    DomainError          raised in a query resolver: null + an error entry carrying `code`
    expected_error()     whether an error may be shown as-is; everything else is masked and logged
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from server.core.errors import DomainError
from server.core.errors import ErrorCode as DomainErrorCode

ErrorCode = strawberry.enum(DomainErrorCode, name="ErrorCode", description="Why an operation failed.")


@strawberry.type(description="An expected failure of a mutation, with the input field it concerns.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path to the input field at fault, if any.")
    code: ErrorCode = strawberry.field(description="Stable machine-readable reason.")
    message: str = strawberry.field(description="Human-readable explanation.")

    @classmethod
    def from_domain(cls, error: DomainError) -> UserError:
        return cls(field=error.field, code=error.code, message=error.message)


def expected_error(error: GraphQLError) -> bool:
    """Validation errors (no original error) and coded errors are the client's business."""
    original = error.original_error
    return original is None or isinstance(original, DomainError) or "code" in (error.extensions or {})


def should_mask(error: GraphQLError) -> bool:
    return not expected_error(error)
