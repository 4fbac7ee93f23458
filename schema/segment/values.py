"""A member's RFM scores and value as GraphQL types (shown on `Member.value`)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.core.scalars import Money
from server.segment import models

RfmGroup = strawberry.enum(
    models.RfmGroup,
    description="RFM groups: IMPORTANT_VALUE 重要价值, IMPORTANT_KEEP 重要保持, IMPORTANT_DEVELOP 重要发展, "
    "IMPORTANT_RETAIN 重要挽留, GENERAL_VALUE 一般价值, GENERAL_KEEP 一般保持, GENERAL_DEVELOP 一般发展, "
    "GENERAL_RETAIN 一般挽留.",
)


@strawberry.type(
    description="A member's recency, frequency and monetary value over the scoring window (365 days), their "
    "quintile scores (1-5, 5 best; equal values share a score) and RFM group, from the latest daily run."
)
class MemberValue:
    recency_days: int = strawberry.field(description="Days from the last purchase to the run.")
    frequency: int = strawberry.field(description="Purchases in the window.")
    monetary: Money = strawberry.field(description="Net spend in the window (purchases less refunds).")
    r_score: int = strawberry.field(description="Recency quintile, 5 for the most recent buyers.")
    f_score: int = strawberry.field(description="Frequency quintile, 5 for the most frequent buyers.")
    m_score: int = strawberry.field(description="Monetary quintile, 5 for the biggest spenders.")
    group: RfmGroup = strawberry.field(description="The RFM group: which of R, F and M score 3 or more.")
    clv: Money = strawberry.field(description="Lifetime value estimate: net spend per year in the window × 3 years.")
    computed_at: datetime = strawberry.field(description="When the scores were computed.")

    @classmethod
    def from_model(cls, row: models.MemberValue) -> MemberValue:
        return cls(
            recency_days=row.recency_days,
            frequency=row.frequency,
            monetary=Money(row.monetary),
            r_score=row.r_score,
            f_score=row.f_score,
            m_score=row.m_score,
            group=models.RfmGroup(row.rfm_group),
            clv=Money(row.clv),
            computed_at=row.computed_at,
        )
