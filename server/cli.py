"""The `tessera` command: serve, run the worker, migrate, seed the demo, create staff, expire
points, verify the ledger, export the schema, and generate migrations. Command names and options are a contract (SPEC §5).

Each command that touches the database opens the ORM for its own run and always closes the
connections again (SQLite keeps a process alive otherwise). The GraphQL schema is imported only
by `export-schema`, so the other commands never load it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from tortoise.context import TortoiseContext
from tortoise.exceptions import OperationalError

from server import serving
from server.access.models import Role
from server.access.services import StaffScope, create_staff
from server.channels import registry as channels
from server.config import Settings
from server.core import crypto
from server.core.errors import DomainError, not_found
from server.core.text import clean_code
from server.db import tortoise_config
from server.jobs.catalog import REGISTRY
from server.jobs.runner import Worker
from server.demo.brand import ACCOUNTS, DEMO_PASSWORD
from server.demo.seed import seed_demo
from server.ledger.models import Account, Transfer
from server.ledger.verify import verify_ledger
from server.migrations import MigrationError, apply_migrations, make_migrations
from server.org.models import Region, Store
from server.points.expiry import expire_points

SCHEMA_SDL_PATH = Path(__file__).resolve().parent.parent / "schema" / "schema.graphql"

T = TypeVar("T")

app = typer.Typer(
    help="Tessera: membership management for chain businesses.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _var_dir() -> Path:
    """Where local state lives (the default SQLite file, the dev secret key, backups)."""
    return Path(os.environ.get("TESSERA_VAR_DIR", "var"))


def _fail(message: str) -> typer.Exit:
    typer.secho(f"Error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


@asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[None]:
    """The ORM for one command; leaving the context closes its connections."""
    crypto.configure(settings.secret_key)
    async with TortoiseContext() as orm:
        await orm.init(config=tortoise_config(settings.database_url))
        yield


def _run(work: Coroutine[Any, Any, T]) -> T:
    """Runs a command's coroutine; an expected failure becomes a message and exit code 1."""
    try:
        return asyncio.run(work)
    except (DomainError, MigrationError) as exc:
        raise _fail(str(exc)) from exc
    except OperationalError as exc:
        raise _fail(f"{exc} (has `tessera migrate` run?)") from exc


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Defaults to TESSERA_HOST or 127.0.0.1.")] = None,
    port: Annotated[int | None, typer.Option(help="Defaults to TESSERA_PORT or 8000.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Server processes; more than one needs TESSERA_REDIS_URL.")] = 1,
) -> None:
    """Serve the GraphQL API (run `tessera migrate` first)."""
    settings = Settings.from_env()
    serving.serve(host or settings.host, port or settings.port, workers)


@app.command()
def worker(
    once: Annotated[bool, typer.Option("--once", help="Enqueue what is due, run every due job, then exit.")] = False,
    poll: Annotated[float, typer.Option(min=0.05, help="Seconds to wait when no job is due.")] = 1.0,
) -> None:
    """Run scheduled and queued work (points expiry, notices, sends) until SIGINT/SIGTERM."""

    async def work() -> int:
        settings = Settings.from_env()
        channels.configure(settings.channels)
        async with _database(settings):
            runner = Worker(REGISTRY, poll_seconds=poll)
            if once:
                await runner.schedule()
                return await runner.drain()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            await runner.run(stop)
            return 0

    ran = _run(work())
    if once:
        typer.echo(f"Ran {_count(ran, 'job')}.")


@app.command()
def migrate() -> None:
    """Create or upgrade the database schema (a SQLite file is backed up first)."""
    settings = Settings.from_env()
    run = _run(apply_migrations(settings.database_url, _var_dir() / "backups"))
    if run.backup is not None:
        typer.echo(f"Backed up the database to {run.backup}")
    for version in run.applied:
        typer.echo(f"Applied {version}")
    typer.echo("The database is up to date.")


@app.command("seed-demo")
def seed_demo_command(
    password: Annotated[str, typer.Option(help="Password of every demo account.")] = DEMO_PASSWORD,
) -> None:
    """Load the demo brand: regions, stores, staff, tiers, tags and members. Safe to re-run."""

    async def work() -> None:
        async with _database(Settings.from_env()):
            report = await seed_demo(password)
        for kind in ("regions", "stores", "staff", "tiers", "tags", "members"):
            typer.echo(f"{kind}: {report.created[kind]} created, {report.skipped[kind]} already there")

    _run(work())
    typer.echo("Sign in as " + ", ".join(account.username for account in ACCOUNTS) + ".")


