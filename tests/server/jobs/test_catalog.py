"""Tessera's own registry: points expiry and the tier review are scheduled hourly, the campaign scan every
15 minutes, and they run through the worker."""

from __future__ import annotations

from datetime import timedelta

from server.core.clock import now
from server.jobs.catalog import REGISTRY
from server.jobs.models import Job, JobState
from server.jobs.runner import Worker
from tests.server.points.conftest import backdate, give, held
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures


async def test_the_worker_expires_points_on_the_hourly_schedule_once_per_hour(org, wallet):
    # given a lot that expired yesterday and one still live
    await backdate(await give(org, wallet.member.id, 100), now() - timedelta(days=1))
    await give(org, wallet.member.id, 40, expiry_months=12)
    worker = Worker(REGISTRY, name="w")
    # when the worker schedules and drains twice within the hour
    await worker.schedule()
    first = await worker.drain()
    await worker.schedule()
    second = await worker.drain()
    # then the expiry ran once (beside the tier review, the campaign scan, the RFM scoring, the
    # automatic tags' refresh, the card issue's notice and its send) and emptied the expired lot only
    assert (first, second) == (7, 0)
    assert await held(wallet.member.id) == [(100, 0), (40, 40)]
    job = await Job.get(task="points.expire")
    assert (job.state, job.attempts, job.key.startswith("periodic:points.expire:")) == (JobState.SUCCEEDED, 1, True)
    review = await Job.get(task="tier.review")
    assert (review.state, review.key.startswith("periodic:tier.review:")) == (JobState.SUCCEEDED, True)
