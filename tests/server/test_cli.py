"""The `tessera` command, run the way an operator runs it (typer's CliRunner) against a real
database file or, in the PostgreSQL suite, a scratch PostgreSQL database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from click.testing import Result
from tortoise.context import TortoiseContext
from typer.testing import CliRunner

from schema.root import schema
from server.access.models import Role, Staff
from server.access.services import StaffScope, create_staff
from server.access.sessions import actor_for, login
from server.cli import app, printed_schema
from server.config import Settings
from server.core import crypto
from server.db import tortoise_config
from server.migrations import migrations_folder, scratch_database, version_files
from server.org.services import create_region, create_store
from tests.conftest import ON_POSTGRES, TEST_DATABASE_URL

SECRET_KEY = "cli-test-secret-key"
PASSWORD = "long-enough-pass"
T = TypeVar("T")


@pytest.fixture
async def database_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database the CLI is pointed at through the environment, as in production."""
    async with scratch_database(TEST_DATABASE_URL if ON_POSTGRES else "sqlite://:memory:") as url:
        monkeypatch.setenv("TESSERA_DATABASE_URL", url)
        monkeypatch.setenv("TESSERA_VAR_DIR", str(tmp_path / "var"))
        monkeypatch.setenv("TESSERA_SECRET_KEY", SECRET_KEY)
        yield url


@pytest.fixture
def migrated(database_url: str) -> str:
    result = tessera("migrate")
    assert result.exit_code == 0, result.output
    return database_url


def tessera(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)


def in_database(url: str, work: Callable[[], Awaitable[T]]) -> T:
    """Runs `work` with the ORM open on `url`, the way the CLI does, and closes it again."""

    async def run() -> T:
        crypto.configure(SECRET_KEY)
        async with TortoiseContext() as orm:
            await orm.init(config=tortoise_config(url))
            return await work()

    return asyncio.run(run())


async def _staff() -> list[tuple[str, str, Any, Any]]:
    return [(s.username, Role(s.role).value, s.region_id, s.store_id) for s in await Staff.all().order_by("id")]


def test_migrate_creates_the_schema_and_says_what_it_applied(database_url: str) -> None:
    # when
    result = tessera("migrate")
    # then
    assert result.exit_code == 0, result.output
    applied = [f"Applied {version}\n" for version in version_files(migrations_folder(database_url))]
    assert result.output == "".join(applied) + "The database is up to date.\n"
    assert in_database(database_url, _staff) == []


def test_migrate_twice_applies_nothing_the_second_time(migrated: str) -> None:
    result = tessera("migrate")
    assert result.exit_code == 0, result.output
    assert result.output == "The database is up to date.\n"


def test_create_staff_reads_the_password_from_stdin_and_the_account_can_sign_in(migrated: str) -> None:
    # when
    result = tessera("create-staff", "Root.Admin", "--role", "HQ", "--password-stdin", stdin=f"{PASSWORD}\n")
    # then
    assert result.exit_code == 0, result.output
    assert result.output == "Created HQ account root.admin.\n"
    assert in_database(migrated, _staff) == [("root.admin", "HQ", None, None)]

    async def sign_in() -> str:
        token, _ = await login(Settings(database_url=migrated, secret_key=SECRET_KEY), "root.admin", PASSWORD)
        return token

    assert in_database(migrated, sign_in)


async def _chain() -> tuple[int, int]:
    hq = actor_for(await create_staff(None, "hq.admin", PASSWORD, StaffScope(Role.HQ), system=True))
    region = await create_region(hq, "EAST", "华东")
    store = await create_store(hq, "SH001", "上海一店", region.id)
    return region.id, store.id


