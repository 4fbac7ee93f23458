"""The planning executor renders subscription events exactly as graphql-core's execution would,
without executing each field of each event."""

from __future__ import annotations

import enum
import gc
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import strawberry
from strawberry.permission import BasePermission
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.core.execution import TesseraExecutor


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Never(BasePermission):
    message = "Not for you."

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Inner:
    code: str
    amount: int | None
    colour: Colour

    @strawberry.field
    def shouted(self) -> str:
        return self.code.upper()


@strawberry.type
class Outer:
    name: str
    at: datetime
    inner: Inner | None
    must: str
    guarded: str | None = strawberry.field(default="hidden", permission_classes=[Never])

    @strawberry.field
    def failing(self) -> str | None:
        raise ValueError("the resolver broke")


def outer(name: str = "first", inner: Inner | None = None, must: Any = "here") -> Outer:
    return Outer(name=name, at=datetime(2026, 11, 24, 8, 30, tzinfo=UTC), inner=inner, must=must)


@dataclass
class Feed:
    events: list[Outer]


@strawberry.type
class Query:
    ping: str = "pong"


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def things(self, info: strawberry.Info) -> AsyncGenerator[Outer, None]:
        for event in info.context.events:
            yield event


def schema_with(executor: type[StrawberryGraphQLCoreExecutionContext]) -> strawberry.Schema:
    return strawberry.Schema(query=Query, subscription=Subscription, execution_context_class=executor)


async def stream(schema: strawberry.Schema, query: str, events: list[Outer], **variables: Any) -> list[Any]:
    results = await schema.subscribe(query, variable_values=variables, context_value=Feed(events))
    return [
        (result.data, [(e.message, e.path) for e in result.errors or ()])
        async for result in results  # type: ignore[union-attr]
    ]


@pytest.fixture
def field_executions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The fields graphql-core executed one by one, by name."""
    seen: list[str] = []
    execute_field = StrawberryGraphQLCoreExecutionContext.execute_field

    def counting(self: Any, parent_type: Any, source: Any, details: Any, path: Any, position: Any) -> Any:
        seen.append(path.key)
        return execute_field(self, parent_type, source, details, path, position)

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field", counting)
    return seen


SELECTION = """
subscription($withAt: Boolean!, $skipAmount: Boolean!) {
  things {
    __typename
    title: name
    at @include(if: $withAt)
    inner { ...InnerParts colour shouted }
    ... on Outer { must inner { code } }
  }
}
fragment InnerParts on Inner { code amount @skip(if: $skipAmount) }
"""

EVENTS = [
    outer("first", Inner(code="a1", amount=5, colour=Colour.RED)),
    outer("second", None),
    outer("third", Inner(code="b2", amount=None, colour=Colour.BLUE)),
]


@pytest.mark.parametrize("variables", [{"withAt": True, "skipAmount": False}, {"withAt": False, "skipAmount": True}])
async def test_events_render_as_graphql_core_renders_them(field_executions, variables):
    expected = await stream(schema_with(StrawberryGraphQLCoreExecutionContext), SELECTION, EVENTS, **variables)
    field_executions.clear()

    planned = await stream(schema_with(TesseraExecutor), SELECTION, EVENTS, **variables)

    assert planned == expected
    assert expected[0][0]["things"]["__typename"] == "Outer" and expected[1][0]["things"]["inner"] is None
    assert field_executions == []


async def test_a_null_for_a_non_null_field_is_reported_as_graphql_core_reports_it():
    events = [outer("ok"), outer("broken", must=None), outer("ok again")]
    query = "subscription { things { name must } }"

    expected = await stream(schema_with(StrawberryGraphQLCoreExecutionContext), query, events)
    planned = await stream(schema_with(TesseraExecutor), query, events)

    assert planned == expected
    assert expected[1] == (None, [("Cannot return null for non-nullable field Outer.must.", ["things", "must"])])
    assert expected[2][0] == {"things": {"name": "ok again", "must": "here"}}


@pytest.mark.parametrize(
    ("field", "error"), [("guarded", "Not for you."), ("failing", "the resolver broke")], ids=["permission", "raising"]
)
async def test_fields_with_permissions_or_failing_resolvers_keep_the_ordinary_execution(field_executions, field, error):
    query = f"subscription {{ things {{ name {field} }} }}"

    expected = await stream(schema_with(StrawberryGraphQLCoreExecutionContext), query, [outer()])
    field_executions.clear()
    planned = await stream(schema_with(TesseraExecutor), query, [outer()])

    assert planned == expected == [({"things": {"name": "first", field: None}}, [(error, ["things", field])])]
    assert field in field_executions


async def test_queries_run_as_ever(field_executions):
    result = await schema_with(TesseraExecutor).execute("{ ping }", root_value=Query())

    assert result.data == {"ping": "pong"} and field_executions == ["ping"]


@pytest.mark.parametrize("query", ["{ ping }", "subscription { things { name } }"])
async def test_an_execution_leaves_no_cyclic_garbage_behind(query):
    """graphql-core's executor referred to itself through its resolver helpers; left to the cyclic
    collector, each request's execution state forced frequent full collections."""
    schema = schema_with(TesseraExecutor)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        if query.startswith("subscription"):
            await stream(schema, query, [outer()])
        else:
            await schema.execute(query, root_value=Query())
        gc.collect()
        executors = [o for o in gc.garbage if isinstance(o, StrawberryGraphQLCoreExecutionContext)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()

    assert executors == []
