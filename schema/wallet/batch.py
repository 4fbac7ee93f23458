"""HQ batch recharge over GraphQL: thin over `server.wallet.batch`, which holds the rules."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.permissions import payload_mutation
from schema.core.scalars import Money
from schema.wallet.operations import PaymentMethod
from schema.wallet.types import Transfer
from server.access.policy import Permission
from server.wallet import batch


@strawberry.input(description="One row of a batch recharge.")
class BatchRechargeItem:
    card_no: str = strawberry.field(description="The card to credit (not a subsidiary card; one row per card).")
    amount: Money = strawberry.field(description="The amount to credit as principal (recharge rules add any bonus).")


@strawberry.input(description="A batch recharge (批量充值) by HQ: every row, or none when any row is bad.")
class BatchRechargeInput:
    store_id: relay.GlobalID = strawberry.field(description="The store the money is booked at.")
    idempotency_key: str = strawberry.field(
        description="Unique per batch, at most 90 characters; row i runs under `{key}:{i}`, so resending the batch "
        "finishes an interrupted run and moves nothing twice."
    )
    items: list[BatchRechargeItem] = strawberry.field(description="The rows, 1-1000.")
    payment_method: PaymentMethod = strawberry.field(default=PaymentMethod.OTHER, description="How HQ was paid.")


@strawberry.type(description="What happened to one row of a batch recharge.")
class BatchRechargeRow:
    index: int = strawberry.field(description="The row's position in items, from 0.")
    card_no: str = strawberry.field(description="The card as given.")
    amount: Money = strawberry.field(description="The amount as given.")
    transfer: Transfer | None = strawberry.field(description="The row's recharge; null when it failed (see errors).")
    replayed: bool = strawberry.field(description="True when the row had already run under this batch key.")


@strawberry.type(description="Result of batchRecharge.")
class BatchRechargePayload:
    rows: list[BatchRechargeRow] = strawberry.field(
        default_factory=list,
        description="One per row, in order; empty when the batch was refused before anything moved.",
    )
    errors: list[UserError] = strawberry.field(
        default_factory=list,
        description='What failed; a row\'s errors have a field path like ["items", "3", "cardNo"].',
    )


@strawberry.type
class BatchRechargeMutation:
    @payload_mutation(
        description="Recharges a list of cards at one store (HQ only: needs RECHARGE and MANAGE_PROGRAM). Every row is "
        "checked first; any bad row refuses the whole batch with one error per bad row.",
        requires=Permission.RECHARGE,
    )
    async def batch_recharge(self, info: Info, input: BatchRechargeInput) -> BatchRechargePayload:  # noqa: A002
        try:
            rows = await batch.batch_recharge(
                info.context.actor,
                [batch.BatchItem(card_no=i.card_no, amount=i.amount) for i in input.items],
                decode_id(input.store_id, "Store", "storeId"),
                input.idempotency_key,
                input.payment_method,
            )
        except batch.BatchRefused as refused:
            return BatchRechargePayload(errors=[UserError.from_domain(e) for e in refused.rows])
        return BatchRechargePayload(
            rows=[
                BatchRechargeRow(
                    index=r.index,
                    card_no=r.card_no,
                    amount=Money(r.amount),
                    transfer=Transfer.from_model(r.outcome.operation) if r.outcome else None,
                    replayed=bool(r.outcome and r.outcome.replayed),
                )
                for r in rows
            ],
            errors=[UserError.from_domain(r.error) for r in rows if r.error],
        )
