"""A real uvicorn server on 127.0.0.1 (a free port), in this event loop and on the test database,
with its lifespan (and so its event broker) running; an HTTP client for mutations; tokens for the
org's staff; a member at SH001 with a stored-value card."""

from __future__ import annotations

import asyncio
import secrets
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import httpx
import pytest
import uvicorn

from server.access.models import Staff, StaffSession
from server.access.sessions import token_digest
from server.app import create_app
from server.card.models import Card
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.config import Settings
from server.core.clock import now
from server.events import lifecycle
from server.events.fanout import Fanout
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from tests.conftest import Api
from tests.schema.live.client import WAIT

QUEUE_LIMIT = 8


@dataclass
class LiveServer:
    url: str
    ws_url: str
    api: Api
    tokens: dict[str, str]
    server: uvicorn.Server
    serving: asyncio.Task[None]

    async def stop(self) -> None:
        self.server.should_exit = True
        await within(self.serving, 10)

    @property
    def fanout(self) -> Fanout:
        broker: Any = lifecycle.current()
        return broker.fanout

    async def subscribed(self, count: int) -> None:
        """Waits until the server holds `count` subscriptions (they register asynchronously)."""
        await eventually(lambda: self.fanout.subscriptions == count)


async def eventually(condition: Callable[[], bool], timeout: float = WAIT) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def within(awaitable: Awaitable[Any], timeout: float = WAIT) -> Any:
    async with asyncio.timeout(timeout):
        return await awaitable


async def session_token(staff: Staff) -> str:
    """A signed-in session made directly (a login would spend an argon2 verification per test)."""
    token = secrets.token_urlsafe(32)
    await StaffSession.create(token_hash=token_digest(token), staff=staff, expires_at=now() + timedelta(hours=1))
    return token


@pytest.fixture
def recheck_seconds(request: pytest.FixtureRequest) -> float:
    """How often the server sweeps its connections' sessions; a test may parametrize it (indirect)."""
    return float(getattr(request, "param", 0.2))


@pytest.fixture
def ping_seconds(request: pytest.FixtureRequest) -> float:
    """uvicorn's websocket keep-alive: ping interval and pong timeout (a test may parametrize it)."""
    return float(getattr(request, "param", 20.0))


@pytest.fixture
def live_settings(settings: Settings, recheck_seconds: float) -> Settings:
    return replace(settings, live_queue_limit=QUEUE_LIMIT, live_recheck_seconds=recheck_seconds)


@pytest.fixture
async def live(org: Any, live_settings: Settings, ping_seconds: float) -> AsyncIterator[LiveServer]:
    app = create_app(live_settings, manage_orm=False)
    config = uvicorn.Config(
        app,
        lifespan="on",
        log_config=None,
        ws_ping_interval=ping_seconds,
        ws_ping_timeout=ping_seconds,
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    await eventually(lambda: server.started or serving.done())
    url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=url, trust_env=False, timeout=WAIT) as client:
        tokens = {name: await session_token(org.staff[name]) for name in ("hq.admin", "east.manager", "sh001.clerk", "cd001.clerk")}
        live = LiveServer(url, f"ws://127.0.0.1:{port}/graphql", Api(client), tokens, server, serving)
        yield live
    await live.stop()
    sock.close()


@dataclass
class Holder:
    member: Member
    card: Card


@pytest.fixture
async def holder(org: Any) -> Holder:
    """A member at SH001 (phone 13900001111) with card C0001 of a stored-value card type."""
    hq = org.actors["hq.admin"]
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    member = await create_member(hq, MemberDraft(name="顾客", phone="13900001111", home_store_id=org.stores["SH001"].id))
    card = await issue_card(org.actors["sh001.clerk"], IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no="C0001"))
    return Holder(member, card)

