"""Checks an operation must pass before any resolver runs, refused as request errors (no `data`,
HTTP 400). They run after validation, when the variables are known: a validation rule would be
cached per query text by `ValidationCache`, whatever the variables.

QueryCostLimiter — strawberry limits depth, aliases and tokens, but not how much work a query asks for:

    cost(field) = 1 + page × cost(its selections)

where `page` is the field's `first` (or `last`) argument — the literal, the variable's value, or
DEFAULT_PAGE when a paginated field omits it — and 1 for any other field. A page of 100 members with
a dozen fields each costs about 1,400; nesting a 100-row page inside every row of another costs
about 100 times more. `__typename` is free.

NulCharacterGuard — no text may contain U+0000: PostgreSQL cannot store it, and a NUL in any
argument (a login name, a filter, a lookup) would otherwise fail deep in the database as a bug.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    BREAK,
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
    Visitor,
    get_named_type,
    get_operation_ast,
    visit,
)
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionContext

from schema.core.pagination import DEFAULT_PAGE

PAGE_ARGUMENTS = ("first", "last")


class _Costing:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.variables = variables
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}

    def selections(self, parent: GraphQLNamedType | None, selection_set: SelectionSetNode | None) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(parent, selection)
            elif isinstance(selection, InlineFragmentNode):
                total += self.selections(self._condition(selection, parent), selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value in self.fragments:
                fragment = self.fragments[selection.name.value]
                total += self.selections(self._condition(fragment, parent), fragment.selection_set)
        return total

    def field(self, parent: GraphQLNamedType | None, node: FieldNode) -> int:
        if node.name.value == "__typename":
            return 0
        definition = _field_definition(parent, node.name.value)
        child = get_named_type(definition.type) if definition else None
        return 1 + self.page(definition, node) * self.selections(child, node.selection_set)

    def page(self, definition: GraphQLField | None, node: FieldNode) -> int:
        names = [name for name in PAGE_ARGUMENTS if definition and name in definition.args]
        if not names:
            return 1
        for argument in node.arguments or ():
            if argument.name.value not in names:
                continue
            value: Any = argument.value
            if isinstance(value, VariableNode):
                value = self.variables.get(value.name.value)
            elif isinstance(value, IntValueNode):
                value = int(value.value)
            if isinstance(value, int) and not isinstance(value, bool):
                return max(value, 1)
        return DEFAULT_PAGE

    def _condition(
        self, fragment: InlineFragmentNode | FragmentDefinitionNode, parent: GraphQLNamedType | None
    ) -> GraphQLNamedType | None:
        if fragment.type_condition is None:
            return parent
        return self.schema.get_type(fragment.type_condition.name.value)


def _field_definition(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    return None


def operation_cost(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None, variables: Mapping[str, Any]
) -> int:
    operation: OperationDefinitionNode | None = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    return _Costing(schema, document, variables).selections(root, operation.selection_set)


def refuse(context: ExecutionContext, message: str) -> None:
    """Answers the operation with a request error instead of executing it."""
    context.result = ExecutionResult(data=None, errors=[GraphQLError(message)])


class QueryCostLimiter(SchemaExtension):
    """Refuses operations whose cost exceeds `max_cost`."""

    def __init__(self, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        cost = operation_cost(
            context.schema._schema, context.graphql_document, context.operation_name, context.variables or {}
        )
        if cost > self.max_cost:
            refuse(
                context,
                f"Query cost {cost} exceeds the limit of {self.max_cost} "
                "(each field costs 1, times the page sizes requested above it): ask for smaller pages or fewer fields.",
            )
        yield


class _NulInLiterals(Visitor):
    found = False

    def enter_string_value(self, node: StringValueNode, *_: Any) -> Any:
        if "\x00" in node.value:
            self.found = True
            return BREAK
        return None


def _nul_in_values(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_nul_in_values(k) or _nul_in_values(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_nul_in_values(v) for v in value)
    return False


def contains_nul(document: DocumentNode, variables: Mapping[str, Any], source: str | None = None) -> bool:
    """Whether a string literal of `document` or a variable holds U+0000. A literal can only get one
    from its `source` text holding the character itself or a unicode escape (`\\u0000`, `\\u{0}`):
    without either the document is not walked (a payment's would be, every time, for nothing)."""
    if source is None or "\\u" in source or "\x00" in source:
        literals = _NulInLiterals()
        visit(document, literals)
        if literals.found:
            return True
    return _nul_in_values(dict(variables))


class NulCharacterGuard(SchemaExtension):
    """Refuses operations with a NUL character in any string literal or variable."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        if contains_nul(context.graphql_document, context.variables or {}, context.query):
            refuse(context, "Text must not contain the NUL character (U+0000).")
        yield
