"""`settlement(from, to)` over GraphQL: debts and store totals as Money, the viewer's scope, typed
refusals, and a constant number of queries whatever the number of stores."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.server.settlement.conftest import DAY, Card
from tests.statements import counting_queries

SETTLEMENT = """
query($from: Date!, $to: Date!) {
  settlement(from: $from, to: $to) {
    from to
    debts { debtor { code } creditor { code } amount gross offset }
    stores { store { code name } receivable payable net local }
  }
}
"""


async def _spend_across(cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 10_000)
    await cards[0].spend("CD001", 4_000)
    await cards[0].spend("SH001", 1_050)
    await cards[1].recharge("CD001", 1_000)
    await cards[1].spend("SH001", 1_000)
    await cards[2].recharge("SH002", 500)
    await cards[2].spend("SH001", 500)


async def test_hq_sees_who_owes_whom(api: Any, cards: list[Card]) -> None:
    await _spend_across(cards)
    hq = await api.login("hq.admin")

    body = await hq(SETTLEMENT, **{"from": DAY.isoformat(), "to": DAY.isoformat()})

    report = body["data"]["settlement"]
    assert (report["from"], report["to"]) == ("2026-03-10", "2026-03-10")
    assert report["debts"] == [
        {"debtor": {"code": "SH001"}, "creditor": {"code": "CD001"}, "amount": "30.00", "gross": "40.00", "offset": "10.00"},
        {"debtor": {"code": "SH002"}, "creditor": {"code": "SH001"}, "amount": "5.00", "gross": "5.00", "offset": "0.00"},
    ]
    assert [(s["store"]["code"], s["receivable"], s["payable"], s["net"], s["local"]) for s in report["stores"]] == [
        ("SH001", "15.00", "40.00", "-25.00", "10.50"),
        ("SH002", "0.00", "5.00", "-5.00", "0.00"),
        ("CD001", "40.00", "10.00", "30.00", "0.00"),
    ]


async def test_a_clerk_sees_its_stores_part(api: Any, cards: list[Card]) -> None:
    await _spend_across(cards)
    clerk = await api.login("cd001.clerk")

    body = await clerk(SETTLEMENT, **{"from": DAY.isoformat(), "to": DAY.isoformat()})

    report = body["data"]["settlement"]
    assert [(d["debtor"]["code"], d["creditor"]["code"], d["amount"]) for d in report["debts"]] == [("SH001", "CD001", "30.00")]
    assert [s["store"]["code"] for s in report["stores"]] == ["CD001"]


async def test_queries_stay_constant_whatever_the_number_of_stores(api: Any, cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 1_000)
    await cards[0].spend("CD001", 1_000)
    hq = await api.login("hq.admin")
    with counting_queries() as few:
        await hq(SETTLEMENT, **{"from": DAY.isoformat(), "to": DAY.isoformat()})
    await _spend_across(cards)
    with counting_queries() as many:
        body = await hq(SETTLEMENT, **{"from": DAY.isoformat(), "to": DAY.isoformat()})

    assert len(body["data"]["settlement"]["stores"]) == 3
    assert few.count == many.count


async def test_a_period_ending_before_it_starts_is_invalid(api: Any, org: Any) -> None:
    hq = await api.login("hq.admin")

    body = await hq(SETTLEMENT, **{"from": DAY.isoformat(), "to": (DAY - timedelta(days=1)).isoformat()})

    assert body["data"]["settlement"] is None
    assert [(e["extensions"]["code"], e["message"]) for e in body["errors"]] == [("INVALID", "The period ends before it starts.")]


async def test_signing_in_is_required(api: Any, org: Any) -> None:
    body = await api(SETTLEMENT, **{"from": DAY.isoformat(), "to": DAY.isoformat()})

    assert body["data"]["settlement"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
