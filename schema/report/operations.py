"""The dashboard: figures for the signed-in staff's part of the chain."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.context import Info
from schema.core.permissions import IsAuthenticated
from schema.core.scalars import Money
from schema.org.types import Store, store_of
from server.core.clock import business_today
from server.report import dashboard as reports
from server.report import liability as liabilities


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


@strawberry.type(description="A store's share of the principal owed: what it took that is still on cards.")
class StoreLiability:
    store_id: strawberry.Private[int]
    principal: Money = strawberry.field(description="Principal this store took that members have not spent yet.")

    @strawberry.field(description="The store.")
    async def store(self, info: Info) -> Store:
        return await store_of(info, self.store_id)


@strawberry.type(
    description="Prepaid liability (预付负债): what the chain owes its members at the end of a business day. HQ sees the "
    "chain; REGION and STORE their stores' share of the principal (bonus and points are the chain's, null for them)."
)
class Liability:
    as_of: date = strawberry.field(description="The business day (Asia/Shanghai) at whose end the figures stand.")
    principal: Money = strawberry.field(description="Principal on members' cards (the viewer's stores' share below HQ).")
    bonus: Money | None = strawberry.field(description="Bonus on members' cards (HQ only).")
    points: int | None = strawberry.field(description="Members' points (HQ only).")
    points_value: Money | None = strawberry.field(
        description="What those points would take off purchases at the programme's offset rate (HQ only)."
    )
    stores: list[StoreLiability] = strawberry.field(
        description="Each store's share of the principal (first in, first out per card), largest first; they add up "
        "to `principal`."
    )


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

    @strawberry.field(
        description="Prepaid liability at the end of the business day `asOf` (default today).",
        permission_classes=[IsAuthenticated],
    )
    async def liability(self, info: Info, as_of: date | None = None) -> Liability | None:
        owed = await liabilities.liability(info.context.actor, as_of or business_today())
        return Liability(
            as_of=owed.as_of,
            principal=Money(owed.principal),
            bonus=Money(owed.bonus) if owed.bonus is not None else None,
            points=owed.points,
            points_value=Money(owed.points_value) if owed.points_value is not None else None,
            stores=[StoreLiability(store_id=store_id, principal=Money(fen)) for store_id, fen in owed.by_store.items()],
        )
