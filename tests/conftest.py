"""Test fixtures: a clean database per test (SQLite in memory by default; with
TESSERA_TEST_DATABASE_URL, one real PostgreSQL database per test process, emptied before each
test), an API client, and an org built through the services."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import pytest
from tortoise.context import TortoiseContext

from server.app import create_app
from server.config import Settings
from server.core import crypto
from server.db import tortoise_config

TEST_DATABASE_URL = os.environ.get("TESSERA_TEST_DATABASE_URL", "")
ON_POSTGRES = TEST_DATABASE_URL.startswith(("postgres", "asyncpg"))
PASSWORD = "correct-horse-42"


def _session_database_url() -> str:
    """One PostgreSQL database per test process (named by pid, dropped at the end), or SQLite in memory."""
    if not ON_POSTGRES:
        return "sqlite://:memory:"
    base, _, _ = TEST_DATABASE_URL.rpartition("/")
    return f"{base}/tessera_test_{os.getpid()}"


async def _recreate_postgres(url: str, *, create: bool) -> None:
    base, _, name = url.rpartition("/")
    admin = await asyncpg.connect(f"{base}/postgres".replace("postgres://", "postgresql://", 1))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    if create:
        async with TortoiseContext() as orm:
            await orm.init(config=tortoise_config(url))
            await orm.generate_schemas()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    url = _session_database_url()
    if ON_POSTGRES:
        asyncio.run(_recreate_postgres(url, create=True))
    yield url
    if ON_POSTGRES:
        asyncio.run(_recreate_postgres(url, create=False))


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, secret_key="test-secret-key-for-tessera")


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[None]:
    """A clean database: SQLite is created fresh in memory; PostgreSQL's tables are emptied."""
    crypto.configure(settings.secret_key)
    async with TortoiseContext() as orm:
        await orm.init(config=tortoise_config(settings.database_url))
        if ON_POSTGRES:
            tables = ", ".join(f'"{m._meta.db_table}"' for app in orm.apps.values() for m in app.values())
            await orm.db().execute_script(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        else:
            await orm.generate_schemas()
        yield


@dataclass
class Api:
    """Calls /graphql the way a client would; `as_(token)` returns a client acting with that token."""

    client: httpx.AsyncClient
    token: str | None = None
    last_response: httpx.Response | None = field(default=None, repr=False)

    def as_(self, token: str | None) -> Api:
        return Api(self.client, token)

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = await self.client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        self.last_response = response
        return response.json()

    async def login(self, username: str, password: str = PASSWORD) -> Api:
        body = await self(
            "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token errors { code } } }",
            u=username,
            p=password,
        )
        token = body["data"]["login"]["token"]
        assert token, body
        return self.as_(token)


@pytest.fixture
async def api(db: None, settings: Settings) -> AsyncIterator[Api]:
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 4000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield Api(client)


@dataclass
class Org:
    """A small chain built through the services: two regions, three stores, one account per role.

    EAST: stores SH001, SH002 — WEST: store CD001. Staff: hq.admin (HQ), east.manager (REGION EAST),
    sh001.clerk (STORE SH001), cd001.clerk (STORE CD001); all with password PASSWORD.
    """

    regions: dict[str, Any]
    stores: dict[str, Any]
    staff: dict[str, Any]
    actors: dict[str, Any]


@pytest.fixture
async def org(db: None) -> Org:
    from server.access.models import Role, Staff
    from server.access.services import StaffScope, create_staff
    from server.access.sessions import actor_for
    from server.org.services import create_region, create_store

    hq = actor_for(await create_staff(None, "hq.admin", PASSWORD, StaffScope(Role.HQ), system=True))
    regions = {code: await create_region(hq, code, name) for code, name in (("EAST", "华东"), ("WEST", "西部"))}
    stores = {
        "SH001": await create_store(hq, "SH001", "上海一店", regions["EAST"].id),
        "SH002": await create_store(hq, "SH002", "上海二店", regions["EAST"].id),
        "CD001": await create_store(hq, "CD001", "成都一店", regions["WEST"].id),
    }
    scopes = {
        "east.manager": StaffScope(Role.REGION, region_id=regions["EAST"].id),
        "sh001.clerk": StaffScope(Role.STORE, store_id=stores["SH001"].id),
        "cd001.clerk": StaffScope(Role.STORE, store_id=stores["CD001"].id),
    }
    staff = {name: await create_staff(hq, name, PASSWORD, scope) for name, scope in scopes.items()}
    staff["hq.admin"] = await Staff.get(username="hq.admin")
    return Org(regions, stores, staff, {name: actor_for(s) for name, s in staff.items()})


@dataclass
class People:
    """Members built through the services: one per store, with known phones and birthdays."""

    by_store: dict[str, Any]
    phones: dict[str, str]


@pytest.fixture
async def people(org: Org) -> People:
    from datetime import date

    from server.member.services import MemberDraft, create_member

    phones = {"SH001": "13812345678", "SH002": "13912340002", "CD001": "13712340003"}
    by_store = {}
    for code, phone in phones.items():
        draft = MemberDraft(
            name=f"会员{code}",
            phone=phone,
            home_store_id=org.stores[code].id,
            birthday=date(1990, 5, 17),
            email=f"{code.lower()}@example.com",
        )
        by_store[code] = await create_member(org.actors["hq.admin"], draft)
    return People(by_store, phones)
