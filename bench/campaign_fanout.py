"""Campaign fan-out at scale: a one-shot campaign on the logging channel to every member of a
segment, timed from launch until the last delivery is SENT (the worker drains the fan-out and
its send batches in this process). Production logging goes to a file, one JSON line per message.

    .venv/bin/python -m bench.campaign_fanout --recipients 100000

Alone it builds its own scratch database with `--recipients` members (plain inserts; the
segment selects them all); `bench.segments` calls `time_fan_out` on its million members."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from dataclasses import dataclass

from tortoise import Tortoise

from bench.postgres import Server
from bench.server import migrate, tessera_env
from server.access.models import Role
from server.access.services import StaffScope, create_staff
from server.access.sessions import actor_for
from server.campaign.models import CampaignKind
from server.campaign.services import CampaignDraft, SettingsDraft, Variant, create_campaign, launch_campaign, set_campaign_settings
from server.channels.base import ChannelKind
from server.core import crypto
from server.db import tortoise_config
from server.delivery.models import Delivery, DeliveryStatus
from server.jobs.catalog import REGISTRY
from server.jobs.runner import Worker
from server.logging import configure_logging
from server.segment.services import create_segment

SECRET = "bench-secret-key"
DEFAULT_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


@dataclass(frozen=True)
class FanOut:
    recipients: int
    sent: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.sent / self.seconds if self.seconds else 0.0


async def time_fan_out(actor: object, segment_id: int) -> FanOut:
    """Launches a one-shot campaign to the segment (no holdout, no quiet hours, no cap) and runs
    the worker until it is idle; the deliveries it recorded and sent, and how long it took."""
    await set_campaign_settings(actor, SettingsDraft(cap_days=0, quiet_start_hour=0, quiet_end_hour=0))  # type: ignore[arg-type]
    draft = CampaignDraft(
        name=f"bench {time.time_ns()}",
        kind=CampaignKind.ONE_SHOT,
        segment_id=segment_id,
        channel=ChannelKind.LOG,
        variants=[Variant("A", 50, "{name}，{store}会员日"), Variant("B", 50, "{name}，本周双倍积分")],
    )
    campaign = await create_campaign(actor, draft)  # type: ignore[arg-type]
    source = f"campaign:{campaign.id}"
    started = time.perf_counter()
    await launch_campaign(actor, campaign.id)  # type: ignore[arg-type]
    await Worker(REGISTRY, name="bench").drain()
    seconds = time.perf_counter() - started
    recipients = await Delivery.filter(source=source).count()
    sent = await Delivery.filter(source=source, status=DeliveryStatus.SENT).count()
    return FanOut(recipients, sent, seconds)


_MEMBERS = """
INSERT INTO member (member_no, name, phone_encrypted, phone_index, phone_suffix, gender, email, home_store_id,
                    channel, marketing_consent, attributes, status, total_spend, visit_count, created_at, updated_at)
SELECT (100000000000 + n)::text, '会员' || n, 'x', 'bench-' || n, '0000', 'FEMALE', '', $1, 'STORE', true, '{}',
       'ACTIVE', 0, 0, now(), now()
FROM generate_series(1, $2) AS n
"""


async def _standalone(recipients: int) -> FanOut:
    from server.org.services import create_region, create_store

    hq = actor_for(await create_staff(None, "bench.hq", "bench-password-1", StaffScope(Role.HQ), system=True))
    region = await create_region(hq, "EAST", "华东")
    store = await create_store(hq, "SH001", "上海一店", region.id)
    await Tortoise.get_connection("default").execute_query(_MEMBERS, [store.id, recipients])
    segment = await create_segment(hq, "bench women", {"gender": ["FEMALE"]})
    return await time_fan_out(hq, segment.id)


async def _run(options: argparse.Namespace) -> int:
    server = Server.from_url(options.database_url)
    database = f"bench_fanout_{os.getpid()}"
    await server.recreate(database)
    url = server.url(database)
    log = tempfile.NamedTemporaryFile("w", prefix="tessera-fanout-", suffix=".log", delete=False)  # noqa: SIM115
    try:
        crypto.configure(SECRET)
        migrate(tessera_env(url, SECRET))
        configure_logging(production=True, stream=log)
        await Tortoise.init(config=tortoise_config(url))
        result = await _standalone(options.recipients)
        await Tortoise.close_connections()
    finally:
        log.close()
        await server.recreate(database, create=False)
    print(f"fan-out: {result.recipients} deliveries, {result.sent} sent in {result.seconds:.2f} s = {result.per_second:,.0f} deliveries/s")
    print(f"messages logged to {log.name}")
    return 0 if result.sent == result.recipients == options.recipients else 1


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.campaign_fanout", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    sys.exit(asyncio.run(_run(parser.parse_args())))


if __name__ == "__main__":
    main()
