"""`GET /exports/liability`: the workbook's totals and stores' shares, the stores as CSV, the
viewer's scope, EXPORT, the audit entry."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import load_workbook

from server.audit.models import AuditEntry
from tests.conftest import Api
from tests.server.settlement.conftest import DAY, Card


async def _download(api: Api, username: str, **params: str) -> Any:
    signed_in = await api.login(username)
    query = {"asOf": DAY.isoformat(), **params}
    return await api.client.get("/exports/liability", params=query, headers={"Authorization": f"Bearer {signed_in.token}"})


async def _spend(cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 10_000)
    await cards[1].recharge("SH002", 2_550)
    await cards[0].spend("SH002", 4_000)


async def test_the_workbook_has_the_totals_and_the_stores_shares(api: Api, cards: list[Card]) -> None:
    await _spend(cards)

    response = await _download(api, "hq.admin")

    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="liability-2026-03-10.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    totals = list(book["汇总"].iter_rows(values_only=True))
    stores = list(book["各门店持有本金"].iter_rows(values_only=True))
    assert totals[0][0] == "预付负债 截至 2026-03-10 营业日终"
    assert totals[2:4] == [("储值本金", 85.5), ("赠送金", 0)]
    assert [row[0] for row in totals[2:]] == ["储值本金", "赠送金", "积分", "积分折合金额"]
    assert stores[2:] == [("SH001", "上海一店", 60), ("SH002", "上海二店", 25.5)]
    assert (await AuditEntry.get(action="liability.export")).target_id == "2026-03-10"


async def test_a_region_manager_gets_its_stores_as_csv_without_chain_totals(api: Api, cards: list[Card]) -> None:
    await _spend(cards)
    await cards[2].recharge("CD001", 700)

    response = await _download(api, "east.manager", format="csv")
    workbook = load_workbook(io.BytesIO((await _download(api, "east.manager")).content))

    assert list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")))) == [
        ["门店编码", "门店", "持有本金"],
        ["SH001", "上海一店", "60.00"],
        ["SH002", "上海二店", "25.50"],
    ]
    assert [row[0] for row in list(workbook["汇总"].iter_rows(values_only=True))[2:]] == ["储值本金"]


async def test_refusals(api: Api, org: Any) -> None:
    clerk = await _download(api, "sh001.clerk")
    bad_day = await _download(api, "hq.admin", asOf="yesterday")

    assert (clerk.status_code, clerk.json()["code"]) == (403, "PERMISSION_DENIED")
    assert (bad_day.status_code, bad_day.json()["code"]) == (400, "INVALID")
