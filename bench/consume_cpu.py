"""Server CPU per `consume`, measured in one process: the figure to compare code changes by.

    python -m bench.consume_cpu [--requests 2000] [--cards 50] [--profile]

`bench.consume` measures throughput against pgbench, which swings with whatever else the machine
runs. This drives the same GraphQL `consume` through the full ASGI app (middleware, GraphQL,
authentication, the service, the payload) in-process with no HTTP client (`bench.asgi`), one
request at a time, against a scratch PostgreSQL database, and prints the process CPU time per
request — CPU time, not wall time, so it
holds steady on a busy machine. `--profile` adds cProfile's view (timed by CPU, not wall clock) of where that CPU goes.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import secrets
import time
from dataclasses import replace

from starlette.types import ASGIApp
from tortoise.context import TortoiseContext

from bench import machine
from bench.asgi import post
from bench.chain import CLERK, PASSWORD, build_chain
from bench.load import AMOUNT, CONSUME, LOGIN
from bench.postgres import Server
from bench.server import migrate, tessera_env
from server.app import create_app
from server.config import Settings
from server.core import crypto
from server.db import tortoise_config


async def _consume_cpu(app: ASGIApp, headers: dict[str, str], card_nos: list[str], requests: int) -> float:
    """CPU milliseconds per consume over `requests` sequential calls."""
    serial = 0
    run = secrets.token_hex(4)

    async def one() -> None:
        nonlocal serial
        serial += 1
        card_no = card_nos[serial % len(card_nos)]
        variables = {"input": {"cardNo": card_no, "amount": AMOUNT, "idempotencyKey": f"cpu-{run}-{serial}"}}
        _, body = await post(app, "/graphql", json.dumps({"query": CONSUME, "variables": variables}).encode(), headers)
        payload = json.loads(body)["data"]["consume"]
        if payload["errors"]:
            raise RuntimeError(payload["errors"])

    for _ in range(50):
        await one()
    started = time.process_time()
    for _ in range(requests):
        await one()
    return (time.process_time() - started) * 1000 / requests


async def _run(database_url: str, requests: int, cards: int, profile: bool) -> None:
    server = Server.from_url(database_url)
    database = f"bench_cpu_{os.getpid()}"
    secret_key = secrets.token_urlsafe(32)
    await server.recreate(database)
    try:
        url = server.url(database, "maxsize=4")
        migrate(tessera_env(url, secret_key))
        settings = replace(Settings.from_env(), database_url=url, secret_key=secret_key, production=True)
        crypto.configure(secret_key)
        async with TortoiseContext() as orm:
            await orm.init(config=tortoise_config(url))
            chain = await build_chain(cards)
            app = create_app(settings, manage_orm=False)
            headers = {"Content-Type": "application/json", "Accept": "application/json"}
            credentials = {"query": LOGIN, "variables": {"username": CLERK, "password": PASSWORD}}
            _, body = await post(app, "/graphql", json.dumps(credentials).encode(), headers)
            headers["Authorization"] = f"Bearer {json.loads(body)['data']['login']['token']}"
            before = machine.read()
            ms = await _consume_cpu(app, headers, chain.card_nos, requests)
            postgres = (machine.read().postgres - before.postgres) * 1000 / requests
            print(
                f"consume: {ms:.2f} ms server CPU each, PostgreSQL {postgres:.2f} ms "
                f"(in-process, sequential, {requests} requests, load {os.getloadavg()[0]:.1f})"
            )
            if profile:
                profiler = cProfile.Profile(time.process_time)
                profiler.enable()
                await _consume_cpu(app, headers, chain.card_nos, requests)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
    finally:
        await server.recreate(database, create=False)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.consume_cpu", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cards", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="print a CPU-timed cProfile of a second pass")
    args = parser.parse_args()
    asyncio.run(_run(args.database_url, args.requests, args.cards, args.profile))


if __name__ == "__main__":
    main()