async def _scope(role: Role, region: str | None, store: str | None) -> StaffScope:
    region_id = store_id = None
    if region is not None:
        found = await Region.get_or_none(code=clean_code(region, "region"))
        if found is None:
            raise not_found(f"Region {region}", "region")
        region_id = found.id
    if store is not None:
        found_store = await Store.get_or_none(code=clean_code(store, "store"))
        if found_store is None:
            raise not_found(f"Store {store}", "store")
        store_id = found_store.id
    return StaffScope(role, region_id=region_id, store_id=store_id)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.read().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@app.command("create-staff")
def create_staff_command(
    username: Annotated[str, typer.Argument(help="Login name: 3-64 of a-z, 0-9, '.', '_' or '-'.")],
    role: Annotated[Role, typer.Option(help="HQ sees the whole brand; REGION one region; STORE one store.")],
    region: Annotated[str | None, typer.Option(metavar="CODE", help="The region of a REGION account.")] = None,
    store: Annotated[str | None, typer.Option(metavar="CODE", help="The store of a STORE account.")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Create a staff account, acting as the system (this is how the first HQ account is made)."""
    if region is not None and store is not None:
        raise typer.BadParameter("give --region or --store, not both")
    password = _read_password(password_stdin)

    async def work() -> None:
        async with _database(Settings.from_env()):
            scope = await _scope(role, region, store)
            staff = await create_staff(None, username, password, scope, system=True)
        typer.echo(f"Created {staff.role.value} account {staff.username}.")

    _run(work())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _instant(text: str | None) -> datetime | None:
    """An ISO 8601 time; one without an offset is taken as UTC."""
    if text is None:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(f"not an ISO 8601 time: {text!r}", param_hint="--at") from exc
    return at if at.tzinfo else at.replace(tzinfo=UTC)


@app.command("expire-points")
def expire_points_command(
    at: Annotated[
        str | None,
        typer.Option(metavar="ISO-TIME", help="Expire lots due by this time (default now; UTC unless it has an offset)."),
    ] = None,
) -> None:
    """Expire the points of every lot past its expiry date. Safe to run twice, or twice at once."""
    when = _instant(at)

    async def work() -> None:
        async with _database(Settings.from_env()):
            report = await expire_points(when)
        typer.echo(f"Expired {_count(report.points, 'point')} from {_count(report.lots, 'lot')}.")

    _run(work())


@app.command("verify-ledger")
def verify_ledger_command() -> None:
    """Check the ledger's invariants over the whole database; exits 1 on any mismatch."""

    async def work() -> tuple[list[str], int, int]:
        async with _database(Settings.from_env()):
            problems = [f"{p.what}: {p.detail}" for p in await verify_ledger()]
            return problems, await Account.all().count(), await Transfer.all().count()

    problems, accounts, transfers = _run(work())
    for problem in problems:
        typer.echo(problem)
    if problems:
        raise _fail(f"The ledger has {_count(len(problems), 'problem')}.")
    typer.echo(f"The ledger is sound: {_count(accounts, 'account')} and {_count(transfers, 'transfer')} checked.")


def printed_schema() -> str:
    """The SDL as committed in schema/schema.graphql."""
    from schema.root import schema

    return f"{schema}\n"


@app.command("export-schema")
def export_schema(
    output: Annotated[Path, typer.Option(help="Where to write the SDL.")] = SCHEMA_SDL_PATH,
) -> None:
    """Print the GraphQL schema (SDL) to schema/schema.graphql, the partner-facing contract."""
    output.write_text(printed_schema(), encoding="utf-8")
    typer.echo(f"Wrote {output}")


@app.command()
def makemigrations(
    name: Annotated[str, typer.Argument(help="What the migration does, e.g. add_cards.")],
    postgres_url: Annotated[
        str | None,
        typer.Option(help="PostgreSQL to generate against (needs CREATEDB); defaults to TESSERA_DATABASE_URL."),
    ] = None,
) -> None:
    """Generate the next migration for SQLite and PostgreSQL from the current models (developers)."""
    url = postgres_url or Settings.from_env().database_url
    try:
        created = make_migrations(name, url)
    except MigrationError as exc:
        raise _fail(f"{exc} Pass --postgres-url.") from exc
    for dialect, version in created.items():
        typer.echo(f"{dialect}: {version or 'no changes'}")
