"""Logging: JSON lines in production, console otherwise, a request id on every line, no raw phones."""

from __future__ import annotations

import io
import json
import logging

import pytest
import structlog
from strawberry.relay import GlobalID

from server.logging import MAX_REQUEST_ID, RequestIdMiddleware, configure_logging, request_id_from
from tests.logs import captured_logs

CREATE = """
mutation($input: CreateMemberInput!) {
  createMember(input: $input) { member { memberNo } errors { field code } }
}
"""


def test_production_logs_are_json_lines_from_structlog_and_the_standard_library():
    stream = io.StringIO()
    configure_logging(production=True, stream=stream)

    with structlog.contextvars.bound_contextvars(request_id="r-1"):
        structlog.get_logger("tessera.test").info("member_created", member_no="M1")
        logging.getLogger("some.library").warning("pool %s is slow", "default")

    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert {k: first[k] for k in ("event", "member_no", "level", "logger", "request_id")} == {
        "event": "member_created", "member_no": "M1", "level": "info", "logger": "tessera.test", "request_id": "r-1"
    }
    assert {k: second[k] for k in ("event", "level", "logger", "request_id")} == {
        "event": "pool default is slow", "level": "warning", "logger": "some.library", "request_id": "r-1"
    }
    assert first["timestamp"].endswith("Z")


def test_development_logs_are_console_lines():
    stream = io.StringIO()
    configure_logging(production=False, stream=stream)

    structlog.get_logger("tessera.test").info("member_created", member_no="M1")

    line = stream.getvalue()
    assert "member_created" in line
    assert "member_no" in line
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)


def test_uvicorn_access_lines_lose_their_query_string():
    stream = io.StringIO()
    configure_logging(production=True, stream=stream)

    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', "203.0.113.7:4000", "GET", '/graphql?query={memberLookup(phone:"13800138000")}', "1.1", 200
    )

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    access = [line["event"] for line in lines if line["logger"] == "uvicorn.access"]
    assert access == ['203.0.113.7:4000 - "GET /graphql HTTP/1.1" 200']


async def test_a_request_id_from_the_client_is_bound_to_every_line_of_the_request_and_echoed(api, org):
    login = 'mutation { login(username: "hq.admin", password: "wrong") { errors { code } } }'

    with captured_logs(logging.DEBUG) as logs:
        response = await api.client.post("/graphql", json={"query": login}, headers={"x-request-id": "pos-7f3a.1"})
        structlog.get_logger("tessera.test").info("after_the_request")

    assert response.headers["x-request-id"] == "pos-7f3a.1"
    queries = [r for r in logs.records if r["logger"] == "tortoise.db_client"]
    assert len(queries) >= 1
    assert {r["request_id"] for r in queries} == {"pos-7f3a.1"}
    assert "request_id" not in logs.records[-1]


async def test_a_request_without_an_id_gets_a_new_one(api):
    first = await api.client.get("/healthz")
    second = await api.client.get("/healthz")

    assert len(first.headers["x-request-id"]) == 32
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("abc-123", "abc-123"),
        ('evil"\\} id=admin', "evilidadmin"),
        ("x" * 500, "x" * MAX_REQUEST_ID),
    ],
)
def test_a_client_request_id_is_sanitised_and_bounded(raw, expected):
    assert request_id_from(raw) == expected


def test_a_request_id_with_nothing_usable_is_replaced():
    assert len(request_id_from("\u202e\u0000 ")) == 32


async def test_a_request_id_is_echoed_sanitised(api):
    response = await api.client.get("/healthz", headers={"x-request-id": "a b\tc"})

    assert response.headers["x-request-id"] == "abc"


async def test_a_websocket_handshake_echoes_the_request_id_and_binds_it():
    sent: list[dict] = []
    seen: list[object] = []

    async def app(scope: dict, receive: object, send: object) -> None:
        seen.append(structlog.contextvars.get_contextvars().get("request_id"))
        await send({"type": "websocket.accept", "subprotocol": "graphql-transport-ws", "headers": []})

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "websocket", "headers": [(b"x-request-id", b"tablet-9")]}
    await RequestIdMiddleware(app)(scope, None, send)

    assert sent[0]["headers"] == [(b"x-request-id", b"tablet-9")]
    assert seen == ["tablet-9"]


async def test_a_raw_phone_never_appears_in_any_log_line(api, org):
    hq = await api.login("hq.admin")
    store_id = str(GlobalID("Store", str(org.stores["SH001"].id)))
    written = "+86 138-0013-8000"

    with captured_logs(logging.DEBUG) as logs:
        created = await hq(CREATE, input={"name": "张三", "phone": written, "homeStoreId": store_id})
        duplicate = await hq(CREATE, input={"name": "李四", "phone": written, "homeStoreId": store_id})
        await hq('query($p: String) { memberLookup(phone: $p) { name } }', p=written)
        structlog.get_logger("tessera.test").debug("captured")

    assert created["data"]["createMember"]["errors"] == []
    assert duplicate["data"]["createMember"]["errors"] == [{"field": ["phone"], "code": "DUPLICATE_PHONE"}]
    assert logs.records[-1]["event"] == "captured"
    for form in ("13800138000", "138-0013-8000", "138 0013 8000", "8613800138000"):
        assert form not in logs.text
