"""Applying and generating the aerich migrations, one folder per SQL dialect.

aerich writes dialect-specific SQL, so `migrations/sqlite/` and `migrations/postgres/` are both
generated from the same models and each database applies its own folder (picked by
`server.db.dialect`). The app never creates tables itself; `tessera migrate` does, through here.

A failed SQLite upgrade is not rolled back, so a SQLite file that holds tables is backed up to
`<var>/backups/` before any pending migration runs.
"""

from __future__ import annotations

import asyncio
import secrets
import sqlite3
import tempfile
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from aerich import Command
from aerich.models import Aerich
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.context import TortoiseContext
from tortoise.exceptions import OperationalError

from server.core.clock import now
from server.db import MIGRATIONS_DIR, dialect, tortoise_config

APP = "models"
DIALECTS = ("sqlite", "postgres")


class MigrationError(Exception):
    """Migrations can't run as asked (no migration files, no PostgreSQL to generate against)."""


@dataclass(frozen=True)
class MigrationRun:
    applied: list[str]
    backup: Path | None


def migrations_folder(database_url: str, root: Path = MIGRATIONS_DIR) -> Path:
    return root / dialect(database_url)


def version_files(folder: Path) -> list[str]:
    """The migration files aerich would run for the app, oldest first."""
    files = [p for p in (folder / APP).glob("*.py") if p.stem.split("_", 1)[0].isdigit()]
    return [p.name for p in sorted(files, key=lambda p: int(p.stem.split("_", 1)[0]))]


@asynccontextmanager
async def _aerich(database_url: str, folder: Path) -> AsyncIterator[Command]:
    """aerich in an ORM context of its own: aerich skips initialising a context that was already
    initialised, so a second run in the same task would find the first run's closed connections."""
    async with TortoiseContext():
        async with Command(tortoise_config(database_url, with_aerich=True), app=APP, location=str(folder)) as command:
            yield command


async def _initialised() -> bool:
    try:
        return await Aerich.exists(app=APP)
    except OperationalError:
        return False


def sqlite_file(database_url: str) -> Path | None:
    """The file behind a SQLite URL; None for in-memory SQLite and for other databases."""
    if dialect(database_url) != "sqlite":
        return None
    file_path = expand_db_url(database_url)["credentials"]["file_path"]
    return None if file_path == ":memory:" else Path(file_path)


def backup_sqlite(database_url: str, backups: Path) -> Path | None:
    """Copies a SQLite database that holds tables to `backups/<name>-<UTC time>.sqlite3`.

    Uses SQLite's online backup so pages still in the write-ahead log are included.
    """
    path = sqlite_file(database_url)
    if path is None or not path.exists():
        return None
    with closing(sqlite3.connect(path)) as source:
        if source.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is None:
            return None
        backups.mkdir(parents=True, exist_ok=True)
        target_path = backups / f"{path.stem}-{now():%Y%m%dT%H%M%SZ}.sqlite3"
        with closing(sqlite3.connect(target_path)) as target:
            source.backup(target)
    return target_path


async def apply_migrations(database_url: str, backups: Path, *, root: Path = MIGRATIONS_DIR) -> MigrationRun:
    """Brings the database to the newest migration: init-db when aerich has never run on it,
    upgrade otherwise. Returns what ran and the backup made first, if any."""
    folder = migrations_folder(database_url, root)
    if not version_files(folder):
        raise MigrationError(f"No migrations in {folder}: run `tessera makemigrations`.")
    path = sqlite_file(database_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    async with _aerich(database_url, folder) as command:
        initialised = await _initialised()
        pending = await command.heads() if initialised else version_files(folder)
        if not pending:
            return MigrationRun([], None)
        backup = backup_sqlite(database_url, backups)
        if initialised:
            applied = await command.upgrade(run_in_transaction=True)
        else:
            await command.init_db(safe=True)
            applied = sorted(await Command.get_applied_migrations(APP), key=lambda name: int(name.split("_", 1)[0]))
    return MigrationRun(applied, backup)


async def generate_migration(database_url: str, name: str, *, root: Path = MIGRATIONS_DIR) -> str | None:
    """Writes the next migration for `database_url`'s dialect, diffing the models against the
    newest migration after applying every existing one to that (empty, scratch) database.

    Returns the new file's name, or None when the models match the newest migration.
    """
    folder = migrations_folder(database_url, root)
    async with _aerich(database_url, folder) as command:
        if not version_files(folder):
            await command.init_db(safe=True)
            return version_files(folder)[-1]
        await command.init_db(safe=True)
        await command.init()
        return await command.migrate(name, no_input=True) or None


def _admin_dsn(url: str) -> str:
    """An asyncpg DSN for the server behind a tortoise URL (pool options dropped)."""
    parts = urlsplit(url)
    return urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


async def _execute_admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(_admin_dsn(url))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@asynccontextmanager
async def scratch_database(like_url: str) -> AsyncIterator[str]:
    """An empty database of `like_url`'s dialect, removed afterwards: a file in a temporary
    directory for SQLite, a new database on the same server for PostgreSQL (needs CREATEDB)."""
    if dialect(like_url) == "sqlite":
        with tempfile.TemporaryDirectory(prefix="tessera-scratch-") as directory:
            yield f"sqlite://{directory}/scratch.sqlite3"
        return
    name = f"tessera_scratch_{secrets.token_hex(6)}"
    await _execute_admin(like_url, f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(like_url, name)
    finally:
        await _execute_admin(like_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _generate_in_scratch(like_url: str, name: str, root: Path) -> str | None:
    async with scratch_database(like_url) as url:
        return await generate_migration(url, name, root=root)


def _generate_in_process(like_url: str, name: str, root: Path) -> str | None:
    return asyncio.run(_generate_in_scratch(like_url, name, root))


def make_migrations(name: str, postgres_url: str, *, root: Path = MIGRATIONS_DIR) -> dict[str, str | None]:
    """Generates the next migration for both dialects from the current models.

    Each dialect runs in a fresh interpreter: aerich accumulates pending SQL in class attributes
    and tortoise caches SQL per connection name, so two dialects in one process would mix.
    Returns, per dialect, the new file's name or None when nothing changed.
    """
    if dialect(postgres_url) != "postgres":
        raise MigrationError(f"Migrations for PostgreSQL need a PostgreSQL URL, not {postgres_url.split(':', 1)[0]}.")
    like_urls = {"sqlite": "sqlite://:memory:", "postgres": postgres_url}
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"), max_tasks_per_child=1) as pool:
        return {d: pool.submit(_generate_in_process, like_urls[d], name, root).result() for d in DIALECTS}
