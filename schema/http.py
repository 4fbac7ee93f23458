"""The /graphql endpoint: authentication into a `Context`, and GraphQL-over-HTTP semantics
(graphql.github.io/graphql-over-http, draft, with its recommendations):

    Accept        `application/graphql-response+json` when the client accepts it, sends no Accept
                  or a wildcard; `application/json` when that is all it accepts; otherwise 406
    request errors  (parse, validation, variable coercion, no such operation) carry no `data`;
                  with graphql-response+json they answer 400, with application/json 200 (legacy)
    execution errors  200 with `data` (possibly null) and `errors`
    GET           queries only: a mutation answers 405 with `Allow: POST`; a browser is sent to the
                  console's GraphiQL (/admin/graphiql, bundled: strawberry's page needs a CDN)
    POST          `application/json` only (else 415), a JSON object (else 400), at most
                  MAX_BODY_BYTES (else 413); batching stays off
    persisted     `extensions.persistedQuery` (GET or POST): Apollo's automatic persisted queries
                  (schema.core.persisted_queries); its refusals are request errors
    API clients   over their request rate: 429 with `Retry-After` (server.access.rate_limits)
    websocket     graphql-transport-ws only; the token comes in `connection_init`'s payload
                  (`{"Authorization": "Bearer …"}` or `{"token": "…"}`); a bad one closes with 4403
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import (
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema.exceptions import (
    CannotGetOperationTypeError,
    InvalidOperationTypeError,
)
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from schema.context import Context
from schema.core.persisted_queries import PersistedQueries, PersistedQueryRefused
from schema.live.transport import LiveTransport
from server.access.rate_limits import RateLimited, RateLimits
from server.access.sessions import authenticate, bearer_token
from server.config import Settings
from server.events.session_checks import SessionChecks
from server.spa import PREFIX as CONSOLE_PREFIX

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
MAX_BODY_BYTES = 1024 * 1024
_TOO_LARGE = f"Request bodies are limited to {MAX_BODY_BYTES} bytes."


class HTTPRefusal(HTTPException):
    """An HTTP error answer that also sets headers (a 405 must say which methods are allowed)."""

    def __init__(self, status_code: int, reason: str, headers: Mapping[str, str]) -> None:
        super().__init__(status_code, reason)
        self.headers = dict(headers)


def connection_token(params: Mapping[str, object]) -> str | None:
    """The token a websocket client sent in `connection_init`: `token`, or a bearer `Authorization`."""
    token = params.get("token")
    if isinstance(token, str) and token.strip():
        return token.strip()
    authorization = params.get("Authorization", params.get("authorization"))
    return bearer_token({"authorization": authorization}) if isinstance(authorization, str) else None


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media_range, *params = (p.strip().lower() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        if media_range:
            ranges.append((media_range, quality))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The weight the most specific matching range gives `media_type` (RFC 9110 §12.5.1)."""
    specificity = {media_type: 3, f"{media_type.partition('/')[0]}/*": 2, "*/*": 1}
    matches = [(specificity[r], q) for r, q in ranges if r in specificity]
    return max(matches)[1] if matches else 0.0


def negotiate(accept: str) -> str | None:
    """The response media type for an Accept header, or None when neither type is acceptable.
    Equal weights go to graphql-response+json, whose status codes clients can trust."""
    if not accept.strip():
        return GRAPHQL_RESPONSE
    ranges = _media_ranges(accept)
    preferred, legacy = _quality(GRAPHQL_RESPONSE, ranges), _quality(JSON, ranges)
    if preferred == legacy == 0.0:
        return None
    return GRAPHQL_RESPONSE if preferred >= legacy else JSON


def is_request_error(result: ExecutionResult) -> bool:
    """Whether the request failed before execution began: no data and no error has a field path
    (parse, validation and variable errors have none; every execution error has one)."""
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors)


def _request_error(request: Request, error: Mapping[str, Any]) -> Response:
    """A request error answered before execution, with the status GraphQL over HTTP gives it."""
    media_type = negotiate(request.headers.get("accept", "")) or JSON
    status = 400 if media_type == GRAPHQL_RESPONSE else 200
    return JSONResponse({"errors": [error]}, status_code=status, media_type=f"{media_type}; charset=utf-8")


def _bounded(receive: Receive) -> Receive:
    """`receive` that refuses a request body longer than MAX_BODY_BYTES, however it is framed."""
    seen = 0

    async def receive_bounded() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_BODY_BYTES:
            raise HTTPException(413, _TOO_LARGE)
        return message

    return receive_bounded


class TesseraGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = LiveTransport

    def __init__(self, schema: Any, settings: Settings, rate_limits: RateLimits | None = None, **kwargs: Any) -> None:
        super().__init__(
            schema,
            allowed_origins=settings.allowed_origins,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=10),
            **kwargs,
        )
        self.settings = settings
        self.sessions = SessionChecks(settings.live_recheck_seconds)
        self.rate_limits = rate_limits or RateLimits()
        self.persisted = PersistedQueries()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            declared = Request(scope).headers.get("content-length", "")
            if declared.isdecimal() and int(declared) > MAX_BODY_BYTES:
                raise HTTPException(413, _TOO_LARGE)
            response = await self.run(Request(scope, receive=_bounded(receive)))
        except PersistedQueryRefused as refused:
            response = _request_error(Request(scope), refused.formatted)
        except RateLimited as limited:
            error = {"message": limited.message, "extensions": {"code": limited.code.value}}
            response = JSONResponse(
                {"errors": [error]}, status_code=429, headers={"Retry-After": str(limited.retry_after)}
            )
        except HTTPException as exc:
            headers = exc.headers if isinstance(exc, HTTPRefusal) else None
            response = PlainTextResponse(exc.reason, status_code=exc.status_code, headers=headers)
        await response(scope, receive, send)

    async def render_graphql_ide(self, request: Request) -> Response:
        """Strawberry's GraphiQL page loads its scripts from a CDN and is blank on a store network
        without internet; the console bundles its own, signed in with the staff's session."""
        return RedirectResponse(f"{CONSOLE_PREFIX}graphiql", status_code=302)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        ip = request.client.host if request.client else ""
        token = bearer_token(request.headers)
        actor = await authenticate(token, ip=ip) if token else None
        if isinstance(request, Request):
            await self.rate_limits.admit(actor)
        return Context(request=request, response=response, settings=self.settings, actor=actor, ip=ip)

    async def on_ws_connect(self, context: Context) -> UnsetType | None | dict[str, object]:
        """Signs the websocket in with the token in `connection_init` (or, for clients that can
        send one, the handshake's Authorization header); anything else is refused (4403)."""
        token = connection_token(context.connection_params)
        actor = await authenticate(token, ip=context.ip) if token else context.actor
        if actor is None:
            raise ConnectionRejectionError({"message": "Sign in: send a valid token in connection_init."})
        context.actor = actor
        return UNSET

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        if isinstance(request, Request) and self.should_render_graphql_ide(request):
            return sub_response  # the GraphiQL page
        media_type = negotiate(request.headers.get("accept", ""))
        if media_type is None:
            raise HTTPException(406, f"Accept {GRAPHQL_RESPONSE} or {JSON}.")
        sub_response.media_type = media_type
        return sub_response

    def should_render_graphql_ide(self, request: Any) -> bool:
        """A browser's GET without a query; a GET naming a persisted query runs it."""
        return super().should_render_graphql_ide(request) and "extensions" not in request.query_params

    def parse_json(self, data: str | bytes) -> Any:
        value = super().parse_json(data)
        if not isinstance(value, dict | list):
            raise HTTPException(400, "Expected a JSON object.")
        return value

    def decode_json(self, data: str | bytes) -> object:
        """Undecodable bytes and absurd nesting are malformed JSON like any other."""
        try:
            return super().decode_json(data)
        except (UnicodeDecodeError, RecursionError) as exc:
            raise json.JSONDecodeError(type(exc).__name__, "", 0) from exc

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData | list[GraphQLRequestData]:
        if request.method == "POST" and parse_content_type(request.content_type or "")[0] != JSON:
            raise HTTPException(415, f"Send the request body as {JSON}.")
        data = await super().parse_http_body(request)
        if isinstance(data, GraphQLRequestData):
            if not isinstance(data.operation_name, str | None):
                raise HTTPException(400, "The GraphQL operation's `operationName` must be a string or null.")
            data.operation_name = data.operation_name or None
            data.query = self.persisted.document(data.query, data.extensions)
        return data

    async def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        try:
            return await super().execute_single(*args, **kwargs)
        except HTTPException as exc:
            if isinstance(exc.__cause__, InvalidOperationTypeError) and kwargs["request_adapter"].method == "GET":
                raise HTTPRefusal(405, exc.reason, {"Allow": "POST"}) from exc
            if isinstance(exc.__cause__, CannotGetOperationTypeError):
                return ExecutionResult(data=None, errors=[GraphQLError(exc.reason)])
            raise

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        response = await super().process_result(request, result)
        if is_request_error(result):
            del response["data"]  # the GraphQL spec: a request error has no `data` entry
        return response

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        media_type = sub_response.media_type or GRAPHQL_RESPONSE
        response.headers["content-type"] = f"{media_type}; charset=utf-8"
        if media_type == GRAPHQL_RESPONSE and isinstance(response_data, dict) and "data" not in response_data:
            response.status_code = 400
        return response
