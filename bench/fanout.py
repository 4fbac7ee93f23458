"""Subscription fan-out (SPEC §4, issue 4): websocket subscribers spread over two server processes
that share Redis, under a stream of consumes.

Prints the delivery latency of events, p50 and p99, from the commit (the event's `committedAt`,
stamped by the server right after the transaction) to the subscriber's receipt; and consume TPS
with and without the subscribers attached. Targets: p99 ≤ 100 ms, and the subscribers cost
≤ 20 % of consume TPS.

    .venv/bin/python -m bench.fanout                         # 1,000 subscribers, rounds of 20 s
    .venv/bin/python -m bench.fanout --stores 20 --rounds 3 --rate 40

What one run does, from the repository root:

1. creates a scratch database `bench_fanout_<pid>` on the PostgreSQL server of `--database-url`
   (default `postgres://postgres@127.0.0.1:5432/postgres`, or BENCH_DATABASE_URL), runs
   `tessera migrate`, and seeds it: HQ, `--stores` stores over 5 regions with a clerk each, a
   stored-value card type, `--members` members (home stores round-robin) with a card funded by
   a `recharge` — members, cards and money through the services, staff and sessions directly;
2. starts two `tessera serve` processes (production settings) sharing `--redis-url` on a channel
   of their own;
3. TPS: `--clients` HTTP clients (alternating between the servers) send `consume` (1.00 of a
   random member's card, at the member's home store, as HQ) flat out for `--seconds`; rounds
   without subscribers and `--rounds` with them alternate (A B A B A), and the medians compare.
   With subscribers: `--subscribers` websockets in two client processes, half `storeActivity`
   spread evenly over the stores (the store tablets, a store's two on different servers), half
   `balanceChanged` on distinct members (the member screens), each signed in as a clerk;
4. latency: with the subscribers attached, a steady stream of consumes at `--rate` per second
   (default: half the TPS without subscribers — latency targets hold below saturation, where
   queueing does not dominate); every subscriber notes each event's delay. The delays seen in the
   flat-out rounds are printed too;
5. prints the figures, and drops the database (also on failure or Ctrl-C). The exit status is 0
   when every expected event arrived and no subscriber was dropped or refused.

The bench clients share the machine with the servers, PostgreSQL and Redis: on a small machine
their own CPU is part of what the subscribers cost, and anything else running skews the TPS; the
server CPU per consume is printed as a steadier measure of the fan-out's own cost. The clients
decline per-message compression, which the servers would otherwise spend CPU on for every frame.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

import asyncpg
import httpx
from strawberry.relay import GlobalID
from tortoise.context import TortoiseContext
from websockets.asyncio.client import ClientConnection, connect

from server.access.models import Role, Staff, StaffSession
from server.access.passwords import hash_password
from server.access.sessions import actor_for, token_digest
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.core import crypto
from server.core.clock import now
from server.db import tortoise_config
from server.member.services import MemberDraft, create_member
from server.org.services import create_region, create_store
from server.wallet.services import RechargeRequest, recharge

ROOT = Path(__file__).resolve().parent.parent
TESSERA = str(Path(sys.executable).with_name("tessera"))
SECRET_KEY = "bench-fanout-secret-key-0123456789"
REGIONS = 5

CONSUME = """
mutation($input: ConsumeInput!) { consume(input: $input) { transfer { id } errors { code } } }
"""
STORE_ACTIVITY = """
subscription($storeId: ID!) { storeActivity(storeId: $storeId) {
  kind member { memberNo phone } card { cardNo } balance { total } amount store { code } committedAt } }
"""
BALANCE_CHANGED = """
subscription($memberId: ID!) { balanceChanged(memberId: $memberId) {
  kind member { memberNo phone } card { cardNo } balance { total } amount store { code } committedAt } }
