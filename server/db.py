"""Tortoise configuration shared by the app, the CLI, migrations and tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
from tortoise.backends.base.config_generator import expand_db_url

MODEL_MODULES: list[str] = [
    "server.org.models",
    "server.access.models",
    "server.tier.models",
    "server.tag.models",
    "server.member.models",
    "server.audit.models",
    "server.card.models",
    "server.ledger.models",
    "server.points.models",
    "server.coupon.models",
    "server.program.models",
    "server.care.models",
    "server.jobs.models",
    "server.delivery.models",
    "server.notices.models",
    "server.segment.models",
    "server.referral.models",
    "server.campaign.models",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def dialect(database_url: str) -> str:
    """`sqlite` or `postgres`: picks the migrations folder and dialect-specific SQL."""
    scheme = database_url.split(":", 1)[0]
    if scheme == "sqlite":
        return "sqlite"
    if scheme in {"postgres", "postgresql", "asyncpg", "psycopg"}:
        return "postgres"
    raise ValueError(f"Unsupported database URL scheme: {scheme!r}")


async def _keep_session(connection: asyncpg.Connection) -> None:
    """Nothing to reset: Tessera sets no session state (SET, LISTEN, advisory locks, cursors)."""


def _connection(database_url: str) -> str | dict[str, Any]:
    """PostgreSQL connections skip asyncpg's reset query when they go back to the pool. By default
    every release sends `RESET ALL; UNLISTEN *; …`, so each query made outside a transaction cost
    two round trips; asyncpg still rolls back a transaction left open on release."""
    if dialect(database_url) != "postgres":
        return database_url
    connection = expand_db_url(database_url)
    connection["credentials"]["reset"] = _keep_session
    return connection


def tortoise_config(database_url: str, *, with_aerich: bool = False) -> dict[str, Any]:
    models = [*MODEL_MODULES, *(["aerich.models"] if with_aerich else [])]
    return {
        "connections": {"default": _connection(database_url)},
        "apps": {"models": {"models": models, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }
