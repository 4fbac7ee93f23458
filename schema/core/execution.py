"""strawberry's executor with three changes: subscription events rendered by a plan compiled once
per subscription, no reference cycle holding each request's execution state, and an API client's
field allowlist (`schema.core.permissions.AllowedFields`) on its requests only, so staff requests
and their subscription plans pay nothing for it.

graphql-core executes a subscription's operation afresh for every event: the root field collected,
and per field a resolve info, a path, a resolver call through strawberry's wrappers and a
completion. For a live event that was most of a delivery's cost, though the selection never
changes while the subscription lasts and the event's fields are plain data. So the first event of
a subscription compiles its selection set (graphql-core's own field collection: fragments,
aliases, @skip/@include with the operation's variables) into a plan of getters and serializers,
and every event is rendered by the plan, without executing a field. (The root field's per-event
resolver is strawberry's identity: the event is the root field's value.) A subscription's source
stream may take the plan (`planned`) and send the events it renders itself, skipping the rest of
the per-event trip (schema/live/subscriptions.py).

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

Both changes lean on graphql-core 3.3's executor (`execute_operation(False)` per event, its
`collect_subfields`, `build_response`, `finish`, `async_helpers`), so pyproject pins graphql-core;
the tests compare this executor with strawberry's own and would show a change of behaviour.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLObjectType,
    GraphQLResolveInfoHelpers,
    MiddlewareManager,
    OperationType,
    is_leaf_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList, collect_fields
from graphql.pyutils import Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

from schema.core.permissions import AllowedFields

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


# A subscription's source stream may ask for its plan: it sets an empty list here, in its task,
# and the executor adds (the root field's response key, the plan) once it has compiled one.
planned: ContextVar[list[tuple[str, Plan]] | None] = ContextVar("planned", default=None)


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
        # Compiled on the first event (empty until then) and shared with the per-event copies
        # graphql-core makes of this executor, which are shallow copies.
        self._root_plan: list[tuple[str, Plan] | None] = []
        allowed = getattr(getattr(self.context_value, "actor", None), "allowed_fields", None)
        if allowed is not None:
            outer = self.middleware_manager.middlewares if self.middleware_manager is not None else ()
            self.middleware_manager = MiddlewareManager(AllowedFields(allowed), *(outer or ()))

    def execute_operation(self, serially: bool | None = None) -> Any:
        """A subscription event (graphql-core executes each with `serially=False`) is rendered by
        the subscription's plan, when it has one and the event renders."""
        if serially is False and self.operation.operation is OperationType.SUBSCRIPTION and self.abort_signal is None:
            if not self._root_plan:
                self._root_plan.append(self._compile_root())
                asked = planned.get()
                if asked is not None and self._root_plan[0] is not None:
                    asked.append(self._root_plan[0])
            root = self._root_plan[0]
            if root is not None:
                key, plan = root
                try:
                    data = {key: plan.render(self.root_value)}
                except Exception:  # noqa: BLE001 - the ordinary execution reports it properly
                    pass
                else:
                    return self.finish(self.build_response(data))
        return super().execute_operation(serially)

    def _compile_root(self) -> tuple[str, Plan] | None:
        """The subscription's one root field, whose per-event resolver strawberry makes the
        identity (the event is the field's value), and the plan for the event's type."""
        root_type = self.schema.subscription_type
        if root_type is None:
            return None
        grouped, defer_usages, _forbidden = collect_fields(
            self.schema, self.fragments, self.variable_values, root_type, self.operation, self.hide_suggestions
        )
        if defer_usages or len(grouped) != 1:
            return None
        [(key, details)] = grouped.items()
        field_def = self.schema.get_field(root_type, details[0].node.name.value)
        if field_def is None or not is_non_null_type(field_def.type) or not is_object_type(field_def.type.of_type):  # type: ignore[union-attr]
            return None
        plan = self._compile(field_def.type.of_type, details)  # type: ignore[union-attr]
        return (key, plan) if plan is not None else None

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
        return Plan(object_type.is_type_of, tuple(entries))
