"""The `campaign.send` task: sends one fan-out run's pending deliveries within an id range.

Each job owns its range of its run (`source`, `at`, ids `from`..`to`), so no two jobs send the
same delivery; a rerun finds the sent ones no longer PENDING. Pausing a campaign stops its
fan-outs; what a run already recorded still goes out. Then the range's SENT deliveries get the
campaign's rewards (`server.campaign.rewards`), once each, also when a rerun sends nothing.
"""

from __future__ import annotations

from datetime import datetime

from server.campaign.fanout import SEND_TASK
from server.campaign.models import Campaign
from server.campaign.rewards import grant_rewards
from server.delivery.models import Delivery, DeliveryStatus
from server.delivery.services import send_batch
from server.jobs.registry import JobContext, Task
from server.core.sql import sql


async def _send(context: JobContext) -> None:
    payload = context.payload
    deliveries = await Delivery.filter(
        source=payload["source"],
        created_at=datetime.fromisoformat(payload["at"]),
        id__gte=int(payload["from"]),
        id__lt=int(payload["to"]),
        status=DeliveryStatus.PENDING,
    ).order_by("id").only("id", "key", "member_id", "purpose", "channel", "template", "params", "subject", "body", "attempts")
    if deliveries:
        await send_batch(deliveries, context.started_at)
    campaign = await Campaign.get_or_none(id=int(payload["source"].split(":")[1]))
    if campaign is not None:
        await grant_rewards(campaign, context.started_at, sql("d.id >= ? AND d.id < ?", int(payload["from"]), int(payload["to"])))


SEND = Task(SEND_TASK, _send, max_attempts=5, backoff=30.0, timeout=1800.0)
