"""`liability(asOf)` over GraphQL: the chain's figures for HQ, the stores' shares below it."""

from __future__ import annotations

from typing import Any

from server.core.clock import business_today
from tests.server.settlement.conftest import DAY, Card

LIABILITY = """
query($asOf: Date) {
  liability(asOf: $asOf) { asOf principal bonus points pointsValue stores { store { code } principal } }
}
"""


async def _spend(cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 10_000)
    await cards[1].recharge("CD001", 2_550)
    await cards[0].spend("CD001", 4_000)


async def test_hq_sees_the_chains_figures(api: Any, cards: list[Card]) -> None:
    await _spend(cards)
    hq = await api.login("hq.admin")

    body = await hq(LIABILITY, asOf=DAY.isoformat())

    owed = body["data"]["liability"]
    assert (owed["asOf"], owed["principal"], owed["bonus"]) == ("2026-03-10", "85.50", "0.00")
    assert owed["points"] > 0 and owed["pointsValue"] == f"{owed['points'] // 100}.{owed['points'] % 100:02d}"
    assert owed["stores"] == [{"store": {"code": "SH001"}, "principal": "60.00"}, {"store": {"code": "CD001"}, "principal": "25.50"}]


async def test_a_clerk_sees_its_stores_share_and_no_chain_totals(api: Any, cards: list[Card]) -> None:
    await _spend(cards)
    clerk = await api.login("cd001.clerk")

    body = await clerk(LIABILITY, asOf=DAY.isoformat())

    assert body["data"]["liability"] == {
        "asOf": "2026-03-10",
        "principal": "25.50",
        "bonus": None,
        "points": None,
        "pointsValue": None,
        "stores": [{"store": {"code": "CD001"}, "principal": "25.50"}],
    }


async def test_without_a_date_it_is_today(api: Any, org: Any) -> None:
    hq = await api.login("hq.admin")

    body = await hq(LIABILITY)

    owed = body["data"]["liability"]
    assert (owed["principal"], owed["stores"]) == ("0.00", [])
    assert owed["asOf"] == business_today().isoformat()
