"""Prometheus metrics: HTTP requests by route and status, GraphQL operations by type and name.

Every label takes its values from a bounded set, so a client cannot grow the number of series:
routes are the app's own (or "unmatched"), methods the standard ones (or "other"), operation
types the three GraphQL ones (or "unknown" when the document did not parse), and operation names
the first MAX_OPERATION_NAMES distinct well-formed names a process sees, then "other".

Several worker processes (`uvicorn --workers N`): each process counts in its own memory, so a
scrape would see whichever worker answered. Set PROMETHEUS_MULTIPROC_DIR to a directory that all
workers can write and that is emptied before the server starts; prometheus-client then keeps each
process's samples in files there and `/metrics` adds them up across processes. The variable must be
in the environment before this module is imported (set it for `tessera serve`, not in code).
"""

from __future__ import annotations

import os
import re
import time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_OPERATION_NAMES = 100
OTHER = "other"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")

disable_created_metrics()  # a `_created` timestamp series per label set doubles the series for no query

HTTP_REQUESTS = Counter(
    "tessera_http_requests", "HTTP requests answered, by route, method and status.", ["route", "method", "status"]
)
HTTP_DURATION = Histogram(
    "tessera_http_request_duration_seconds", "Time to answer an HTTP request, by route and method.", ["route", "method"]
)
OPERATIONS = Counter(
    "tessera_graphql_operations",
    "GraphQL operations, by type, name and outcome (ok, or error when the result has errors).",
    ["type", "name", "outcome"],
)
OPERATION_DURATION = Histogram(
    "tessera_graphql_operation_duration_seconds", "Time to run a GraphQL operation, by type and name.", ["type", "name"]
)


class BoundedNames:
    """Admits the first `limit` distinct well-formed names; every other name is "other"."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.admitted: set[str] = set()

    def label(self, name: str | None) -> str:
        if not name or not _NAME.fullmatch(name):
            return OTHER
        if name not in self.admitted and len(self.admitted) < self.limit:
            self.admitted.add(name)
        return name if name in self.admitted else OTHER


OPERATION_NAMES = BoundedNames(MAX_OPERATION_NAMES)


def observe_operation(operation_type: str, name: str | None, ok: bool, seconds: float) -> None:
    label = OPERATION_NAMES.label(name)
    OPERATIONS.labels(operation_type, label, "ok" if ok else "error").inc()
    OPERATION_DURATION.labels(operation_type, label).observe(seconds)


async def metrics(request: Request) -> Response:
    """The Prometheus text exposition of this process, or of all workers in multiprocess mode."""
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


class HttpMetricsMiddleware:
    """Counts and times every HTTP request by the route that served it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_observed)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            method = scope["method"] if scope["method"] in METHODS else OTHER
            HTTP_REQUESTS.labels(route, method, str(status)).inc()
            HTTP_DURATION.labels(route, method).observe(time.perf_counter() - started)
