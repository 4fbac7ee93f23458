"""Migrations: each dialect's folder builds, from empty, the schema the models describe.

SQLite and PostgreSQL can't share a pytest process (tortoise caches SQL per connection name), so
the dialect under test is the one TESSERA_TEST_DATABASE_URL selects; the other is marked skipped.
Tests run on copies of the committed folders, so a failure never writes into the repository.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path

import pytest
from tortoise.context import TortoiseContext

from server.db import MIGRATIONS_DIR, tortoise_config
from server.migrations import (
    MigrationError,
    apply_migrations,
    generate_migration,
    make_migrations,
    scratch_database,
    version_files,
)
from tests.conftest import ON_POSTGRES, TEST_DATABASE_URL

SCRATCH_LIKE = TEST_DATABASE_URL if ON_POSTGRES else "sqlite://:memory:"
DIALECT = "postgres" if ON_POSTGRES else "sqlite"
SQLITE_ONLY = pytest.mark.skipif(ON_POSTGRES, reason="SQLite runs in the SQLite suite, never beside PostgreSQL")
POSTGRES_ONLY = pytest.mark.skipif(not ON_POSTGRES, reason="needs TESSERA_TEST_DATABASE_URL pointing to PostgreSQL")

_SCHEMA_QUERIES = {
    "sqlite": (
        "SELECT m.name AS tbl, c.name AS col, c.type, c.\"notnull\", c.dflt_value, c.pk FROM sqlite_master m "
        "JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        "SELECT m.name AS tbl, i.name AS idx, i.\"unique\", k.name AS col FROM sqlite_master m "
        "JOIN pragma_index_list(m.name) i JOIN pragma_index_info(i.name) k WHERE m.type = 'table'",
        "SELECT m.name AS tbl, f.\"table\" AS ref, f.\"from\" AS col, f.\"to\" AS ref_col, f.on_delete "
        "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    ),
    "postgres": (
        "SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length "
        "FROM information_schema.columns WHERE table_schema = 'public'",
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
        "SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def "
        "FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
    ),
}


@pytest.fixture
async def empty_database() -> AsyncIterator[str]:
    async with scratch_database(SCRATCH_LIKE) as url:
        yield url


@pytest.fixture
def committed_copy(tmp_path: Path) -> Path:
    """A copy of the committed migrations of the dialect under test."""
    root = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR / DIALECT, root / DIALECT)
    return root


async def _schema(database_url: str) -> set[tuple[object, ...]]:
    """Every column, index and constraint of a database, as comparable rows."""
    async with TortoiseContext() as orm:
        await orm.init(config=tortoise_config(database_url, with_aerich=True))
        connection = orm.connections.get("default")
        rows: set[tuple[object, ...]] = set()
        for sql in _SCHEMA_QUERIES[DIALECT]:
            rows |= {tuple(row.values()) for row in await connection.execute_query_dict(sql)}
        return rows


async def _generated_schema() -> set[tuple[object, ...]]:
    """The schema tortoise builds straight from the models (what the other tests run on)."""
    async with scratch_database(SCRATCH_LIKE) as url:
        async with TortoiseContext() as orm:
            await orm.init(config=tortoise_config(url, with_aerich=True))
            await orm.generate_schemas()
        return await _schema(url)


@pytest.mark.parametrize(
    "dialect",
    [pytest.param("sqlite", marks=SQLITE_ONLY), pytest.param("postgres", marks=POSTGRES_ONLY)],
)
async def test_migrations_build_the_models_schema_from_empty(
    dialect: str, empty_database: str, committed_copy: Path, tmp_path: Path
) -> None:
    # given an empty database
    # when the committed migrations are applied
    run = await apply_migrations(empty_database, tmp_path / "backups", root=committed_copy)
    # then every migration ran, nothing was backed up, and the tables are the models' own
    assert run.applied == version_files(committed_copy / dialect)
    assert run.backup is None
    assert not (tmp_path / "backups").exists()
    migrated = await _schema(empty_database)
    assert {"aerich", "member", "staff"} <= {row[0] for row in migrated}
    assert migrated == await _generated_schema()


@pytest.mark.parametrize(
    "dialect",
    [pytest.param("sqlite", marks=SQLITE_ONLY), pytest.param("postgres", marks=POSTGRES_ONLY)],
)
async def test_migrations_leave_nothing_for_aerich_to_add(
    dialect: str, empty_database: str, committed_copy: Path
) -> None:
    # given the committed migrations
    before = version_files(committed_copy / dialect)
    # when aerich diffs the models against them
    created = await generate_migration(empty_database, "drift", root=committed_copy)
    # then the models have nothing the migrations lack: run `tessera makemigrations NAME` if this fails
    assert created is None
    assert version_files(committed_copy / dialect) == before


async def test_migrating_an_up_to_date_database_applies_nothing(
    empty_database: str, committed_copy: Path, tmp_path: Path
) -> None:
    # given a migrated database
    await apply_migrations(empty_database, tmp_path / "backups", root=committed_copy)
    # when migrating again
    run = await apply_migrations(empty_database, tmp_path / "backups", root=committed_copy)
    # then nothing ran and nothing was backed up
    assert run.applied == []
    assert run.backup is None
    assert not (tmp_path / "backups").exists()


_PENDING_MIGRATION = '''\
from tortoise import BaseDBAsyncClient


async def upgrade(db: BaseDBAsyncClient) -> str:
    return "CREATE TABLE pending_note (id INTEGER PRIMARY KEY);"


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "DROP TABLE pending_note;"
'''


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _region_codes(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [code for (code,) in connection.execute("SELECT code FROM region")]


@SQLITE_ONLY
async def test_sqlite_database_is_backed_up_before_an_upgrade(committed_copy: Path, tmp_path: Path) -> None:
    # given a migrated SQLite file holding data, and one more migration pending
    database = tmp_path / "tessera.sqlite3"
    url = f"sqlite://{database}"
    backups = tmp_path / "backups"
    await apply_migrations(url, backups, root=committed_copy)
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("INSERT INTO region (code, name, created_at) VALUES ('EAST', '华东', '2026-01-01')")
        connection.commit()
    pending = f"{len(version_files(committed_copy / 'sqlite'))}_20990101000000_pending_note.py"
    (committed_copy / "sqlite" / "models" / pending).write_text(_PENDING_MIGRATION)
    # when migrating
    run = await apply_migrations(url, backups, root=committed_copy)
    # then the pending migration ran, after a backup of the database as it was
    assert run.applied == [pending]
    assert run.backup is not None
    assert run.backup.parent == backups
    assert run.backup.name.startswith("tessera-")
    assert run.backup.suffix == ".sqlite3"
    assert [p.name for p in backups.iterdir()] == [run.backup.name]
    assert _region_codes(run.backup) == ["EAST"]
    assert "pending_note" not in _tables(run.backup)
    assert "pending_note" in _tables(database)


async def test_applying_without_migration_files_is_refused(empty_database: str, tmp_path: Path) -> None:
    # given a migrations root with no files
    # when applying from it
    with pytest.raises(MigrationError) as caught:
        await apply_migrations(empty_database, tmp_path / "backups", root=tmp_path)
    # then the error says what to run
    assert "tessera makemigrations" in str(caught.value)


def test_generating_postgres_migrations_needs_a_postgres_url(tmp_path: Path) -> None:
    with pytest.raises(MigrationError) as caught:
        make_migrations("init", "sqlite://:memory:", root=tmp_path)
    assert str(caught.value) == "Migrations for PostgreSQL need a PostgreSQL URL, not sqlite."
    assert list(tmp_path.iterdir()) == []


@POSTGRES_ONLY
def test_makemigrations_generates_both_dialects_from_the_same_models(tmp_path: Path) -> None:
    # given no migrations yet
    # when generating twice
    first = make_migrations("init", TEST_DATABASE_URL, root=tmp_path)
    second = make_migrations("again", TEST_DATABASE_URL, root=tmp_path)
    # then the first run wrote each dialect's initial migration in its own SQL, the second nothing
    assert first == {dialect: version_files(tmp_path / dialect)[0] for dialect in ("sqlite", "postgres")}
    assert [name.endswith("_init.py") for name in first.values()] == [True, True]
    assert "AUTOINCREMENT" in (tmp_path / "sqlite" / "models" / first["sqlite"]).read_text()
    assert "SERIAL" in (tmp_path / "postgres" / "models" / first["postgres"]).read_text()
    assert second == {"sqlite": None, "postgres": None}
