"""Segments at scale on PostgreSQL: a million generated members, the count of four-condition
segments, the RFM job and automatic tag refresh over them, and a campaign fan-out to 100,000 of
them on the logging channel.

    .venv/bin/python -m bench.segments                      # 1,000,000 members, 3,000,000 purchases
    .venv/bin/python -m bench.segments --members 100000     # a smaller run

The org, tiers and tags are made through the services; members, their tags, purchases and points
by set-based `INSERT … SELECT generate_series` with a deterministic spread (gender, birthday, home
store over 4 regions and 40 stores, tier, marketing consent, registration, tags, purchases over the
last 400 days, points). Each count is the median of `--repeat` runs after one warm-up, the way the
preview and campaign counts run (`compile_rule` → SQL). The database is dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from tortoise import Tortoise

from bench.campaign_fanout import DEFAULT_URL, SECRET, time_fan_out
from bench.postgres import Server
from bench.server import migrate, tessera_env
from server.access.models import Role
from server.access.services import StaffScope, create_staff
from server.access.sessions import actor_for
from server.core import crypto
from server.core.clock import business_today
from server.db import tortoise_config
from server.logging import configure_logging
from server.org.services import create_region, create_store
from server.segment.compiler import compile_rule, parse_rule
from server.segment.rfm import refresh_member_values
from server.segment.services import count_members, create_segment
from server.core.sql import fetch
from server.tag.automatic import bind_tag
from server.tag.services import create_tag
from server.tier.services import TierDraft, create_tier

REGIONS, STORES_PER_REGION, TAGS = 4, 10, 20
FAN_OUT_STORES = 4  # members are spread evenly over the stores: 4 of 40 hold 100,000 of 1,000,000

# $1 store ids, $2 tier ids, $3 members. Gender 50 % female, 40 % male; a birthday for 95 % (ages
# ~18-73); tiers: 60 % none, then the three tiers 20/10/10 %; everyone consents except a third of
# the last stores' members (so the fan-out's stores consent in full); registered over 5 years.
_MEMBERS = """
INSERT INTO member (member_no, name, phone_encrypted, phone_index, phone_suffix, gender, birthday, email,
                    home_store_id, channel, marketing_consent, attributes, status, tier_id, total_spend,
                    visit_count, created_at, updated_at)
SELECT (100000000000 + n)::text, '会员' || n, 'x', 'bench-' || n, lpad((n % 10000)::text, 4, '0'),
       CASE WHEN n % 10 < 5 THEN 'FEMALE' WHEN n % 10 < 9 THEN 'MALE' ELSE 'UNKNOWN' END,
       CASE WHEN n % 20 = 0 THEN NULL ELSE DATE '1953-01-01' + ((n * 7919) % 20000)::int END, '',
       ($1::int[])[1 + n % array_length($1::int[], 1)], 'STORE',
       NOT (n % array_length($1::int[], 1) >= array_length($1::int[], 1) - 4 AND n % 3 = 0), '{}', 'ACTIVE',
       CASE WHEN n % 10 < 6 THEN NULL ELSE ($2::int[])[1 + (n % 10 - 6) % 3] END, 0, 0,
       now() - ((n * 13) % 1825) * INTERVAL '1 day', now()
FROM generate_series(1::bigint, $3) AS n
"""

# Each tag on ~10 % of members, spread by a hash of member and tag.
_TAGS = """
INSERT INTO member_tag (member_id, tag_id, created_at)
SELECT m.id, t.id, now() FROM member m CROSS JOIN tag t WHERE (m.id::bigint * 7919 + t.id * 104729) % 97 < 10
"""

# $1 purchases, $2 members, $3 store ids. Amounts 10.00-509.99; purchases over the last 400 days.
_PURCHASES = """
INSERT INTO ledger_operation (kind, idempotency_key, fingerprint, member_id, store_id, order_ref, amount, result,
                              created_at)
