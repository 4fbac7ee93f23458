"""Tortoise configuration shared by the app, the CLI, migrations and tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def tortoise_config(database_url: str, *, with_aerich: bool = False) -> dict[str, Any]:
    models = [*MODEL_MODULES, *(["aerich.models"] if with_aerich else [])]
    return {
        "connections": {"default": database_url},
        "apps": {"models": {"models": models, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }
