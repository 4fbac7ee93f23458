"""Queued and scheduled work: one row per job, kept after it ran, so its key stays taken.

    Job      a task to run with a payload, under a unique `key`: enqueueing a key that exists does
             nothing, so a rerun, a second scheduler or a replayed operation never adds the job
             twice, and a finished job is never run again. `state` moves
                 QUEUED ──claim──▶ RUNNING ──▶ SUCCEEDED
                   ▲                  │  └────▶ FAILED (the task's last attempt failed)
                   └── retry later ───┘
             `run_at` is when it may (next) run; `attempts` counts the claims; `last_error` keeps
             the latest failure, also after a later attempt succeeded.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model

MAX_KEY_LENGTH = 200


class JobState(str, Enum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class Job(Model):
    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=MAX_KEY_LENGTH, unique=True, description="Idempotency key of the job.")
    task = fields.CharField(max_length=64, description="Registered task name, e.g. points.expire.")
    payload: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    state = fields.CharEnumField(JobState, max_length=10, default=JobState.QUEUED)
    attempts = fields.IntField(default=0, description="How many times a worker claimed it.")
    run_at = fields.DatetimeField(description="When it may run next.")
    last_error = fields.TextField(default="")
    locked_by = fields.CharField(max_length=64, default="", description="The worker running it (or that ran it last).")
    locked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job"
        indexes = (("state", "run_at"),)
