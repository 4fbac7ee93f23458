"""Fan-out: from the members an occasion selects to recipients, deliveries and send batches,
in three set-based statements whatever the number of members (never a loop over them).

1. `INSERT INTO campaign_recipient … SELECT` assigns each selected member a group and a
   reason: no marketing consent → CONSENT; in the holdout buckets → HOLDOUT; already reached
   `cap_messages` times by campaigns in the last `cap_days` → CAP; else sent (''). A member's
   bucket (0-99) is a hash of campaign and member computed in SQL, so it is the same on every
   run and database; buckets below `holdout_pct` are the control group, the next ones go to
   the variants in order of their percentages. The unique (campaign, member, occurrence) makes
   the insert skip members a run already took: reruns and concurrent workers add nobody twice.
2. `INSERT INTO delivery … SELECT` records each new recipient in the delivery log under the key
   `campaign:<campaign>:<occurrence>:<member>`: PENDING with its variant's text filled in, or
   SKIPPED with the reason.
3. One `campaign.send` job per id range of the run's pending deliveries sends them
   (`server.campaign.sending`), queued for the end of quiet hours when the run falls inside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from server.campaign.models import HOLDOUT, Campaign, CampaignSettings, SkipReason
from server.campaign.templates import rendered
from server.core.clock import BUSINESS_TZ
from server.delivery.models import DeliveryStatus, Purpose
from server.jobs.queue import enqueue
from server.core.sql import Sql, execute, fetch, sql

SEND_TASK = "campaign.send"
BATCH = 1000
_HASH_PRIME = 4294967291


def bucket(campaign_id: int, member_id: int) -> int:
    """The member's bucket in the campaign, as the SQL computes it."""
    return (member_id + campaign_id * 7919) * 2654435761 % _HASH_PRIME % 100


def _bucket_sql(campaign_id: int) -> Sql:
    return sql(f"(((c.id + {int(campaign_id) * 7919}) * 2654435761) % {_HASH_PRIME} % 100)")


@dataclass(frozen=True)
class Candidates:
    """The members an occasion selects: `SELECT m.id AS id, m.marketing_consent AS consent,
    <occurrence> AS occurrence FROM member m …`."""

    statement: Sql


def _variant(campaign: Campaign) -> Sql:
    cases = sql(f"CASE WHEN {_bucket_sql(campaign.id).text} < ? THEN ?", campaign.holdout_pct, HOLDOUT)
    upper = campaign.holdout_pct
    for variant in campaign.variants[:-1]:
        upper += int(variant["percent"])
        cases += sql(f" WHEN {_bucket_sql(campaign.id).text} < ? THEN ?", upper, variant["name"])
    return cases + sql(" ELSE ? END", campaign.variants[-1]["name"])


def _reason(campaign: Campaign, settings: CampaignSettings, at: datetime) -> Sql:
    cases = sql("CASE WHEN c.consent = ? THEN ?", False, SkipReason.CONSENT.value)
    cases += sql(f" WHEN {_bucket_sql(campaign.id).text} < ? THEN ?", campaign.holdout_pct, SkipReason.HOLDOUT.value)
    if settings.cap_days > 0:
        cases += sql(
            " WHEN (SELECT COUNT(*) FROM campaign_recipient p WHERE p.member_id = c.id AND p.reason = '' "
            "AND p.created_at >= ?) >= ? THEN ?",
            at - timedelta(days=settings.cap_days),
            settings.cap_messages,
            SkipReason.CAP.value,
        )
    return cases + sql(" ELSE '' END")


def _body(campaign: Campaign) -> Sql:
    cases = sql("CASE r.variant")
    for variant in campaign.variants:
        cases += sql(" WHEN ? THEN ", variant["name"]) + rendered(variant["body"])
    return cases + sql(" ELSE '' END")


def send_at(settings: CampaignSettings, at: datetime) -> datetime:
    """`at`, or the end of the quiet hours it falls in (business time)."""
    start, end = settings.quiet_start_hour, settings.quiet_end_hour
    local = at.astimezone(BUSINESS_TZ)
    quiet = start != end and (start <= local.hour or local.hour < end if start > end else start <= local.hour < end)
    if not quiet:
        return at
    wake = local.replace(hour=end, minute=0, second=0, microsecond=0)
    return wake if wake > local else wake + timedelta(days=1)


async def fan_out(campaign: Campaign, settings: CampaignSettings, candidates: Candidates, at: datetime) -> None:
    """Reaches the candidates the campaign has not reached for their occurrence; this run's rows
    are the ones stamped `at`."""
    await execute(
        sql("INSERT INTO campaign_recipient (campaign_id, member_id, occurrence, variant, reason, created_at) SELECT ?, c.id, c.occurrence, ", campaign.id)
        + _variant(campaign)
        + sql(", ")
        + _reason(campaign, settings, at)
        + sql(", ? FROM (", at)
        + candidates.statement
        + sql(") c WHERE 1 = 1 ON CONFLICT DO NOTHING")
    )
    await execute(
        sql(
            "INSERT INTO delivery (key, member_id, purpose, source, channel, template, params, subject, body, status, "
            "reason, attempts, provider_ref, created_at) SELECT 'campaign:' || r.campaign_id || ':' || r.occurrence "
            "|| ':' || r.member_id, r.member_id, ?, ?, ?, 'campaign.' || r.variant, '{}', ?, ",
            Purpose.CAMPAIGN.value,
            f"campaign:{campaign.id}",
            campaign.channel,
            campaign.subject,
        )
        + _body(campaign)
        + sql(
            ", CASE WHEN r.reason = '' THEN ? ELSE ? END, r.reason, 0, '', r.created_at FROM campaign_recipient r "
            "JOIN member m ON m.id = r.member_id JOIN store s ON s.id = m.home_store_id "
            "LEFT JOIN tier t ON t.id = m.tier_id WHERE r.campaign_id = ? AND r.created_at = ? ON CONFLICT DO NOTHING",
            DeliveryStatus.PENDING.value,
            DeliveryStatus.SKIPPED.value,
            campaign.id,
            at,
        )
    )
    await _queue_batches(campaign, at, send_at(settings, at))


async def _queue_batches(campaign: Campaign, at: datetime, run_at: datetime) -> None:
    """One send job per BATCH ids of the pending deliveries this run (`at`) recorded; a job's key
    names its run and range, so its deliveries belong to it alone."""
    source = f"campaign:{campaign.id}"
    rows = await fetch(
        sql(
            "SELECT MIN(id) AS lo, MAX(id) AS hi FROM delivery WHERE source = ? AND status = ? AND created_at = ?",
            source,
            DeliveryStatus.PENDING.value,
            at,
        )
    )
    lo, hi = rows[0]["lo"], rows[0]["hi"]
    if lo is None:
        return
    for start in range(int(lo), int(hi) + 1, BATCH):
        end = min(start + BATCH, int(hi) + 1)
        payload = {"source": source, "at": at.isoformat(), "from": start, "to": end}
        await enqueue(SEND_TASK, f"{source}:send:{start}-{end}", payload, run_at=run_at)
