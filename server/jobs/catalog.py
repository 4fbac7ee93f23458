"""Every task Tessera's worker runs and every periodic job: the one list other domains add to.

To add work: define a `Task` in your domain (e.g. `server/tier/jobs.py`), list it in TASKS, and,
for scheduled work, add a `Periodic(task_name, every=..., offset=...)` to PERIODIC.
"""

from __future__ import annotations

from datetime import timedelta

from server.campaign import sending, triggers
from server.delivery.services import SEND
from server.jobs.registry import Periodic, Registry
from server.notices.services import PREPARE
from server.points.jobs import EXPIRE_POINTS
from server.referral.rewards import REWARD
from server.segment.jobs import SCORE_VALUES
from server.tag.jobs import REFRESH_TAGS
from server.tier.jobs import REVIEW, UPGRADE

TASKS = [
    EXPIRE_POINTS,
    SEND,
    PREPARE,
    UPGRADE,
    REVIEW,
    REWARD,
    triggers.TRIGGER,
    sending.SEND,
    SCORE_VALUES,
    REFRESH_TAGS,
]

PERIODIC = [
    Periodic(EXPIRE_POINTS.name, every=timedelta(hours=1)),
    Periodic(triggers.TRIGGER_TASK, every=triggers.SCAN),
    Periodic(REVIEW.name, every=timedelta(hours=1), offset=timedelta(minutes=5)),
    # 19:30 UTC is 03:30 in China, after the business day closes.
    Periodic(SCORE_VALUES.name, every=timedelta(days=1), offset=timedelta(hours=19, minutes=30)),
    Periodic(REFRESH_TAGS.name, every=timedelta(hours=1), offset=timedelta(minutes=40)),
]

REGISTRY = Registry.of(TASKS, PERIODIC)
