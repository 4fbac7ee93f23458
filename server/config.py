"""Settings read once from the environment (names fixed by SPEC §5)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from server.channels.registry import ChannelSettings


def _flag(value: str | None, *, default: bool) -> bool:
    """An on/off setting: 1/true/yes/on or 0/false/no/off (any case); unset or empty is the default."""
    if not value:
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"not an on/off value: {value!r}")


def _worker_in_server(value: str | None, database_url: str) -> bool:
    """On SQLite, `tessera serve` runs the worker itself unless told not to; PostgreSQL deployments
    run `tessera worker` processes instead."""
    on_sqlite = database_url.startswith("sqlite")
    wanted = _flag(value, default=on_sqlite)
    if wanted and not on_sqlite:
        raise ValueError("TESSERA_WORKER_IN_SERVER is for SQLite only: run `tessera worker` beside the server.")
    return wanted


def _dev_secret_key(var_dir: Path) -> str:
    """A development key generated once and kept, so encrypted phones stay readable across restarts."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    redis_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    production: bool = False
    session_ttl_hours: float = 12.0
    login_max_failures: int = 5
    login_lock_minutes: int = 15
    allowed_origins: tuple[str, ...] = field(default_factory=tuple)
    redis_channel: str = "tessera:events"
    live_queue_limit: int = 256
    live_recheck_seconds: float = 1.0
    worker_in_server: bool = False
    channels: ChannelSettings = field(default_factory=ChannelSettings)

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        var_dir = Path(env.get("TESSERA_VAR_DIR", "var"))
        database_url = env.get("TESSERA_DATABASE_URL") or f"sqlite://{var_dir}/tessera.sqlite3"
        return cls(
            database_url=database_url,
            secret_key=env.get("TESSERA_SECRET_KEY") or _dev_secret_key(var_dir),
            redis_url=env.get("TESSERA_REDIS_URL") or None,
            host=env.get("TESSERA_HOST", "127.0.0.1"),
            port=int(env.get("TESSERA_PORT", "8000")),
            production=env.get("TESSERA_ENV", "development") == "production",
            session_ttl_hours=float(env.get("TESSERA_SESSION_TTL_HOURS", "12")),
            allowed_origins=tuple(o for o in env.get("TESSERA_ALLOWED_ORIGINS", "").split(",") if o),
            redis_channel=env.get("TESSERA_REDIS_CHANNEL", "tessera:events"),
            live_queue_limit=int(env.get("TESSERA_LIVE_QUEUE_LIMIT", "256")),
            live_recheck_seconds=float(env.get("TESSERA_LIVE_RECHECK_SECONDS", "1")),
            worker_in_server=_worker_in_server(env.get("TESSERA_WORKER_IN_SERVER"), database_url),
            channels=ChannelSettings.from_env(env),
        )
