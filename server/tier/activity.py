"""What tier conditions count, summed by the database from the ledger for many members at once.

    spend    Σ consume amounts (what the member paid) − Σ refunds, in fen
    visits   the number of consumes
    points   Σ points earned by consumes − Σ of those taken back by refunds

Two grouped queries per window, whatever the number of members: operations by member and kind
(`ledger_operation` is indexed on member and time), then the points transfers of those operations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from tortoise.functions import Count, Sum

from server.ledger.models import Operation, OperationKind, Transfer, TransferCode


@dataclass(frozen=True)
class Activity:
    spend: int = 0
    visits: int = 0
    points: int = 0


async def activity(member_ids: Iterable[int], since: datetime, until: datetime) -> dict[int, Activity]:
    """Each listed member's activity in [since, until); members with none are absent."""
    ids = sorted(set(member_ids))
    if not ids:
        return {}
    window = {"member_id__in": ids, "created_at__gte": since, "created_at__lt": until}
    spend: dict[int, int] = {}
    visits: dict[int, int] = {}
    rows = (
        await Operation.filter(kind__in=[OperationKind.CONSUME, OperationKind.REFUND], **window)
        .annotate(total=Sum("amount"), n=Count("id"))
        .group_by("member_id", "kind")
        .values("member_id", "kind", "total", "n")
    )
    for row in rows:
        member, total = row["member_id"], int(row["total"] or 0)
        if OperationKind(row["kind"]) is OperationKind.CONSUME:
            spend[member] = spend.get(member, 0) + total
            visits[member] = int(row["n"])
        else:
            spend[member] = spend.get(member, 0) - total
    points: dict[int, int] = {}
    earned = (
        await Transfer.filter(
            code__in=[TransferCode.POINTS_EARN, TransferCode.POINTS_EARN_REVERSAL],
            operation__kind__in=[OperationKind.CONSUME, OperationKind.REFUND],
            **{f"operation__{name}": value for name, value in window.items()},
        )
        .annotate(total=Sum("amount"))
        .group_by("operation__member_id", "code")
        .values("operation__member_id", "code", "total")
    )
    for row in earned:
        sign = 1 if TransferCode(row["code"]) is TransferCode.POINTS_EARN else -1
        member = row["operation__member_id"]
        points[member] = points.get(member, 0) + sign * int(row["total"] or 0)
    return {m: Activity(spend.get(m, 0), visits.get(m, 0), points.get(m, 0)) for m in spend.keys() | points.keys()}
