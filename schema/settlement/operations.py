"""Cross-store settlement (跨店清分): what stores owe each other for stored value spent across the
chain in a period."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from schema.context import Info
from schema.core.permissions import IsAuthenticated
from schema.core.scalars import Money
from schema.org.types import Store, store_of
from server.settlement import services as settlements


@strawberry.type(description="What one store owes another, the two directions netted.")
class SettlementDebt:
    debtor_id: strawberry.Private[int]
    creditor_id: strawberry.Private[int]
    amount: Money = strawberry.field(description="To pay: `gross` less `offset`.")
    gross: Money = strawberry.field(description="Principal the debtor took that was spent at the creditor.")
    offset: Money = strawberry.field(description="Principal the creditor took that was spent at the debtor.")

    @strawberry.field(description="The store that took the money (and holds it).")
    async def debtor(self, info: Info) -> Store:
        return await store_of(info, self.debtor_id)

    @strawberry.field(description="The store where it was spent (it delivered the goods).")
    async def creditor(self, info: Info) -> Store:
        return await store_of(info, self.creditor_id)


@strawberry.type(description="One store's side of the settlement.")
class StoreSettlement:
    store_id: strawberry.Private[int]
    receivable: Money = strawberry.field(description="Other stores' principal spent here.")
    payable: Money = strawberry.field(description="This store's principal spent at other stores.")
    net: Money = strawberry.field(description="Receivable less payable: positive the store is owed, negative it owes.")
    local: Money = strawberry.field(description="This store's principal spent here (nothing to settle).")

    @strawberry.field(description="The store.")
    async def store(self, info: Info) -> Store:
        return await store_of(info, self.store_id)


@strawberry.type(
    description="Principal spent in a period, by where it was taken and where it was spent: each card's money is "
    "spent first in, first out (a replaced card's follows it; a refunded purchase's counts at the refunding store). "
    "Bonus is HQ's promotion and is not settled. HQ sees the whole chain; REGION and STORE their own stores' part."
)
class Settlement:
    from_: date = strawberry.field(name="from", description="The period's first business day (Asia/Shanghai).")
    to: date = strawberry.field(description="Its last business day, inclusive.")
    debts: list[SettlementDebt] = strawberry.field(description="Who owes whom, largest first.")
    stores: list[StoreSettlement] = strawberry.field(description="Each store's totals, stores with activity only.")


@strawberry.type
class SettlementQuery:
    @strawberry.field(
        description="Cross-store settlement (跨店清分) for the business days `from`..`to` (inclusive, at most 366).",
        permission_classes=[IsAuthenticated],
    )
    async def settlement(
        self, info: Info, from_: Annotated[date, strawberry.argument(name="from")], to: date
    ) -> Settlement | None:
        report = await settlements.settlement(info.context.actor, from_, to)
        return Settlement(
            from_=report.first,
            to=report.last,
            debts=[
                SettlementDebt(
                    debtor_id=d.debtor_store_id,
                    creditor_id=d.creditor_store_id,
                    amount=Money(d.amount),
                    gross=Money(d.gross),
                    offset=Money(d.offset),
                )
                for d in report.debts
            ],
            stores=[
                StoreSettlement(
                    store_id=t.store_id,
                    receivable=Money(t.receivable),
                    payable=Money(t.payable),
                    net=Money(t.net),
                    local=Money(t.local),
                )
                for t in report.stores
            ],
        )
