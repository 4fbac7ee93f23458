"""Campaign results: conversion per variant against the holdout, counted in SQL.

A member converts when they consume within `attribution_days` after they were reached (for the
holdout: after they would have been). Only members the campaign could reach count: a variant's
are the ones it sent to, the holdout's the consenting members it held back; CONSENT and CAP
skips are reported apart. Rates and lift (rate ÷ holdout rate − 1) are exact fractions of the
counts, rounded to 4 places; lift is null without a holdout that converted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from server.campaign.models import HOLDOUT, Campaign, SkipReason
from server.ledger.models import OperationKind
from server.core.sql import Sql, current_dialect, fetch, sql

PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class VariantResult:
    variant: str
    reached: int
    converted: int
    rate: Decimal
    lift: Decimal | None


@dataclass(frozen=True)
class CampaignResults:
    variants: list[VariantResult]
    holdout: VariantResult | None
    skipped: dict[str, int]


def _within_window(days: int) -> Sql:
    if current_dialect() == "postgres":
        return sql(f"o.created_at >= r.created_at AND o.created_at < r.created_at + INTERVAL '{int(days)} days'")
    return sql(f"julianday(o.created_at) >= julianday(r.created_at) AND julianday(o.created_at) < julianday(r.created_at) + {int(days)}")


def _decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(PLACES, ROUND_HALF_EVEN)


async def campaign_results(campaign: Campaign) -> CampaignResults:
    rows = await fetch(
        sql(
            "SELECT r.variant AS variant, r.reason AS reason, COUNT(*) AS reached, SUM(CASE WHEN EXISTS (SELECT 1 FROM "
            "ledger_operation o WHERE o.member_id = r.member_id AND o.kind = ? AND ",
            OperationKind.CONSUME.value,
        )
        + _within_window(campaign.attribution_days)
        + sql(") THEN 1 ELSE 0 END) AS converted FROM campaign_recipient r WHERE r.campaign_id = ? GROUP BY r.variant, r.reason", campaign.id)
    )
    counted = {(row["variant"], row["reason"]): (int(row["reached"]), int(row["converted"] or 0)) for row in rows}
    skipped = {reason.value: 0 for reason in (SkipReason.CONSENT, SkipReason.CAP)}
    for (_, reason), (reached, _) in counted.items():
        if reason in skipped:
            skipped[reason] += reached
    held = counted.get((HOLDOUT, SkipReason.HOLDOUT.value))
    base = Fraction(held[1], held[0]) if held else None

    def result(name: str, reached: int, converted: int) -> VariantResult:
        rate = Fraction(converted, reached) if reached else Fraction(0)
        lift = _decimal(rate / base - 1) if base else None
        return VariantResult(name, reached, converted, _decimal(rate), lift)

    variants = [result(v["name"], *counted.get((v["name"], ""), (0, 0))) for v in campaign.variants]
    holdout = VariantResult(HOLDOUT, held[0], held[1], _decimal(base or Fraction(0)), None) if held else None
    return CampaignResults(variants, holdout, skipped)
