"""`GET /exports/settlement`: the workbook and the CSV tables carry what the query shows, for the
viewer's scope, only with EXPORT, and each download is audited."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from openpyxl import load_workbook

from server.access.models import Staff
from server.access.policy import Permission
from server.access.services import update_staff
from server.audit.models import AuditEntry
from tests.conftest import Api
from tests.server.settlement.conftest import DAY, Card

PERIOD = {"from": DAY.isoformat(), "to": DAY.isoformat()}


async def _spend_across(cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 10_000)
    await cards[0].spend("CD001", 4_000)
    await cards[1].recharge("CD001", 1_000)
    await cards[1].spend("SH001", 1_000)


async def _download(api: Api, username: str, **params: str) -> httpx.Response:
    signed_in = await api.login(username)
    return await api.client.get("/exports/settlement", params={**PERIOD, **params}, headers={"Authorization": f"Bearer {signed_in.token}"})


async def test_the_workbook_has_the_debts_and_the_stores(api: Api, cards: list[Card]) -> None:
    await _spend_across(cards)

    response = await _download(api, "hq.admin")

    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="settlement-2026-03-10-2026-03-10.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    debts, stores = (list(book[name].iter_rows(values_only=True)) for name in ("门店间应付", "门店汇总"))
    assert debts[0] == ("跨店清分 2026-03-10 至 2026-03-10",) + (None,) * 6
    assert debts[2:] == [("SH001", "上海一店", "CD001", "成都一店", 30, 40, 10)]
    assert [row[0] for row in stores[2:]] == ["SH001", "CD001"]
    assert stores[2][2:] == (10, 40, -30, 0)
    assert {book["门店汇总"].cell(3, column).number_format for column in range(3, 7)} == {"0.00"}


async def test_a_csv_table_in_the_viewers_scope(api: Api, cards: list[Card]) -> None:
    await _spend_across(cards)

    response = await _download(api, "east.manager", format="csv", table="stores")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        ["门店编码", "门店", "应收", "应付", "净额", "本店消费"],
        ["SH001", "上海一店", "10.00", "40.00", "-30.00", "0.00"],
    ]


async def test_each_download_is_audited(api: Api, cards: list[Card]) -> None:
    await _download(api, "hq.admin", format="csv")

    entry = await AuditEntry.get(action="settlement.export")
    assert (entry.actor_name, entry.target_id, entry.after) == ("hq.admin", "2026-03-10..2026-03-10", {"format": "csv", "table": "debts"})


async def test_refusals_are_json_with_the_graphql_codes(api: Api, org: Any) -> None:
    anonymous = await api.client.get("/exports/settlement", params=PERIOD)
    clerk = await _download(api, "sh001.clerk")  # STORE staff may not export by default
    bad_day = await _download(api, "hq.admin", **{"from": "2026-02-30"})
    backwards = await _download(api, "hq.admin", to="2026-03-09")
    bad_format = await _download(api, "hq.admin", format="pdf")

    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "UNAUTHENTICATED")
    assert (clerk.status_code, clerk.json()["code"]) == (403, "PERMISSION_DENIED")
    assert [(r.status_code, r.json()["code"]) for r in (bad_day, backwards, bad_format)] == [(400, "INVALID")] * 3
    assert backwards.json()["message"] == "The period ends before it starts."
    assert not await AuditEntry.filter(action="settlement.export").exists()


async def test_a_clerk_granted_export_may_download(api: Api, org: Any, cards: list[Card]) -> None:
    clerk = await Staff.get(username="sh001.clerk")
    await update_staff(org.actors["hq.admin"], clerk.id, grants=[Permission.EXPORT.value])

    response = await _download(api, "sh001.clerk", format="csv")

    assert response.status_code == 200
