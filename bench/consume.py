"""Benchmark: GraphQL `consume` TPS against pgbench tpcb-like TPS on the same PostgreSQL server.

    python -m bench.consume [--clients 16] [--seconds 20] [--rounds 3] [--cards 1000] [--workers 2]

Creates two scratch databases on the server named by --database-url (or BENCH_DATABASE_URL),
migrates and seeds Tessera through its services, serves it with `tessera serve --workers W`, then
alternates rounds of C HTTP clients paying with `consume` and `pgbench -c C -j 2 -T T -M prepared`,
prints both TPS (median of the rounds) and their ratio, checks the ledger, and drops everything.
Each round also has pgbench send a consume's own SQL (`bench.consume_sql`) to Tessera's database:
the most any server sending that SQL could reach on this machine.
Issue 3's bar: consume ≥ 0.35 × pgbench with 2 workers. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import uvloop
from tortoise.context import TortoiseContext

from bench import consume_sql, machine, profile
from bench.chain import CLERK, PASSWORD, Chain, build_chain
from bench.load import drive, login
from bench.postgres import Server, initialise_pgbench, run_pgbench
from bench.server import TesseraServer, migrate, tessera_env
from server.access.sessions import token_digest
from server.core import crypto
from server.db import tortoise_config
from server.ledger.verify import Problem, verify_ledger

TARGET = 0.35
WARM_UP_SECONDS = 3.0
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    database_url: str
    clients: int
    seconds: int
    rounds: int
    cards: int
    workers: int
    scale: int
    profile: bool
    keep: bool


def _options() -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.consume", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--clients", type=int, default=16, help="concurrent HTTP clients, and pgbench clients")
    parser.add_argument("--seconds", type=int, default=20, help="length of each measured round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each benchmark; medians are reported")
    parser.add_argument("--cards", type=int, default=1000, help="funded cards the clients spread over")
    parser.add_argument("--workers", type=int, default=2, help="tessera serve workers")
    parser.add_argument("--scale", type=int, default=0, help="pgbench scale (default: one branch per client)")
    parser.add_argument("--profile", action="store_true", help="sample the workers with py-spy during the first round")
    parser.add_argument("--keep", action="store_true", help="after the rounds, keep the server and databases until Ctrl-C")
    args = parser.parse_args()
    return Options(
        args.database_url, args.clients, args.seconds, args.rounds, args.cards, args.workers, args.scale or args.clients, args.profile, args.keep
    )


async def _with_orm(url: str, secret_key: str, work: Callable[[], Awaitable[T]]) -> T:
    crypto.configure(secret_key)
    async with TortoiseContext() as orm:
        await orm.init(config=tortoise_config(url))
        return await work()


def _say(message: str = "") -> None:
    print(message, flush=True)


@dataclass
class Results:
    consume_tps: list[float]
    pgbench_tps: list[float]
    cpu_ms: list[float]
    errors: Counter[str]
    profile: list[str]
    postgres_ms: list[float] = field(default_factory=list)
    pgbench_postgres_ms: list[float] = field(default_factory=list)
    sql_tps: list[float] = field(default_factory=list)


async def _write_script(chain: Chain, options: Options) -> Path:
    """The pgbench script of a consume's SQL (built inside the ORM: the till read is Tessera's own)."""
    path = Path(tempfile.mkstemp(suffix=".pgbench")[1])
    path.write_text(consume_sql.script(chain.store_id, options.clients, options.cards), encoding="utf-8")
    return path


async def _rounds(
    options: Options, server: Server, databases: tuple[str, str], tessera: TesseraServer, chain: Chain, script: Path
) -> Results:
    tessera_db, pgbench_db = databases
    token = await login(tessera.base_url, CLERK, PASSWORD)
    sql_options = ("-f", str(script), *consume_sql.variables(chain.store_id, token_digest(token)))
    await drive(tessera.base_url, token, chain.card_nos, options.clients, WARM_UP_SECONDS)
    results = Results([], [], [], Counter(), [])
    for round_ in range(1, options.rounds + 1):
        samplers, outputs = [], []
        if options.profile and round_ == 1:
            outputs = [Path(tempfile.mkstemp(suffix=".txt")[1]) for _ in tessera.worker_pids()]
            samplers = [profile.record(pid, max(1, options.seconds - 2), out) for pid, out in zip(tessera.worker_pids(), outputs)]
        cpu_before, machine_before = tessera.cpu_seconds(), machine.read()
        tally, elapsed = await drive(tessera.base_url, token, chain.card_nos, options.clients, options.seconds)
        workers = [after - before for before, after in zip(cpu_before, tessera.cpu_seconds())]
        split = machine.split(machine_before, machine.read(), workers, tally.paid)
        results.cpu_ms.append(split.workers)
        for sampler in samplers:
            sampler.wait()
        if outputs:
            results.profile = profile.summarise(outputs)
            for out in outputs:
                out.unlink()
        results.consume_tps.append(tally.paid / elapsed)
        results.postgres_ms.append(split.postgres)
        results.errors.update(tally.errors)
        pgbench_before = machine.read()
        results.pgbench_tps.append(await asyncio.to_thread(run_pgbench, server, pgbench_db, options.clients, options.seconds))
        transactions = round(results.pgbench_tps[-1] * options.seconds)
        pgbench_split = machine.split(pgbench_before, machine.read(), [], transactions)
        results.pgbench_postgres_ms.append(pgbench_split.postgres)
        sql_before = machine.read()
        results.sql_tps.append(
            await asyncio.to_thread(run_pgbench, server, tessera_db, options.clients, options.seconds, *sql_options)
        )
        sql_split = machine.split(sql_before, machine.read(), [], round(results.sql_tps[-1] * options.seconds))
        _say(
            f"round {round_}: consume {results.consume_tps[-1]:7.1f} TPS (p50 {tally.percentile(0.5) * 1000:.1f} ms, "
            f"p99 {tally.percentile(0.99) * 1000:.1f} ms, {results.cpu_ms[-1]:.2f} ms worker CPU each, "
            f"{sum(tally.errors.values())} errors) · pgbench tpcb-like {results.pgbench_tps[-1]:7.1f} TPS · "
            f"load {os.getloadavg()[0]:.1f}\n         {split.line()}\n         pgbench: machine CPU per transaction "
            f"{pgbench_split.machine:.2f} ms = PostgreSQL {pgbench_split.postgres:.2f} + pgbench and other "
            f"{pgbench_split.machine - pgbench_split.postgres:.2f}\n         a consume's SQL driven by pgbench "
            f"{results.sql_tps[-1]:7.1f} TPS: machine CPU per consume {sql_split.machine:.2f} ms = PostgreSQL "
            f"{sql_split.postgres:.2f} + pgbench and other {sql_split.machine - sql_split.postgres:.2f}"
        )
    return results


async def _run(options: Options) -> int:
    server = Server.from_url(options.database_url)
    tessera_db, pgbench_db = f"bench_tessera_{os.getpid()}", f"bench_pgbench_{os.getpid()}"
    secret_key = secrets.token_urlsafe(32)
    tessera: TesseraServer | None = None
    script: Path | None = None
    try:
        await server.recreate(tessera_db)
        await server.recreate(pgbench_db)
        seed_url = server.url(tessera_db, "maxsize=10")
        migrate(tessera_env(seed_url, secret_key))
        _say(f"Seeding {options.cards} funded cards through the services…")
        chain = await _with_orm(seed_url, secret_key, lambda: build_chain(options.cards))
        script = await _with_orm(seed_url, secret_key, lambda: _write_script(chain, options))
        _say(f"Initialising pgbench at scale {options.scale}…")
        await asyncio.to_thread(initialise_pgbench, server, pgbench_db, options.scale)
        pool = f"minsize=2&maxsize={options.clients // options.workers + 2}"
        tessera = TesseraServer(tessera_env(server.url(tessera_db, pool), secret_key), options.workers)
        results = await _rounds(options, server, (tessera_db, pgbench_db), tessera, chain, script)
        if options.keep:
            _say(f"Keeping {tessera.base_url} (workers {tessera.worker_pids()}) on {tessera_db}; Ctrl-C cleans up.")
            await asyncio.Event().wait()
        tessera.stop()
        problems: list[Problem] = await _with_orm(server.url(tessera_db), secret_key, verify_ledger)
    finally:
        if tessera is not None:
            tessera.stop()
        await server.recreate(tessera_db, create=False)
        await server.recreate(pgbench_db, create=False)
        if script is not None:
            script.unlink()
    return _report(options, results, problems)


def _report(options: Options, results: Results, problems: list[Problem]) -> int:
    consume, pgbench = statistics.median(results.consume_tps), statistics.median(results.pgbench_tps)
    _say()
    for line in results.profile:
        _say(line)
    _say()
    _say(f"clients {options.clients} · workers {options.workers} · {options.rounds} × {options.seconds} s · {options.cards} cards")
    _say(f"consume (GraphQL over HTTP)  {consume:8.1f} TPS   ({statistics.median(results.cpu_ms):.2f} ms worker CPU per consume)")
    _say(f"pgbench tpcb-like            {pgbench:8.1f} TPS")
    _say(f"ratio                        {consume / pgbench:8.3f}   (target ≥ {TARGET})")
    ceiling = statistics.median(results.sql_tps)
    _say(
        f"a consume's SQL by pgbench    {ceiling:8.1f} TPS   = {ceiling / pgbench:.3f} × tpcb-like: the most any server sending "
        f"it could reach; consume over HTTP is at {consume / ceiling:.0%} of it"
    )
    budget = (os.cpu_count() or 1) * 1000 / (TARGET * pgbench)
    _say(
        f"CPU per consume the target allows: {budget:.2f} ms on {os.cpu_count()} cores; PostgreSQL alone spent "
        f"{statistics.median(results.postgres_ms):.2f} ms per consume ({statistics.median(results.pgbench_postgres_ms):.2f} "
        "per tpcb-like transaction)"
    )
    if results.errors:
        _say(f"consume errors: {dict(results.errors)}")
    _say("ledger: sound" if not problems else f"ledger: {len(problems)} problems, e.g. {problems[:3]}")
    return 0 if not problems and not results.errors else 1


def main() -> None:
    sys.exit(uvloop.run(_run(_options())))


if __name__ == "__main__":
    main()
