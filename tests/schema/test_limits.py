"""Depth, alias, token and cost limits: each refuses the request with 400 and says why."""

from __future__ import annotations

import pytest
from graphql import get_introspection_query, parse

from schema.core.guards import operation_cost
from schema.root import MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_TOKENS, schema

DEPTH_ERROR = f"'anonymous' exceeds maximum operation depth of {MAX_DEPTH}"


def nested(levels: int) -> str:
    """`me` at depth 0, then `levels` nested fields: the innermost one sits at depth `levels`."""
    return "{ me { " + "region { " * (levels - 1) + "id" + " }" * levels + " }"


async def test_a_query_deeper_than_the_limit_is_400(api, org):
    hq = await api.login("hq.admin")

    body = await hq(nested(MAX_DEPTH + 1))

    assert hq.last_response.status_code == 400
    assert "data" not in body
    assert [e["message"] for e in body["errors"]].count(DEPTH_ERROR) == 1


async def test_a_query_at_the_depth_limit_passes_the_depth_check(api, org):
    hq = await api.login("hq.admin")

    body = await hq(nested(MAX_DEPTH))

    assert DEPTH_ERROR not in [e["message"] for e in body["errors"]]


async def test_more_aliases_than_the_limit_is_400(api, org):
    hq = await api.login("hq.admin")
    aliased = " ".join(f"a{i}: me {{ username }}" for i in range(MAX_ALIASES + 1))

    body = await hq("{ " + aliased + " }")

    assert hq.last_response.status_code == 400
    assert body == {"errors": [{"message": f"{MAX_ALIASES + 1} aliases found. Allowed: {MAX_ALIASES}"}]}


async def test_aliases_up_to_the_limit_are_served(api, org):
    hq = await api.login("hq.admin")
    aliased = " ".join(f"a{i}: me {{ username }}" for i in range(MAX_ALIASES))

    body = await hq("{ " + aliased + " }")

    assert hq.last_response.status_code == 200
    assert len(body["data"]) == MAX_ALIASES


async def test_more_tokens_than_the_limit_is_400(api, org):
    hq = await api.login("hq.admin")

    body = await hq("{ me { " + "username " * MAX_TOKENS + "} }")

    assert hq.last_response.status_code == 400
    assert "data" not in body
    assert [e["message"] for e in body["errors"]] == [
        f"Syntax Error: Document contains more than {MAX_TOKENS} tokens. Parsing aborted."
    ]


async def test_the_standard_introspection_query_is_served(api):
    body = await api(get_introspection_query(descriptions=True))

    assert api.last_response.status_code == 200
    assert body["data"]["__schema"]["queryType"] == {"name": "Query", "kind": "OBJECT"}


async def test_nested_introspection_lists_are_400(api):
    nested_lists = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"

    body = await api(nested_lists)

    assert api.last_response.status_code == 400
    assert [e["message"] for e in body["errors"]] == ["Maximum introspection depth exceeded"]


@pytest.mark.parametrize(
    ("query", "variables", "cost"),
    [
        pytest.param("{ me { username } }", {}, 2, id="a field and its selection"),
        pytest.param("{ __typename me { __typename username } }", {}, 2, id="__typename is free"),
        pytest.param("{ members(first: 10) { totalCount edges { node { name tags { name } } } } }", {}, 1 + 10 * (1 + (1 + (1 + 1 + 2))), id="literal page size"),
        pytest.param("query($n: Int) { members(first: $n) { edges { node { name } } } }", {"n": 50}, 1 + 50 * 3, id="page size from a variable"),
        pytest.param("{ members { edges { node { name } } } }", {}, 1 + 20 * 3, id="default page size"),
        pytest.param(
            "{ members(first: 5) { ...page } } fragment page on MemberConnection { edges { node { ... on Member { name } } } }",
            {},
            1 + 5 * 3,
            id="fragments count like inline selections",
        ),
    ],
)
def test_operation_cost_is_fields_times_requested_page_sizes(query, variables, cost):
    assert operation_cost(schema._schema, parse(query), None, variables) == cost


async def test_a_query_costing_more_than_the_limit_is_400_and_runs_nothing(api, org):
    hq = await api.login("hq.admin")

    body = await hq("query($n: Int) { members(first: $n) { edges { node { name } } } }", n=MAX_COST)

    assert hq.last_response.status_code == 400
    assert body == {
        "errors": [
            {
                "message": f"Query cost {1 + MAX_COST * 3} exceeds the limit of {MAX_COST} (each field costs 1, "
                "times the page sizes requested above it): ask for smaller pages or fewer fields."
            }
        ]
    }


async def test_the_same_query_with_a_small_page_is_served(api, org):
    hq = await api.login("hq.admin")
    query = "query($n: Int) { members(first: $n) { edges { node { name } } } }"
    await hq(query, n=MAX_COST)

    body = await hq(query, n=10)

    assert hq.last_response.status_code == 200
    assert body == {"data": {"members": {"edges": []}}}
