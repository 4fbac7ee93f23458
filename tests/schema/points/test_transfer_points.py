"""A points operation in the member's ledger shows its points in `points` (signed as the member's
points changed) and moves no money (`amount` 0.00); money operations have no `points`."""

from __future__ import annotations

from datetime import timedelta

from server.core.clock import now
from server.points.expiry import expire_points
from server.points.services import AdjustRequest, RedeemRequest, adjust_points, redeem_points
from tests.schema.points.conftest import backdate, give
from tests.server.wallet.conftest import fund, key

LEDGER = '{ memberLookup(cardNo: "C0001") { ledger(first: 10) { edges { node { kind amount points } } } } }'


async def test_points_operations_show_signed_points_and_no_money(api, org, wallet):
    hq = org.actors["hq.admin"]
    await fund(org, wallet, 5_000)
    await backdate(await give(org, wallet.member.id, 70), now() - timedelta(days=1))
    await give(org, wallet.member.id, 500)
    await adjust_points(hq, AdjustRequest(wallet.member.id, -40, "录入错误", key()))
    await redeem_points(
        org.actors["sh001.clerk"], RedeemRequest(wallet.member.id, 120, key(), gift="保温杯")
    )
    await expire_points()
    clerk = await api.login("sh001.clerk")

    body = await clerk(LEDGER)

    nodes = [e["node"] for e in body["data"]["memberLookup"]["ledger"]["edges"]]
    assert nodes == [
        {"kind": "POINTS_EXPIRE", "amount": "0.00", "points": -70},
        {"kind": "POINTS_REDEEM", "amount": "0.00", "points": -120},
        {"kind": "POINTS_ADJUST", "amount": "0.00", "points": -40},
        {"kind": "POINTS_ADJUST", "amount": "0.00", "points": 500},
        {"kind": "POINTS_ADJUST", "amount": "0.00", "points": 70},
        {"kind": "RECHARGE", "amount": "50.00", "points": None},
    ]
