"""create_app(): the Starlette application — routes, ORM lifecycle, the /graphql endpoint.

This is the only server module that imports the GraphQL schema.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from tortoise import Tortoise
from tortoise.contrib.starlette import RegisterTortoise

from schema.http import TesseraGraphQL
from schema.root import schema
from server.access.rate_limits import RateLimits
from server.config import Settings
from server.core import crypto
from server.db import tortoise_config
from server.events import lifecycle as events
from server.exports import liability_download, member_download, settlement_download
from server.jobs.embedded import worker_in_server
from server.logging import RequestIdMiddleware, configure_logging
from server.metrics import HttpMetricsMiddleware, metrics
from server.spa import spa_routes


async def healthz(request: Request) -> Response:
    """Alive: the process answers HTTP, whatever the state of its dependencies."""
    return PlainTextResponse("ok")


async def readyz(request: Request) -> Response:
    """Ready when the database answers a trivial query."""
    try:
        await Tortoise.get_connection("default").execute_query("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        return JSONResponse({"status": "unavailable", "error": type(exc).__name__}, status_code=503)
    return JSONResponse({"status": "ok"})


# The collector's thresholds while serving. Requests and live events leave no cyclic garbage (see
# schema.core.execution), so collections find next to nothing, yet at the default young threshold
# (700 allocations) they ran many times per request and promoted its in-flight objects, which
# triggered a full collection every few seconds — each pausing the event loop for 100-250 ms with
# a thousand websockets open. At 50,000 they are rare; cyclic garbage is still bounded.
GC_THRESHOLDS = (50_000, 20, 20)


def create_app(settings: Settings | None = None, *, manage_orm: bool = True) -> Starlette:
    """`manage_orm=False` leaves the ORM to the caller (tests that set up their own database)."""
    settings = settings or Settings.from_env()
    configure_logging(production=settings.production)
    crypto.configure(settings.secret_key)
    rate_limits = RateLimits(settings.redis_url)
    graphql = TesseraGraphQL(schema, settings, rate_limits)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with AsyncExitStack() as running:
            if manage_orm:
                await running.enter_async_context(RegisterTortoise(app, config=tortoise_config(settings.database_url)))
            await running.enter_async_context(events.running(settings))
            running.push_async_callback(rate_limits.aclose)
            if manage_orm:
                await running.enter_async_context(worker_in_server(settings))
            # What start-up built (the schema, the models, the app) lives as long as the process:
            # frozen out of the collector's reach, a full collection walks only what requests make
            # and pauses the event loop for far less (delivery latency's tail under load).
            gc.freeze()
            running.callback(gc.set_threshold, *gc.get_threshold())
            gc.set_threshold(*GC_THRESHOLDS)
            yield

    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics),
            Route("/exports/settlement", settlement_download),
            Route("/exports/liability", liability_download),
            Route("/exports/member", member_download),
            *spa_routes(),
        ],
        middleware=[Middleware(RequestIdMiddleware), Middleware(HttpMetricsMiddleware)],
        lifespan=lifespan,
    )
