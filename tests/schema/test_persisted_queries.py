"""Automatic persisted queries: a hash runs the document it names once the client has sent it;
an unknown hash, a wrong hash or another protocol version is a request error; the documents kept
are bounded."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from schema.core.persisted_queries import PersistedQueries, PersistedQueryRefused
from tests.conftest import Api, Org

QUERY = "{ me { username } }"


def persisted(document: str, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": hashlib.sha256(document.encode()).hexdigest()}}


async def post(api: Api, body: dict[str, Any], accept: str = "application/graphql-response+json") -> Any:
    headers = {"Authorization": f"Bearer {api.token}", "Accept": accept} if api.token else {"Accept": accept}
    return await api.client.post("/graphql", json=body, headers=headers)


async def test_an_unknown_hash_asks_for_the_document_then_the_hash_alone_runs_it(api: Api, org: Org) -> None:
    # given
    clerk = await api.login("sh001.clerk")

    # when
    first = await post(clerk, {"extensions": persisted(QUERY)})
    registered = await post(clerk, {"query": QUERY, "extensions": persisted(QUERY)})
    by_hash = await post(clerk, {"extensions": persisted(QUERY)})

    # then
    assert first.status_code == 400
    assert first.json() == {
        "errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    }
    assert registered.json() == by_hash.json() == {"data": {"me": {"username": "sh001.clerk"}}}


async def test_a_legacy_json_client_gets_the_refusal_with_200(api: Api, org: Org) -> None:
    # when
    response = await post(api, {"extensions": persisted(QUERY)}, accept="application/json")

    # then
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_persisted_query_runs_over_get_by_url(api: Api, org: Org) -> None:
    # given
    clerk = await api.login("sh001.clerk")
    await post(clerk, {"query": QUERY, "extensions": persisted(QUERY)})

    # when: a browser-like Accept must not be sent to GraphiQL
    response = await api.client.get(
        "/graphql",
        params={"extensions": json.dumps(persisted(QUERY))},
        headers={"Authorization": f"Bearer {clerk.token}", "Accept": "*/*"},
    )

    # then
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"username": "sh001.clerk"}}}


@pytest.mark.parametrize(
    ("extensions", "code", "message"),
    [
        (persisted("{ __typename }"), "INVALID", "The query's SHA-256 is not the `sha256Hash` sent with it."),
        (
            persisted(QUERY, version=2),
            "PERSISTED_QUERY_NOT_SUPPORTED",
            "Only version 1 of persisted queries is supported.",
        ),
        (
            {"persistedQuery": {"version": 1, "sha256Hash": "ABC"}},
            "INVALID",
            "`sha256Hash` must be 64 lower-case hex digits.",
        ),
    ],
)
async def test_bad_persisted_requests_are_refused_and_nothing_is_remembered(
    api: Api, org: Org, extensions: dict[str, Any], code: str, message: str
) -> None:
    # when
    refused = await post(api, {"query": QUERY, "extensions": extensions})
    by_hash = await post(api, {"extensions": extensions})

    # then
    assert refused.status_code == 400
    assert refused.json() == {"errors": [{"message": message, "extensions": {"code": code}}]}
    assert by_hash.json()["errors"][0]["extensions"]["code"] in {code, "PERSISTED_QUERY_NOT_FOUND"}


async def test_a_persisted_document_is_authorized_like_any_other(api: Api, org: Org) -> None:
    # given: HQ's query, persisted by HQ
    hq = await api.login("hq.admin")
    staff_query = "{ staffMembers { username } }"
    await post(hq, {"query": staff_query, "extensions": persisted(staff_query)})
    clerk = await api.login("sh001.clerk")

    # when
    response = await post(clerk, {"extensions": persisted(staff_query)})

    # then
    body = response.json()
    assert body["data"] == {"staffMembers": None}
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_the_least_recently_used_documents_go_first() -> None:
    # given
    queries = PersistedQueries(capacity=2)
    documents = ["{ a }", "{ b }", "{ c }"]
    for document in documents[:2]:
        queries.document(document, persisted(document))

    # when: "{ a }" is used again, then a third document comes
    assert queries.document(None, persisted("{ a }")) == "{ a }"
    queries.document(documents[2], persisted(documents[2]))

    # then
    assert queries.document(None, persisted("{ a }")) == "{ a }"
    assert queries.document(None, persisted("{ c }")) == "{ c }"
    with pytest.raises(PersistedQueryRefused):
        queries.document(None, persisted("{ b }"))


def test_a_request_without_the_extension_is_untouched() -> None:
    assert PersistedQueries().document(QUERY, {"tracing": True}) == QUERY
    assert PersistedQueries().document(None, None) is None
