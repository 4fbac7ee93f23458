"""How failures reach clients.

    UserError            an expected failure in a mutation payload (`errors: [UserError!]!`)
    DomainError          raised in a query resolver: null + an error entry carrying `code`
    input errors         values GraphQL could not convert (an undecodable global ID): coded INVALID
    expected_error()     whether an error may be shown as-is; everything else is masked and logged
    MaskUnexpected       the extension that masks the rest
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import MaskErrors
from strawberry.relay import GlobalIDValueError

from server.core.errors import DomainError
from server.core.errors import ErrorCode as DomainErrorCode
from server.core.errors import ErrorReason as DomainErrorReason

ErrorCode = strawberry.enum(DomainErrorCode, name="ErrorCode", description="Why an operation failed.")
ErrorReason = strawberry.enum(
    DomainErrorReason,
    name="ErrorReason",
    description="Why, in more detail than the code: which of a coupon's conditions failed, what state a card is in, what a card or member can't do.",
)


@strawberry.type(description="An expected failure of a mutation, with the input field it concerns.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path to the input field at fault, if any.")
    code: ErrorCode = strawberry.field(description="What failed: stable and machine-readable.")
    message: str = strawberry.field(description="Human-readable explanation (English).")
    reason: ErrorReason | None = strawberry.field(
        default=None,
        description="The detail behind `code` where a till must explain it (which coupon condition failed, what state a card is in, a card without stored value, an inactive member), in its own words.",
    )

    @classmethod
    def from_domain(cls, error: DomainError) -> UserError:
        return cls(field=error.field, code=error.code, message=error.message, reason=error.reason)


def is_input_error(error: GraphQLError) -> bool:
    """A client value strawberry could not convert: a malformed global ID, a node of an unknown type."""
    return isinstance(error.original_error, StrawberryInputCoercionError | GlobalIDValueError)


def code_input_error(error: GraphQLError) -> None:
    """Gives an input error the same `code` a domain validation error carries."""
    if is_input_error(error):
        error.extensions = {**(error.extensions or {}), "code": DomainErrorCode.INVALID.value}


def expected_error(error: GraphQLError) -> bool:
    """Errors of the client's making are shown as they are: GraphQL's own request errors (parse,
    validation, variable coercion: no original error, or a GraphQLError and no field path), coded
    errors (domain errors, permission classes) and input errors. Anything else is a bug — including
    a GraphQLError graphql-core raises while executing a field, such as an unresolvable abstract type."""
    original = error.original_error
    if original is None or isinstance(original, DomainError) or is_input_error(error):
        return True
    return isinstance(original, GraphQLError) and (error.path is None or "code" in (error.extensions or {}))


def should_mask(error: GraphQLError) -> bool:
    return not expected_error(error)


class MaskUnexpected(MaskErrors):
    """strawberry's MaskErrors with `should_mask`, and a plain attribute check for whether a result
    has errors: strawberry's own is an isinstance against a runtime-checkable Protocol (~11 µs),
    made for every subscription event."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask)

    def _process_result(self, result: object) -> None:
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]