"""


def gid(type_name: str, pk: int) -> str:
    return str(GlobalID(type_name, str(pk)))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU the processes have used so far (Linux /proc)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- the database -------------------------------------------------------------------------------


@dataclass
class Chain:
    """What the seed created: the ids the load and the subscribers need."""

    hq_token: str
    stores: list[int]
    clerk_tokens: dict[int, list[str]]  # by store: sessions of the store's clerk, one per subscriber
    cards: list[tuple[str, int, int]]  # card number, member id, home store id


async def _admin(database_url: str, sql: str) -> None:
    base, _, _ = database_url.rpartition("/")
    conn = await asyncpg.connect(f"{base}/postgres".replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _session(staff: Staff) -> str:
    token = secrets.token_urlsafe(32)
    await StaffSession.create(token_hash=token_digest(token), staff=staff, expires_at=now() + timedelta(hours=6))
    return token


async def seed(database_url: str, stores: int, members: int, subscribers: int) -> Chain:
    """Staff and sessions are written directly (one argon2 hash for all, no login per tablet);
    members, cards and money go through the services, so the ledger is what production holds."""
    crypto.configure(SECRET_KEY)
    async with TortoiseContext() as orm:
        await orm.init(config=tortoise_config(database_url))
        password = await hash_password(secrets.token_urlsafe(12))
        hq_row = await Staff.create(username="bench.hq", password_hash=password, role=Role.HQ)
        hq = actor_for(hq_row)
        regions = [await create_region(hq, f"R{r}", f"大区{r}") for r in range(REGIONS)]
        store_rows = [await create_store(hq, f"S{s:04d}", f"门店{s}", regions[s % REGIONS].id) for s in range(stores)]
        clerks = [
            await Staff.create(username=f"clerk.{s.code.lower()}", password_hash=password, role=Role.STORE, store_id=s.id)
            for s in store_rows
        ]
        card_type = await create_card_type(hq, CardTypeDraft(code="BENCH", name="储值卡"))

        async def member(n: int) -> tuple[str, int, int]:
            store = store_rows[n % stores]
            row = await create_member(hq, MemberDraft(name=f"会员{n}", phone=f"139{n:08d}", home_store_id=store.id))
            card = await issue_card(hq, IssueRequest(member_id=row.id, card_type_id=card_type.id, card_no=f"B{n:08d}"))
            await recharge(hq, RechargeRequest(card.card_no, 5_000_000, f"seed-{n}", store_id=store.id))
            return card.card_no, row.id, store.id

        cards: list[tuple[str, int, int]] = []
        for start in range(0, members, 16):
            cards += await asyncio.gather(*(member(n) for n in range(start, min(members, start + 16))))
        sessions_each = subscribers // stores + 2
        clerk_tokens = {clerk.store_id: [await _session(clerk) for _ in range(sessions_each)] for clerk in clerks}
        return Chain(await _session(hq_row), [s.id for s in store_rows], clerk_tokens, cards)


# -- the servers --------------------------------------------------------------------------------


class Server:
    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/graphql"
        self.process = subprocess.Popen(
            [TESSERA, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    async def ready(self, timeout: float = 60.0) -> None:
        async with httpx.AsyncClient(trust_env=False, timeout=1.0) as client, asyncio.timeout(timeout):
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError("tessera serve exited")
                try:
                    if (await client.get(f"{self.url}/readyz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@asynccontextmanager
async def servers(env: dict[str, str]) -> AsyncIterator[list[Server]]:
    running = [Server(env), Server(env)]
    try:
        await asyncio.gather(*(s.ready() for s in running))
        yield running
    finally:
        for server in running:
            server.stop()


# -- the consume stream -------------------------------------------------------------------------


@dataclass
class Load:
    seconds: float
    done: int = 0
    failed: int = 0
    server_cpu: float = 0.0
    per_store: dict[int, int] = field(default_factory=dict)
    per_member: dict[int, int] = field(default_factory=dict)

    @property
    def tps(self) -> float:
        return self.done / self.seconds

    @property
    def cpu_ms(self) -> float:
        """Server CPU per consume: everything the two server processes did, divided by consumes."""
        return self.server_cpu / max(1, self.done) * 1000


class Consumer:
    """Sends consumes (1.00 of a random member's card at the member's home store, as HQ) to the
    servers in turn, counting what succeeded and where."""

    def __init__(self, chain: Chain, servers: list[Server], connections: int) -> None:
        self.chain = chain
        self.servers = servers
        headers = {"Authorization": f"Bearer {chain.hq_token}"}
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        self.clients = [
            httpx.AsyncClient(base_url=s.url, trust_env=False, timeout=30.0, headers=headers, limits=limits) for s in servers
        ]
        self.keys = itertools.count()
        self.run = uuid.uuid4().hex[:8]

    async def close(self) -> None:
        for client in self.clients:
            await client.aclose()

    async def one(self, load: Load, n: int) -> None:
        card_no, member_id, store_id = random.choice(self.chain.cards)
        variables = {
            "input": {"cardNo": card_no, "amount": "1.00", "storeId": gid("Store", store_id), "idempotencyKey": f"{self.run}-{next(self.keys)}"}
        }
        response = await self.clients[n % len(self.clients)].post("/graphql", json={"query": CONSUME, "variables": variables})
        body = response.json()
        if response.status_code == 200 and not body.get("errors") and not body["data"]["consume"]["errors"]:
            load.done += 1
            load.per_store[store_id] = load.per_store.get(store_id, 0) + 1
            load.per_member[member_id] = load.per_member.get(member_id, 0) + 1
        else:
            load.failed += 1

    async def flat_out(self, clients: int, seconds: float) -> Load:
        """`clients` concurrent senders, each sending its next consume as soon as the last one
        answered, for `seconds`: the TPS the servers can reach."""
        load = Load(seconds=seconds)
        pids = [s.process.pid for s in self.servers]
        cpu_before = cpu_seconds(pids)
        deadline = time.monotonic() + seconds

        async def sender(i: int) -> None:
            while time.monotonic() < deadline:
                await self.one(load, i)

        await asyncio.gather(*(sender(i) for i in range(clients)))
        load.server_cpu = cpu_seconds(pids) - cpu_before
        return load

    async def at_rate(self, rate: float, seconds: float) -> Load:
        """A consume every 1/`rate` seconds whatever the answers, for `seconds`: a steady stream
        below saturation, where delivery latency is meant to be measured."""
        load = Load(seconds=seconds)
        pids = [s.process.pid for s in self.servers]
        cpu_before = cpu_seconds(pids)
        started = time.monotonic()
        pending: set[asyncio.Task[None]] = set()
        for n in range(int(rate * seconds)):
            await asyncio.sleep(max(0.0, started + n / rate - time.monotonic()))
            task = asyncio.create_task(self.one(load, n))
            pending.add(task)
            task.add_done_callback(pending.discard)
        await asyncio.gather(*pending)
        load.server_cpu = cpu_seconds(pids) - cpu_before
        return load


# -- the subscribers (in their own processes) ---------------------------------------------------


@dataclass
class Watch:
    url: str
    token: str
    query: str
    variables: dict[str, str]


def subscriber_process(watches: list[Watch], pipe: Connection) -> None:
    """Opens every websocket, subscribes, reports "ready", notes each event's delay until told
    to stop, then sends back the delays (seconds) and how many connections were dropped."""
    asyncio.run(_subscribe_all(watches, pipe))


async def _subscribe_all(watches: list[Watch], pipe: Connection) -> None:
    delays: list[float] = []
    closed: list[int | None] = []
    refused: list[object] = []

    async def watch(w: Watch, n: int) -> ClientConnection:
        ws = await connect(w.url, subprotocols=["graphql-transport-ws"], compression=None, proxy=None, open_timeout=60)  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {w.token}"}}))
        ack = json.loads(await ws.recv())
        assert ack["type"] == "connection_ack", ack
        await ws.send(json.dumps({"id": str(n), "type": "subscribe", "payload": {"query": w.query, "variables": w.variables}}))
        return ws

    async def listen(ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                received = time.time()
                message = json.loads(raw)
                if message["type"] == "next" and message["payload"].get("data"):
                    event = next(iter(message["payload"]["data"].values()))
                    delays.append(received - datetime.fromisoformat(event["committedAt"]).timestamp())
                elif message["type"] != "pong":
                    refused.append(message)
        except Exception:  # noqa: BLE001 - a dropped connection is counted, not fatal
            pass
        closed.append(ws.close_code)

    sockets: list[ClientConnection] = []
    for start in range(0, len(watches), 50):
        sockets += await asyncio.gather(*(watch(w, start + i) for i, w in enumerate(watches[start : start + 50])))
    listeners = [asyncio.create_task(listen(ws)) for ws in sockets]
    pipe.send("ready")
    await asyncio.get_running_loop().run_in_executor(None, pipe.recv)
    dropped = len(closed)
    for ws in sockets:
        await ws.close()
    await asyncio.gather(*listeners)
    pipe.send((delays, dropped, refused[:3], len(refused)))


def watches(chain: Chain, servers: list[Server], subscribers: int) -> list[Watch]:
    """Half store tablets (storeActivity, spread evenly over the stores, a store's tablets on
    alternate servers), half member screens (balanceChanged, each on a different member,
    alternately on each server); each signed in as a clerk of that store (of the member's home
    store)."""
    tokens = {store: iter(sessions) for store, sessions in chain.clerk_tokens.items()}
    tablets = subscribers // 2
    result: list[Watch] = []
    for t in range(tablets):
        store, round_ = chain.stores[t % len(chain.stores)], t // len(chain.stores)
        server = servers[(t + round_) % 2]
        result.append(Watch(server.ws_url, next(tokens[store]), STORE_ACTIVITY, {"storeId": gid("Store", store)}))
    for m in range(subscribers - tablets):
        _, member, home = chain.cards[m % len(chain.cards)]
        result.append(Watch(servers[m % 2].ws_url, next(tokens[home]), BALANCE_CHANGED, {"memberId": gid("Member", member)}))
    return result


def expected_deliveries(load: Load, plan: list[Watch]) -> int:
    by_store: dict[str, int] = {}
    by_member: dict[str, int] = {}
    for w in plan:
        if "storeId" in w.variables:
            by_store[w.variables["storeId"]] = by_store.get(w.variables["storeId"], 0) + 1
        else:
            by_member[w.variables["memberId"]] = by_member.get(w.variables["memberId"], 0) + 1
    return sum(n * by_store.get(gid("Store", s), 0) for s, n in load.per_store.items()) + sum(
        n * by_member.get(gid("Member", m), 0) for m, n in load.per_member.items()
    )


@dataclass
class Heard:
    """What the subscribers received while attached."""

    delays_ms: list[float]
    dropped: int
    errors: int
    client_cpu: float


@asynccontextmanager
async def attached(plan: list[Watch]) -> AsyncIterator[list[Heard]]:
    """The subscribers of `plan`, connected and subscribed, in two client processes; on leaving,
    what they heard is appended to the yielded list."""
    context = multiprocessing.get_context("spawn")
    pipes, processes = [], []
    for part in (plan[0::2], plan[1::2]):
        mine, theirs = context.Pipe()
        process = context.Process(target=subscriber_process, args=(part, theirs), daemon=True)
        process.start()
        pipes.append(mine)
        processes.append(process)
    heard: list[Heard] = []
    try:
        for pipe in pipes:
            if not pipe.poll(180):
                raise TimeoutError("the subscribers did not connect")
            assert pipe.recv() == "ready"
        await asyncio.sleep(1.0)
        pids = [p.pid for p in processes if p.pid]
        cpu_before = cpu_seconds(pids)
        yield heard
        await asyncio.sleep(1.0)  # events of the last consumes still on their way
        client_cpu = cpu_seconds(pids) - cpu_before
        for pipe in pipes:
            pipe.send("stop")
        delays: list[float] = []
        dropped = errors = 0
        for pipe in pipes:
            if not pipe.poll(120):
                raise TimeoutError("the subscribers did not report")
            part_delays, part_dropped, samples, part_errors = pipe.recv()
            delays += part_delays
            dropped += part_dropped
            errors += part_errors
            for sample in samples:
                print(f"   unexpected message: {sample}", flush=True)
        heard.append(Heard([d * 1000 for d in delays], dropped, errors, client_cpu))
    finally:
        for process in processes:
            process.join(30)
            if process.is_alive():
                process.kill()


# -- the run ------------------------------------------------------------------------------------


def line(label: str, load: Load, heard: Heard | None = None) -> None:
    """A round's figures; with subscribers, also their client processes' CPU per consume (they
    share the machine, so it is part of what the subscribers cost here, though not the servers')."""
    clients = f"  subscriber clients {heard.client_cpu / max(1, load.done) * 1000:4.2f} ms/consume" if heard else ""
    print(f"   {label:<26} {load.tps:7.1f} consume/s  server CPU {load.cpu_ms:5.2f} ms/consume  ({load.failed} failed){clients}", flush=True)


def latency(delays_ms: list[float]) -> str:
    if not delays_ms:
        return "no events"
    return (
        f"p50 {percentile(delays_ms, 0.50):6.1f} ms  p99 {percentile(delays_ms, 0.99):6.1f} ms  "
        f"max {max(delays_ms):6.1f} ms  ({len(delays_ms)} deliveries)"
    )


async def run(args: argparse.Namespace) -> int:
    base = args.database_url.rpartition("/")[0]
    name = f"bench_fanout_{os.getpid()}"
    database_url = f"{base}/{name}?minsize=2&maxsize={max(4, args.clients)}"
    await _admin(args.database_url, f'CREATE DATABASE "{name}"')
    try:
        env = {
            **os.environ,
            "TESSERA_DATABASE_URL": database_url,
            "TESSERA_SECRET_KEY": SECRET_KEY,
            "TESSERA_ENV": "production",
            "TESSERA_REDIS_URL": args.redis_url,
            "TESSERA_REDIS_CHANNEL": f"bench-fanout:{uuid.uuid4().hex}",
        }
        subprocess.run([TESSERA, "migrate"], cwd=ROOT, env=env, check=True, capture_output=True)
        print(f"seeding {args.stores} stores, {args.members} members with funded cards …", flush=True)
        chain = await seed(database_url, args.stores, args.members, args.subscribers)
        async with servers(env) as running:
            consumer = Consumer(chain, running, args.clients)
            plan = watches(chain, running, args.subscribers)
            try:
                await consumer.flat_out(args.clients, 3.0)  # warm-up
                print(f"TPS: {args.clients} clients flat out, {args.rounds} rounds of {args.seconds:.0f} s with and without subscribers")
                without = [await consumer.flat_out(args.clients, args.seconds)]
                line("without subscribers", without[-1])
                with_ = []
                saturated: list[Heard] = []
                for _ in range(args.rounds):
                    async with attached(plan) as heard:
                        with_.append(await consumer.flat_out(args.clients, args.seconds))
                    saturated += heard
                    line(f"with {args.subscribers} subscribers", with_[-1], heard[0])
                    without.append(await consumer.flat_out(args.clients, args.seconds))
                    line("without subscribers", without[-1])
                baseline_tps = statistics.median(load.tps for load in without)
                rate = args.rate or round(baseline_tps / 2, 1)
                print(f"latency: {args.subscribers} subscribers attached, a steady {rate} consume/s for {args.seconds:.0f} s")
                async with attached(plan) as heard_steady:
                    steady = await consumer.at_rate(rate, args.seconds)
                line("steady stream", steady, heard_steady[0])
            finally:
                await consumer.close()

        [steady_heard] = heard_steady
        loaded_tps = statistics.median(load.tps for load in with_)
        cost = 1 - loaded_tps / baseline_tps
        cpu_without = statistics.median(load.cpu_ms for load in without)
        cpu_with = statistics.median(load.cpu_ms for load in with_)
        expected = expected_deliveries(steady, plan)
        print()
        print(f"subscribers        {args.subscribers} over 2 server processes sharing Redis; {args.stores} stores, {args.members} members")
        print(f"delivery latency   {latency(steady_heard.delays_ms)}   at {rate} consume/s (target p99 ≤ 100 ms)")
        print(f"                   {latency([d for h in saturated for d in h.delays_ms])}   at saturation")
        print(f"deliveries         {len(steady_heard.delays_ms)} of {expected} expected at the steady rate; "
              f"connections dropped {sum(h.dropped for h in [steady_heard, *saturated])}; "
              f"errors {sum(h.errors for h in [steady_heard, *saturated])}")
        print(f"consume TPS        {baseline_tps:7.1f} without subscribers, {loaded_tps:7.1f} with (medians): "
              f"cost {cost:5.1%} (target ≤ 20 %)")
        print(f"server CPU         {cpu_without:5.2f} ms per consume without subscribers, {cpu_with:5.2f} ms with "
              f"(+{cpu_with / cpu_without - 1:.0%})")
        print(f"machine            {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end "
              f"(servers, PostgreSQL, Redis and these clients share it)")
        ok = len(steady_heard.delays_ms) == expected and not any(h.dropped or h.errors for h in [steady_heard, *saturated])
        return 0 if ok else 1
    finally:
        await _admin(args.database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379"))
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--stores", type=int, default=250, help="Store tablets spread evenly over them.")
    parser.add_argument("--members", type=int, default=1000, help="Members with a funded card; consumes pick one at random.")
    parser.add_argument("--clients", type=int, default=16, help="Concurrent HTTP clients sending consumes.")
    parser.add_argument("--seconds", type=float, default=20.0, help="Length of each round.")
    parser.add_argument("--rounds", type=int, default=2, help="Rounds with subscribers (each between two without).")
    parser.add_argument("--rate", type=float, default=0.0, help="Consumes/s of the latency round (default: half the TPS).")
    sys.exit(asyncio.run(run(parser.parse_args())))


if __name__ == "__main__":
    main()
