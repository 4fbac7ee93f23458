"""strawberry's executor with two changes: subscription events rendered by a plan compiled once
per subscription, and no reference cycle holding each request's execution state.

graphql-core executes a subscription's selection afresh for every event: per field a resolve info,
a path, a resolver call through strawberry's wrappers and a completion. For a live event that is
most of a delivery's cost, though the selection never changes while the subscription lasts and
the event's fields are plain data. So the first event of a subscription compiles its selection
set (graphql-core's own field collection: fragments, aliases, @skip/@include with the operation's
variables) into a plan of getters and serializers, and later events run the plan.

A plan is made only where it gives the same answer as graphql-core: every field in it is an
attribute, or a method taking only `self`, with no arguments, no field extensions (permissions are
extensions) and no resolve middleware; leaves are completed by their type's own `serialize`;
objects are concrete types checked with their own `is_type_of`. Anything else (lists, abstract
types, @defer) keeps the ordinary execution. When running a plan meets anything graphql-core would
report as an error (a null for a non-null field, a resolver or serializer raising, a value of the
wrong type), the event is executed the ordinary way instead, so errors look exactly as they would.

graphql-core's executor keeps its resolver helpers as bound methods of itself: a reference cycle,
so the executor and everything it holds (the context with its loaders, the variables, the collected
fields: ~90 objects per request) outlived the request until the cyclic garbage collector found
them. That garbage promoted objects into the oldest generation fast enough to force a full
collection every few seconds, and with a thousand live connections in the heap each one paused
the event loop for 100-250 ms. The helpers here hold the executor weakly.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLResolveInfoHelpers,
    OperationType,
    is_leaf_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

Getter = Callable[[Any], Any]


class Unplanned(Exception):
    """Running a plan met something only the ordinary execution reports faithfully."""


@dataclass(frozen=True)
class Entry:
    key: str
    get: Getter
    non_null: bool
    complete: Callable[[Any], Any]


@dataclass(frozen=True)
class Plan:
    """How to render one object type for one selection set."""

    type_name: str
    is_type_of: Callable[[Any, Any], Any] | None
    entries: tuple[Entry, ...]

    def render(self, source: Any) -> dict[str, Any]:
        if self.is_type_of is not None and not self.is_type_of(source, None):
            raise Unplanned
        rendered: dict[str, Any] = {}
        for entry in self.entries:
            value = entry.get(source)
            if value is None:
                if entry.non_null:
                    raise Unplanned
                rendered[entry.key] = None
            else:
                rendered[entry.key] = entry.complete(value)
        return rendered


def _serializer(serialize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def complete(value: Any) -> Any:
        serialized = serialize(value)
        if serialized is None or serialized is Undefined:
            raise Unplanned
        return serialized

    return complete


def _alive(executor: weakref.ref[TesseraExecutor]) -> TesseraExecutor:
    """The executor a helper serves: alive for as long as its execution runs and can call it."""
    alive = executor()
    assert alive is not None
    return alive


def _getter(field: Any) -> Getter | None:
    """How a plan reads the field from its source, when that is all strawberry would do."""
    if not isinstance(field, StrawberryField) or field.extensions:
        return None
    resolver = field.base_resolver
    if resolver is None:
        name = field.python_name
        return lambda source: getattr(source, name)
    plain = (
        not resolver.is_async
        and not resolver.arguments
        and resolver.self_parameter is not None
        and set(resolver.reserved_parameters.values()) - {None} == {resolver.self_parameter}
    )
    return (lambda source: resolver(source)) if plain else None


class TesseraExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's executor, rendering a subscription's events by its compiled plan, with its
    resolver helpers holding it weakly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        executor = weakref.ref(self)

        def gather(values: Sequence[Awaitable[Any]]) -> Awaitable[list[Any]]:
            return _alive(executor).gather_async_work(values)

        def track(values: Sequence[Any]) -> None:
            _alive(executor).track_async_work(values)

        self.async_helpers = GraphQLResolveInfoHelpers(gather=gather, track=track)
        # Shared with the per-event copies graphql-core makes of this executor (shallow copies).
        self._plans: dict[tuple[str, tuple[str | int, ...]], Plan | None] = {}

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        if self.operation.operation is OperationType.SUBSCRIPTION and path.prev is None:
            key = (return_type.name, tuple(path.as_list()))
            if key not in self._plans:
                self._plans[key] = self._compile(return_type, field_details_list)
            plan = self._plans[key]
            if plan is not None:
                try:
                    return plan.render(result)
                except Exception:  # noqa: BLE001 - the ordinary execution reports it properly
                    pass
        return super().complete_object_value(return_type, field_details_list, info, path, result, position_context)

    def _compile(self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList) -> Plan | None:
        if self.middleware_manager is not None and self.middleware_manager.middlewares:
            return None
        grouped, defer_usages, _forbidden = self.collect_subfields(object_type, field_details_list)
        if defer_usages:
            return None
        entries: list[Entry] = []
        for key, details in grouped.items():
            node = details[0].node
            if node.name.value == "__typename":
                type_name = object_type.name
                entries.append(Entry(key, lambda _source, name=type_name: name, True, lambda name: name))
                continue
            field_def = self.schema.get_field(object_type, node.name.value)
            if field_def is None:
                continue
            if field_def.args or node.arguments:
                return None
            get = _getter((field_def.extensions or {}).get("strawberry-definition"))
            if get is None:
                return None
            non_null = is_non_null_type(field_def.type)
            named: Any = field_def.type.of_type if non_null else field_def.type  # type: ignore[union-attr]
            if is_leaf_type(named):
                complete = _serializer(named.serialize)
            elif is_object_type(named):
                nested = self._compile(named, details)
                if nested is None:
                    return None
                complete = nested.render
            else:
                return None
            entries.append(Entry(key, get, non_null, complete))
        return Plan(object_type.name, object_type.is_type_of, tuple(entries))
