"""The issue's yardstick: a bare strawberry + tortoise `consume` beside pgbench on the same machine.

    python -m bench.bare [--clients 16] [--seconds 12] [--rounds 3] [--cards 1000]

The mutation does only what the issue describes — one guarded update of a card's balance and one
insert — behind the same GraphQL shape as Tessera's `consume` (so `bench.load` drives both) with
strawberry's parser and validation caches on, no authentication, served like Tessera (2 workers,
each on its own socket). It prints its TPS against pgbench tpcb-like in alternating rounds, like
`bench.consume`, so the two benchmarks' ratios compare on one machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
from decimal import Decimal

import httpx
import strawberry
import uvloop
from starlette.applications import Starlette
from starlette.routing import Route
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache
from tortoise import Tortoise, fields
from tortoise.contrib.starlette import register_tortoise
from tortoise.models import Model

from bench.load import drive
from bench.postgres import Server, initialise_pgbench, run_pgbench
from bench.server import free_port

DATABASE = "BARE_DATABASE_URL"


class BareCard(Model):
    id = fields.IntField(primary_key=True)
    card_no = fields.CharField(max_length=20, unique=True)
    balance = fields.BigIntField()


class BareEntry(Model):
    id = fields.BigIntField(primary_key=True)
    card_id = fields.IntField()
    amount = fields.BigIntField()
    key = fields.CharField(max_length=100, unique=True)


@strawberry.input
class ConsumeInput:
    card_no: str
    amount: str
    idempotency_key: str


@strawberry.type
class Breakdown:
    payable: str
    paid_principal: str
    paid_bonus: str
    points_earned: int


@strawberry.type
class Transfer:
    id: strawberry.ID


@strawberry.type
class UserError:
    code: str
    message: str


@strawberry.type
class ConsumePayload:
    breakdown: Breakdown | None
    transfer: Transfer | None
    errors: list[UserError]


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def consume(self, input: ConsumeInput) -> ConsumePayload:
        fen = int(Decimal(input.amount) * 100)
        conn = Tortoise.get_connection("default")
        count, _ = await conn.execute_query(
            "UPDATE barecard SET balance = balance - $1 WHERE card_no = $2 AND balance >= $1", [fen, input.card_no]
        )
        if not count:
            return ConsumePayload(breakdown=None, transfer=None, errors=[UserError(code="INSUFFICIENT_BALANCE", message="")])
        entry = await BareEntry.create(card_id=0, amount=fen, key=input.idempotency_key)
        paid = f"{fen / 100:.2f}"
        breakdown = Breakdown(payable=paid, paid_principal=paid, paid_bonus="0.00", points_earned=0)
        return ConsumePayload(breakdown=breakdown, transfer=Transfer(id=strawberry.ID(str(entry.id))), errors=[])


def create_app() -> Starlette:
    schema = strawberry.Schema(query=Query, mutation=Mutation, extensions=[ParserCache(), ValidationCache()])
    app = Starlette(routes=[Route("/graphql", GraphQL(schema))])
    register_tortoise(app, db_url=os.environ[DATABASE], modules={"models": [__name__]})
    return app


async def _seed(url: str, cards: int) -> list[str]:
    await Tortoise.init(db_url=url, modules={"models": [__name__]})
    await Tortoise.generate_schemas()
    numbers = [f"B{n:06d}" for n in range(cards)]
    await BareCard.bulk_create([BareCard(card_no=no, balance=10**12) for no in numbers])
    await Tortoise.close_connections()
    return numbers


async def _run(args: argparse.Namespace) -> None:
    server = Server.from_url(args.database_url)
    bare_db, pgbench_db = f"bench_bare_{os.getpid()}", f"bench_pgbench_{os.getpid()}"
    process = None
    try:
        await server.recreate(bare_db)
        await server.recreate(pgbench_db)
        url = server.url(bare_db, f"minsize=2&maxsize={args.clients // 2 + 2}")
        cards = await _seed(url, args.cards)
        await asyncio.to_thread(initialise_pgbench, server, pgbench_db, args.clients)
        port = free_port()
        code = f"from server.serving import serve; serve('127.0.0.1', {port}, 2, app='bench.bare:create_app')"
        process = subprocess.Popen(
            [sys.executable, "-c", code],
            env={**os.environ, DATABASE: url},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                httpx.post(f"{base}/graphql", json={"query": "{ ok }"}, timeout=2)
                break
            except httpx.HTTPError:
                await asyncio.sleep(0.2)
        await drive(base, "-", cards, args.clients, 3)
        bare_tps, pgbench_tps = [], []
        for round_ in range(1, args.rounds + 1):
            tally, elapsed = await drive(base, "-", cards, args.clients, args.seconds)
            bare_tps.append(tally.paid / elapsed)
            pgbench_tps.append(await asyncio.to_thread(run_pgbench, server, pgbench_db, args.clients, args.seconds))
            errors = sum(tally.errors.values())
            print(
                f"round {round_}: bare consume {bare_tps[-1]:7.1f} TPS ({errors} errors) · "
                f"pgbench tpcb-like {pgbench_tps[-1]:7.1f} TPS",
                flush=True,
            )
        bare, pgbench = statistics.median(bare_tps), statistics.median(pgbench_tps)
        print(f"bare consume (strawberry + tortoise) {bare:8.1f} TPS")
        print(f"pgbench tpcb-like                    {pgbench:8.1f} TPS")
        print(f"ratio                                {bare / pgbench:8.3f}")
    finally:
        if process is not None:
            os.killpg(process.pid, 2)
            process.wait(timeout=30)
        await server.recreate(bare_db, create=False)
        await server.recreate(pgbench_db, create=False)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bare", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cards", type=int, default=1000)
    uvloop.run(_run(parser.parse_args()))


if __name__ == "__main__":
    main()