def test_create_staff_scopes_accounts_by_region_and_store_code(migrated: str) -> None:
    # given a region EAST with store SH001
    region_id, store_id = in_database(migrated, _chain)
    # when
    manager = tessera(
        "create-staff", "east.manager", "--role", "REGION", "--region", "east", "--password-stdin", stdin=PASSWORD
    )
    clerk = tessera(
        "create-staff", "sh001.clerk", "--role", "STORE", "--store", "SH001", "--password-stdin", stdin=PASSWORD
    )
    # then
    assert (manager.exit_code, clerk.exit_code) == (0, 0)
    assert in_database(migrated, _staff)[1:] == [
        ("east.manager", "REGION", region_id, None),
        ("sh001.clerk", "STORE", region_id, store_id),
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["someone", "--role", "STORE", "--store", "NOPE"], PASSWORD, "Error: Store NOPE not found.\n"),
        (["someone", "--role", "REGION", "--region", "NOPE"], PASSWORD, "Error: Region NOPE not found.\n"),
        (["someone", "--role", "HQ"], "short", "Error: Passwords are 8-256 characters.\n"),
        (["x", "--role", "HQ"], PASSWORD, "Error: Usernames are 3-64 of a-z, 0-9, '.', '_' or '-'.\n"),
    ],
    ids=["unknown-store", "unknown-region", "short-password", "bad-username"],
)
def test_create_staff_failures_exit_non_zero_and_create_nothing(
    migrated: str, args: list[str], stdin: str, message: str
) -> None:
    # when
    result = tessera("create-staff", *args, "--password-stdin", stdin=stdin)
    # then
    assert result.exit_code == 1
    assert result.stderr == message
    assert in_database(migrated, _staff) == []


def test_create_staff_with_both_region_and_store_is_a_usage_error() -> None:
    result = tessera(
        "create-staff", "someone", "--role", "STORE", "--region", "EAST", "--store", "SH001", "--password-stdin"
    )
    assert result.exit_code == 2
    assert "give --region or --store, not both" in result.stderr


def test_create_staff_with_an_unknown_role_is_a_usage_error() -> None:
    result = tessera("create-staff", "someone", "--role", "ADMIN", "--password-stdin", stdin=PASSWORD)
    assert result.exit_code == 2
    assert "ADMIN" in result.stderr


def test_seed_demo_with_a_too_short_password_exits_non_zero(migrated: str) -> None:
    result = tessera("seed-demo", "--password", "short")
    assert result.exit_code == 1
    assert result.stderr == "Error: Passwords are 8-256 characters.\n"
    assert in_database(migrated, _staff) == []


def test_commands_on_an_unmigrated_database_say_to_migrate(database_url: str) -> None:
    result = tessera("create-staff", "someone", "--role", "HQ", "--password-stdin", stdin=PASSWORD)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert result.stderr.endswith(" (has `tessera migrate` run?)\n")


def test_export_schema_writes_the_printed_sdl(tmp_path: Path) -> None:
    # given
    output = tmp_path / "schema.graphql"
    # when
    result = tessera("export-schema", "--output", str(output))
    # then
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {output}\n"
    assert output.read_text(encoding="utf-8") == f"{schema}\n"
    assert printed_schema() == f"{schema}\n"


def test_makemigrations_without_a_postgres_url_exits_non_zero(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # given a SQLite deployment and no --postgres-url
    monkeypatch.setenv("TESSERA_DATABASE_URL", f"sqlite://{tmp_path}/tessera.sqlite3")
    monkeypatch.setenv("TESSERA_SECRET_KEY", SECRET_KEY)
    # when
    result = tessera("makemigrations", "add_cards")
    # then
    assert result.exit_code == 1
    assert result.stderr == "Error: Migrations for PostgreSQL need a PostgreSQL URL, not sqlite. Pass --postgres-url.\n"


def test_serve_runs_the_app_factory_on_the_configured_address(monkeypatch: pytest.MonkeyPatch) -> None:
    # given
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr("server.cli.serving.serve", lambda *args: calls.append(args))
    monkeypatch.setenv("TESSERA_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("TESSERA_HOST", "0.0.0.0")
    monkeypatch.setenv("TESSERA_PORT", "9100")
    # when
    result = tessera("serve", "--workers", "3")
    # then
    assert result.exit_code == 0, result.output
    assert calls == [("0.0.0.0", 9100, 3)]
