"""The /graphql endpoint: authentication into a `Context`, and GraphQL-over-HTTP semantics.

GraphQL-over-HTTP (graphql.github.io/graphql-over-http): a client that accepts
`application/graphql-response+json` (or says nothing) gets that media type and a 400 when the
request fails to parse or validate; a client that asks only for `application/json` gets the
legacy 200. Mutations over GET are 405. Unacceptable Accept headers are 406.
"""

from __future__ import annotations

from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema.exceptions import InvalidOperationTypeError

from schema.context import Context
from server.access.sessions import authenticate
from server.config import Settings

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def bearer_token(headers: Any) -> str | None:
    scheme, _, token = (headers.get("authorization") or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def negotiate(accept: str) -> str | None:
    """The response media type for an Accept header, or None when nothing acceptable is offered."""
    if not accept.strip():
        return GRAPHQL_RESPONSE
    offered = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    if GRAPHQL_RESPONSE in offered or "*/*" in offered or "application/*" in offered:
        return GRAPHQL_RESPONSE
    if JSON in offered:
        return JSON
    return None


def is_request_error(data: GraphQLHTTPResponse) -> bool:
    """Parse and validation failures have no data and no error paths (execution errors have one)."""
    errors = data.get("errors") or []
    return data.get("data") is None and bool(errors) and all("path" not in e for e in errors)


class TesseraGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: Any, settings: Settings, **kwargs: Any) -> None:
        super().__init__(schema, allowed_origins=settings.allowed_origins, **kwargs)
        self.settings = settings

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        ip = request.client.host if request.client else ""
        token = bearer_token(request.headers)
        actor = await authenticate(token, ip=ip) if token else None
        return Context(request=request, response=response, settings=self.settings, actor=actor, ip=ip)

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        if isinstance(request, Request) and request.method == "GET" and "query" not in request.query_params:
            return sub_response  # the GraphiQL page
        media_type = negotiate(request.headers.get("accept", ""))
        if media_type is None:
            raise HTTPException(406, f"Accept {GRAPHQL_RESPONSE} or {JSON}.")
        sub_response.media_type = media_type
        return sub_response

    async def execute_single(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().execute_single(*args, **kwargs)
        except HTTPException as exc:
            if isinstance(exc.__cause__, InvalidOperationTypeError) and kwargs["request_adapter"].method == "GET":
                raise HTTPException(405, exc.reason) from exc
            raise

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        media_type = sub_response.media_type or GRAPHQL_RESPONSE
        response.headers["content-type"] = f"{media_type}; charset=utf-8"
        single = response_data if isinstance(response_data, dict) else None
        if media_type == GRAPHQL_RESPONSE and single is not None and is_request_error(single):
            response.status_code = 400
        return response
