"""The dashboard: figures for the signed-in staff's part of the chain."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.context import Info
from schema.core.permissions import IsAuthenticated
from schema.core.scalars import Money
from server.report import dashboard as reports


@strawberry.type(description="One business day (Asia/Shanghai) of money in and money spent.")
class DashboardDay:
    date: date = strawberry.field(description="The brand's local date.")
    recharge: Money = strawberry.field(description="Principal recharged that day (bonus not included).")
    recharge_count: int = strawberry.field(description="Recharges made that day.")
    consumption: Money = strawberry.field(
        description="Consumption net of refunds: consumed less refunded that day (a refund counts on the day and at "
        "the store it was made, so a day can be negative)."
    )
    consumption_count: int = strawberry.field(description="Purchases (consume operations) made that day; refunds not counted.")

    @classmethod
    def from_totals(cls, totals: reports.DayTotals) -> DashboardDay:
        return cls(
            date=totals.day,
            recharge=Money(totals.recharge),
            recharge_count=totals.recharge_count,
            consumption=Money(totals.consumption),
            consumption_count=totals.consumption_count,
        )


@strawberry.type(
    description="Figures for the viewer's scope: HQ the whole chain, REGION its region, STORE its store. Money counts "
    "at the store where it was taken; members at their home store."
)
class Dashboard:
    days: int = strawberry.field(description="The window's length in business days, ending today.")
    members: int = strawberry.field(description="Members, whatever their status.")
    new_members: int = strawberry.field(description="Members registered in the window.")
    active_members: int = strawberry.field(description="Members who made a purchase in the last 30 days.")
    today: DashboardDay = strawberry.field(description="Today so far (the window's last day).")
    trend: list[DashboardDay] = strawberry.field(description="Every day of the window, oldest first; quiet days are zeros.")


@strawberry.type
class ReportQuery:
    @strawberry.field(description="The dashboard over the last `days` (1-366) business days.", permission_classes=[IsAuthenticated])
    async def dashboard(self, info: Info, days: int = 30) -> Dashboard | None:
        figures = await reports.dashboard(info.context.actor, days)
        trend = [DashboardDay.from_totals(t) for t in figures.trend]
        return Dashboard(
            days=figures.days,
            members=figures.members,
            new_members=figures.new_members,
            active_members=figures.active_members,
            today=trend[-1],
            trend=trend,
        )
