"""GraphQL over HTTP (graphql.github.io/graphql-over-http): media types, status codes, methods, bodies."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from schema.http import MAX_BODY_BYTES, negotiate
from server.member.models import Member

GRAPHQL_RESPONSE = "application/graphql-response+json; charset=utf-8"
JSON = "application/json; charset=utf-8"
ME = "{ me { username } }"
CREATE = 'mutation { createMember(input: {name: "张三", phone: "13800138000"}) { errors { code } } }'


async def post(api: Any, body: Any = None, *, content: Any = None, **headers: str) -> httpx.Response:
    request_headers = {"content-type": "application/json", **headers}
    if body is not None:
        return await api.client.post("/graphql", json=body, headers=request_headers)
    return await api.client.post("/graphql", content=content, headers=request_headers)


async def test_a_client_accepting_graphql_response_json_gets_it(api, org):
    response = await post(api, {"query": "{ __typename }"}, accept="application/graphql-response+json")

    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_a_client_sending_no_accept_header_gets_graphql_response_json(api):
    request = api.client.build_request("POST", "/graphql", json={"query": "{ __typename }"})
    del request.headers["accept"]

    response = await api.client.send(request)

    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE


async def test_a_client_accepting_anything_gets_graphql_response_json(api):
    response = await post(api, {"query": "{ __typename }"}, accept="*/*")

    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE


async def test_a_client_accepting_only_json_gets_json(api):
    response = await post(api, {"query": "{ __typename }"}, accept="application/json")

    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/graphql-response+json; charset=utf-8, application/json; charset=utf-8", "application/graphql-response+json"),
        ("application/json, application/graphql-response+json", "application/graphql-response+json"),
        ("application/graphql-response+json;q=0.5, application/json", "application/json"),
        ("application/graphql-response+json;q=0, */*", "application/json"),
        ("application/*;q=0.2", "application/graphql-response+json"),
        ("text/html, application/json;q=0.9", "application/json"),
        ("text/html", None),
        ("application/json;q=0, application/graphql-response+json;q=0", None),
        ("application/xml", None),
    ],
)
def test_accept_weights_choose_the_response_media_type(accept, media_type):
    assert negotiate(accept) == media_type


async def test_an_unacceptable_accept_header_is_406(api):
    response = await post(api, {"query": "{ __typename }"}, accept="application/xml")

    assert response.status_code == 406
    assert response.text == "Accept application/graphql-response+json or application/json."


REQUEST_ERRORS = [
    pytest.param({"query": "{ me { "}, "Syntax Error: Expected Name, found <EOF>.", id="document does not parse"),
    pytest.param({"query": "{ nope }"}, "Cannot query field 'nope' on type 'Query'.", id="unknown field"),
    pytest.param(
        {"query": "query($n: Int) { members(first: $n) { totalCount } }", "variables": {"n": "ten"}},
        "Variable '$n' has invalid value: Int cannot represent non-integer value: 'ten'",
        id="variable of the wrong type",
    ),
    pytest.param(
        {"query": "query($n: Int!) { members(first: $n) { totalCount } }"},
        "Variable '$n' has invalid value: Expected a value of non-null type 'Int!' to be provided.",
        id="missing required variable",
    ),
    pytest.param(
        {"query": "query A { __typename } query B { __typename }", "operationName": "C"},
        'Unknown operation named "C".',
        id="unknown operation name",
    ),
]


@pytest.mark.parametrize(("body", "message"), REQUEST_ERRORS)
async def test_a_request_error_is_400_without_data_for_graphql_response_json(api, body, message):
    response = await post(api, body, accept="application/graphql-response+json")

    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    payload = response.json()
    assert "data" not in payload
    assert len(payload["errors"]) == 1
    assert payload["errors"][0]["message"].startswith(message)


@pytest.mark.parametrize(("body", "message"), REQUEST_ERRORS)
async def test_a_request_error_is_200_for_legacy_json_clients(api, body, message):
    response = await post(api, body, accept="application/json")

    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    payload = response.json()
    assert "data" not in payload
    assert len(payload["errors"]) == 1
    assert payload["errors"][0]["message"].startswith(message)


async def test_an_execution_error_is_200_with_data(api):
    response = await post(api, {"query": "{ members { totalCount } }"}, accept="application/graphql-response+json")

    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    payload = response.json()
    assert payload["data"] is None
    assert [(e["path"], e["extensions"]["code"]) for e in payload["errors"]] == [(["members"], "UNAUTHENTICATED")]


async def test_get_runs_a_query(api, org):
    hq = await api.login("hq.admin")

    response = await api.client.get(
        "/graphql", params={"query": ME}, headers={"authorization": f"Bearer {hq.token}"}
    )

    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert response.json() == {"data": {"me": {"username": "hq.admin"}}}


async def test_get_refuses_a_mutation_with_405_and_runs_nothing(api, org):
    hq = await api.login("hq.admin")

    response = await api.client.get(
        "/graphql", params={"query": CREATE}, headers={"authorization": f"Bearer {hq.token}"}
    )

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert await Member.all().count() == 0


async def test_a_browser_is_sent_to_the_consoles_bundled_graphiql(api):
    response = await api.client.get("/graphql", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})

    assert response.status_code == 302
    assert response.headers["location"] == "/admin/graphiql"
    assert "cdn" not in response.text.lower()


async def test_a_get_query_is_still_answered_as_graphql(api):
    response = await api.client.get("/graphql", params={"query": "{ __typename }"}, headers={"accept": "application/json"})

    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"{nope", id="not JSON"),
        pytest.param(b'{"query":', id="truncated"),
        pytest.param(b'"{ __typename }"', id="a JSON string"),
        pytest.param(b"null", id="JSON null"),
        pytest.param(b'{"query": "\xff\xfe"}', id="not UTF-8"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="absurdly nested"),
    ],
)
async def test_a_malformed_body_is_400(api, content):
    response = await post(api, content=content)

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"qeury": "{ __typename }"}, "No GraphQL query found in the request"),
        ({"query": "{ __typename }", "variables": [7]}, "The GraphQL operation's `variables` must be an object or null, if provided."),
        ({"query": "{ __typename }", "operationName": 5}, "The GraphQL operation's `operationName` must be a string or null."),
        ([{"query": "{ __typename }"}], "Batching is not enabled"),
    ],
)
async def test_a_request_with_invalid_parameters_is_400(api, body, reason):
    response = await post(api, body)

    assert response.status_code == 400
    assert response.text == reason


@pytest.mark.parametrize("content_type", ["text/plain", "application/graphql", "application/jsonx", None])
async def test_a_body_that_is_not_json_is_415(api, org, content_type):
    hq = await api.login("hq.admin")
    request = api.client.build_request(
        "POST", "/graphql", content=json.dumps({"query": CREATE}).encode(), headers={"authorization": f"Bearer {hq.token}"}
    )
    if content_type:
        request.headers["content-type"] = content_type

    response = await api.client.send(request)

    assert response.status_code == 415
    assert await Member.all().count() == 0


async def test_a_content_type_with_a_charset_is_json(api):
    response = await post(api, content=b'{"query": "{ __typename }"}', **{"content-type": "application/json; charset=utf-8"})

    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_a_body_declared_over_a_mebibyte_is_413(api):
    padding = " " * MAX_BODY_BYTES

    response = await post(api, {"query": "{ __typename }" + padding})

    assert response.status_code == 413


async def test_a_streamed_body_over_a_mebibyte_is_413(api):
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __typename }'
        for _ in range(MAX_BODY_BYTES // 65536 + 1):
            yield b" " * 65536
        yield b'"}'

    response = await post(api, content=chunks())

    assert response.status_code == 413


async def test_a_body_just_under_a_mebibyte_is_served(api):
    body = '{"query": "{ __typename }' + " " * (MAX_BODY_BYTES - 100) + '"}'

    response = await post(api, content=body.encode())

    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}
