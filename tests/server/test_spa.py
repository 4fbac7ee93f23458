"""The admin SPA under /admin/: history fallback, cache headers, and a clear answer before a build."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from server.app import create_app
from server.config import Settings
from server.spa import IMMUTABLE, NOT_BUILT, REVALIDATE, spa_routes

INDEX = '<!doctype html><script type="module" src="/admin/assets/index-abc123.js"></script>'
BUNDLE = "console.log('tessera')"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A build as Vite lays it out: index.html, hashed assets, a file copied from public/."""
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX, encoding="utf-8")
    (root / "assets" / "index-abc123.js").write_text(BUNDLE, encoding="utf-8")
    (root / "favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    (tmp_path / "secret.txt").write_text("outside the build", encoding="utf-8")
    return root


async def _client(dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = Starlette(routes=spa_routes(dist))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


@pytest.fixture
async def client(dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    async for client in _client(dist):
        yield client


@pytest.mark.parametrize("path", ["/admin/", "/admin/login", "/admin/members/TWVtYmVyOjE=", "/admin/cashier?memberNo=1"])
async def test_console_pages_answer_the_index_without_caching_it(client, path):
    response = await client.get(path)

    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == REVALIDATE


async def test_hashed_assets_are_cached_for_a_year(client):
    response = await client.get("/admin/assets/index-abc123.js")

    assert response.status_code == 200
    assert response.text == BUNDLE
    assert "javascript" in response.headers["content-type"]
    assert response.headers["cache-control"] == IMMUTABLE


async def test_a_missing_asset_is_404_not_the_index(client):
    response = await client.get("/admin/assets/index-old999.js")

    assert response.status_code == 404
    assert INDEX not in response.text
    assert "cache-control" not in response.headers


async def test_other_files_of_the_build_are_served_and_revalidated(client):
    response = await client.get("/admin/favicon.ico")

    assert response.status_code == 200
    assert response.content == b"\x00\x00\x01\x00"
    assert response.headers["cache-control"] == REVALIDATE


@pytest.mark.parametrize("path", ["/admin/../secret.txt", "/admin/%2e%2e/secret.txt", "/admin/assets/..%2f..%2fsecret.txt"])
async def test_nothing_outside_the_build_is_served(client, path):
    response = await client.get(path)

    assert "outside the build" not in response.text
    assert response.status_code in (200, 404)


async def test_head_answers_like_get_without_a_body(client):
    response = await client.head("/admin/assets/index-abc123.js")

    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["cache-control"] == IMMUTABLE


@pytest.mark.parametrize("path", ["/", "/admin"])
async def test_the_root_and_the_bare_prefix_redirect_to_the_console(client, path):
    response = await client.get(path)

    assert response.status_code == 302
    assert response.headers["location"] == "/admin/"


async def test_without_a_build_the_console_says_how_to_make_one(tmp_path):
    async for client in _client(tmp_path / "never-built"):
        page = await client.get("/admin/members")
        asset = await client.get("/admin/assets/index-abc123.js")

    assert page.status_code == 503
    assert page.text == NOT_BUILT
    assert "make run" in page.text
    assert page.headers["cache-control"] == REVALIDATE
    assert asset.status_code == 503


async def test_a_build_made_while_running_is_served_at_once(tmp_path, dist):
    async for client in _client(tmp_path / "later"):
        before = await client.get("/admin/")
        dist.rename(tmp_path / "later")
        after = await client.get("/admin/")

    assert (before.status_code, after.status_code) == (503, 200)
    assert after.text == INDEX


async def test_the_application_mounts_the_console_beside_graphql(settings: Settings):
    app = create_app(settings, manage_orm=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        root = await client.get("/")
        console = await client.get("/admin/members")
        health = await client.get("/healthz")

    assert root.status_code == 302
    assert root.headers["location"] == "/admin/"
    assert console.status_code in (200, 503)
    assert console.headers["cache-control"] == REVALIDATE
    assert health.text == "ok"
