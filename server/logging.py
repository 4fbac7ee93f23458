"""Structured logging: JSON lines in production, readable console output in development, and a
request id bound to every line logged while serving a request or websocket.

Every log line goes through one handler on the root logger — structlog's own and those of the
libraries (uvicorn, strawberry, tortoise) alike — so a production log is JSON throughout and each
line logged during a request carries its `request_id`. Uvicorn's access lines lose their query
string: a GET query's variables (phone numbers, card numbers) must not reach the log.
"""

from __future__ import annotations

import logging
import re
import sys
import uuid
from typing import TextIO

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
MAX_REQUEST_ID = 64
_UNSAFE_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9._:-]")

_handler: logging.Handler | None = None


class _WithoutQueryString(logging.Filter):
    """Cuts the query string off uvicorn's access lines (args: client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, path, version, status = record.args
            record.args = (client, method, str(path).split("?", 1)[0], version, status)
        return True


def configure_logging(*, production: bool, level: int = logging.INFO, stream: TextIO | None = None) -> None:
    """Sets up structlog and the root logger; calling it again replaces the previous set-up."""
    global _handler
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    rendering: list[structlog.types.Processor] = (
        [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
        if production
        else [structlog.dev.ConsoleRenderer()]
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(level),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *rendering],
        )
    )
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, _WithoutQueryString) for f in access.filters):
        access.addFilter(_WithoutQueryString())


def request_id_from(value: str) -> str:
    """The client's id with anything but letters, digits and `._:-` removed, cut to MAX_REQUEST_ID;
    a new one when nothing usable is left."""
    return _UNSAFE_ID_CHARACTERS.sub("", value)[:MAX_REQUEST_ID] or uuid.uuid4().hex


class RequestIdMiddleware:
    """Binds `request_id` (from X-Request-ID or a new uuid) and echoes it in the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or []).get(REQUEST_ID_HEADER.encode(), b"")
        request_id = request_id_from(raw.decode("latin-1"))
        echoed = (REQUEST_ID_HEADER.encode(), request_id.encode("ascii"))

        async def send_with_id(message: Message) -> None:
            if message["type"] in ("http.response.start", "websocket.accept"):
                message["headers"] = [*message.get("headers", []), echoed]
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id):
            await self.app(scope, receive, send_with_id)
