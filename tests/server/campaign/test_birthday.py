"""A birthday campaign reaches each member on their birthday once a year, however many times
the scan runs or workers race; members born on other days hear nothing."""

from __future__ import annotations

from datetime import date

from server.campaign.services import pause_campaign
from server.campaign.triggers import TRIGGER_TASK
from server.delivery.models import Delivery
from server.jobs.queue import enqueue
from tests.server.campaign.conftest import TODAY, birthday_draft, launched


async def test_a_birthday_campaign_delivers_once_per_member_per_year_even_when_the_worker_runs_twice(
    org, register, log_channel, worker, clock
) -> None:
    # given two members born today (years apart), one born tomorrow
    ann = await register(date(1990, 1, 7), name="安")
    bo = await register(date(1985, 1, 7), name="博")
    await register(date(1990, 1, 8))
    campaign = await launched(org, birthday_draft())
    # when the scan runs, then runs again the same day (a rerun, a second worker)
    await worker.drain()
    await enqueue(TRIGGER_TASK, "rerun", {})
    await worker.drain()
    # then each birthday member got exactly one message, with their name and store filled in
    assert sorted((m.member_id, m.body) for m in log_channel.sent) == [
        (ann.id, "安，生日快乐！上海一店送您好礼"),
        (bo.id, "博，生日快乐！上海一店送您好礼"),
    ]
    rows = await Delivery.filter(source=f"campaign:{campaign.id}").order_by("member_id")
    assert [(d.key, d.status.value) for d in rows] == [
        (f"campaign:{campaign.id}:{TODAY.year}:{ann.id}", "SENT"),
        (f"campaign:{campaign.id}:{TODAY.year}:{bo.id}", "SENT"),
    ]
    # and next year they are celebrated again, once
    clock.advance(days=365)
    await enqueue(TRIGGER_TASK, "next-year", {})
    await enqueue(TRIGGER_TASK, "next-year-again", {})
    await worker.drain()
    assert len(log_channel.sent) == 4
    assert await Delivery.filter(source=f"campaign:{campaign.id}", key__contains=f":{TODAY.year + 1}:").count() == 2


async def test_a_paused_campaign_reaches_nobody_new(org, register, log_channel, worker) -> None:
    # given
    await register(date(1990, 1, 7))
    campaign = await launched(org, birthday_draft())
    await pause_campaign(org.actors["hq.admin"], campaign.id)
    # when
    await worker.drain()
    # then
    assert log_channel.sent == []
    assert await Delivery.filter(source=f"campaign:{campaign.id}").count() == 0