SELECT 'CONSUME', 'bench-' || g, '', 1 + (g * 7919) % $2, ($3::int[])[1 + g % array_length($3::int[], 1)], '',
       1000 + (g * 104729) % 50000, '{}', now() - ((g * 7) % 400) * INTERVAL '1 day' - (g % 86400) * INTERVAL '1 second'
FROM generate_series(1::bigint, $1) AS g
"""

_STATS = """
UPDATE member m SET total_spend = s.total, visit_count = s.visits, first_purchase_at = s.first_at,
       last_purchase_at = s.last_at
FROM (SELECT member_id, SUM(amount) AS total, COUNT(*) AS visits, MIN(created_at) AS first_at,
             MAX(created_at) AS last_at FROM ledger_operation WHERE kind = 'CONSUME' GROUP BY member_id) s
WHERE s.member_id = m.id
"""

# Half the members hold points (0-4999).
_POINTS = """
INSERT INTO ledger_account (key, code, unit, member_id, balance, created_at)
SELECT 'MEMBER_POINTS:member:' || m.id, 'MEMBER_POINTS', 'POINTS', m.id, (m.id * 37) % 5000, now()
FROM member m WHERE m.id % 2 = 0
"""


async def _timed(label: str, work: Callable[[], Awaitable[Any]]) -> Any:
    started = time.perf_counter()
    result = await work()
    print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


async def _sql(statement: str, *params: Any) -> None:
    await Tortoise.get_connection("default").execute_query(statement, list(params))


async def _generate(members: int, purchases: int) -> dict[str, Any]:
    hq = actor_for(await create_staff(None, "bench.hq", "bench-password-1", StaffScope(Role.HQ), system=True))
    stores, regions = [], []
    for r in range(REGIONS):
        region = await create_region(hq, f"R{r}", f"大区{r}")
        regions.append(region.id)
        for s in range(STORES_PER_REGION):
            stores.append((await create_store(hq, f"S{r}{s:02d}", f"门店{r}-{s}", region.id)).id)
    tiers = [(await create_tier(hq, TierDraft(name=name, rank=rank))).id for rank, name in enumerate(("银卡", "金卡", "白金"), 1)]
    tags = [(await create_tag(hq, f"标签{t}")).id for t in range(TAGS)]
    print(f"generating {members:,} members and {purchases:,} purchases", flush=True)
    await _timed("members", lambda: _sql(_MEMBERS, stores, tiers, members))
    await _timed("tags", lambda: _sql(_TAGS))
    await _timed("purchases", lambda: _sql(_PURCHASES, purchases, members, stores))
    await _timed("member stats", lambda: _sql(_STATS))
    await _timed("points", lambda: _sql(_POINTS))
    # Autovacuum keeps an insert-mostly table's visibility map current in production; a table
    # loaded a second ago has none yet, and index-only scans would still visit every row.
    await _timed("VACUUM ANALYZE", lambda: _sql("VACUUM ANALYZE"))
    return {"hq": hq, "stores": stores, "regions": regions, "tiers": tiers, "tags": tags}


def _rules(world: dict[str, Any]) -> dict[str, dict[str, Any]]:
    regions, tiers, tags = world["regions"], world["tiers"], world["tags"]
    return {
        "women 25-45 in 2 regions who spent ≥ 300 in 90 days": {"and": [
            {"gender": ["FEMALE"]}, {"age": {"min": 25, "max": 45}}, {"regions": regions[:2]},
            {"spend": {"days": 90, "min": 30000}},
        ]},
        "gold+ with tag 0 or 1, no visit in 60 days, points ≥ 1000": {"and": [
            {"tiers": tiers[1:]}, {"tags": {"match": "ANY", "ids": tags[:2]}},
            {"not": {"visits": {"days": 60, "min": 1}}}, {"points": {"min": 1000}},
        ]},
        "birthday in Q1, registered in 2 years, not tag 5, IMPORTANT_* RFM": {"and": [
            {"birthdayMonths": [1, 2, 3]}, {"registered": {"from": _days_ago(730)}},
            {"tags": {"match": "NONE", "ids": tags[5:6]}},
            {"rfmGroups": ["IMPORTANT_VALUE", "IMPORTANT_KEEP", "IMPORTANT_DEVELOP", "IMPORTANT_RETAIN"]},
        ]},
    }


def _days_ago(days: int) -> str:
    return (business_today() - timedelta(days=days)).isoformat()


async def _count(rule: dict[str, Any], repeat: int) -> tuple[int, float]:
    selection = compile_rule(parse_rule(rule))
    count = await count_members(selection)  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        await count_members(selection)
        times.append(time.perf_counter() - started)
    return count, statistics.median(times)


async def _explain(rule: dict[str, Any]) -> str:
    text, params = compile_rule(parse_rule(rule)).count().render("postgres")
    rows = await Tortoise.get_connection("default").execute_query_dict(f"EXPLAIN (ANALYZE, BUFFERS) {text}", params)
    return "\n".join(r["QUERY PLAN"] for r in rows)


async def _bench(options: argparse.Namespace) -> int:
    world = await _generate(options.members, options.purchases)
    hq = world["hq"]
    print("RFM and tags over the members")
    scored = await _timed("RFM job (refresh_member_values)", refresh_member_values)
    print(f"  members scored: {scored:,}")
    ok = True
    print(f"segment counts (median of {options.repeat}, target ≤ 2 s):")
    for label, rule in _rules(world).items():
        count, seconds = await _count(rule, options.repeat)
        ok &= seconds <= 2.0
        print(f"  {label}: {count:,} members in {seconds:.3f} s", flush=True)
        if options.explain:
            print(await _explain(rule))
    women = await create_segment(hq, "bench women 25-45", _rules(world)["women 25-45 in 2 regions who spent ≥ 300 in 90 days"])
    tag = await create_tag(hq, "bench auto")
    await _timed("bind an automatic tag to the first segment (first refresh)", lambda: bind_tag(hq, tag.id, women.id))
    rows = await fetch(compile_rule(parse_rule({"tags": {"match": "ANY", "ids": [tag.id]}})).count())
    print(f"  tagged: {int(rows[0]['n']):,}")
    audience = await create_segment(hq, "bench fan-out", {"homeStores": world["stores"][:FAN_OUT_STORES]})
    print("campaign fan-out on the logging channel (target ≥ 5,000 deliveries/s):", flush=True)
    result = await time_fan_out(hq, audience.id)
    print(f"  {result.recipients:,} deliveries, {result.sent:,} sent in {result.seconds:.1f} s = {result.per_second:,.0f} deliveries/s")
    ok &= result.per_second >= 5000
    load = os.getloadavg()
    print(f"load average: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} (the machine is shared: figures vary with other work)")
    return 0 if ok else 1


async def _run(options: argparse.Namespace) -> int:
    server = Server.from_url(options.database_url)
    database = f"bench_segments_{os.getpid()}"
    await server.recreate(database)
    url = server.url(database)
    log = tempfile.NamedTemporaryFile("w", prefix="tessera-segments-", suffix=".log", delete=False)  # noqa: SIM115
    try:
        crypto.configure(SECRET)
        migrate(tessera_env(url, SECRET))
        configure_logging(production=True, stream=log)
        await Tortoise.init(config=tortoise_config(url))
        try:
            return await _bench(options)
        finally:
            await Tortoise.close_connections()
    finally:
        log.close()
        os.unlink(log.name)
        if not options.keep:
            await server.recreate(database, create=False)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.segments", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--purchases", type=int, default=3_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs per count (after one warm-up).")
    parser.add_argument("--explain", action="store_true", help="Print EXPLAIN ANALYZE of each count.")
    parser.add_argument("--keep", action="store_true", help="Keep the database (bench_segments_<pid>) afterwards.")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    sys.exit(asyncio.run(_run(parser.parse_args())))


if __name__ == "__main__":
    main()
