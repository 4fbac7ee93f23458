"""The per-request context: who is asking, from where, and the request's DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from schema.loaders import Loaders
from server.access.policy import Actor
from server.config import Settings


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | WebSocket | None
    settings: Settings
    actor: Actor | None
    ip: str
    loaders: Loaders = field(default_factory=Loaders)
    connection_params: dict[str, object] = field(default_factory=dict)


Info = StrawberryInfo[Context, None]
