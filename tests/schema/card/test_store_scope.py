"""Money is taken only at one's own store, from members of any store; cards are operated for any member."""

from __future__ import annotations

from server.ledger.models import Operation
from tests.schema.card.conftest import CONSUME, RECHARGE, REFUND, gid, status_change


async def test_a_clerk_takes_money_from_any_member_but_only_at_its_own_store(api, org, wallet):
    sh001, cd001 = await api.login("sh001.clerk"), await api.login("cd001.clerk")
    here = gid("Store", org.stores["SH001"].id)
    await sh001(RECHARGE, input={"cardNo": "C0001", "amount": "50.00", "idempotencyKey": "r0"})
    paid_here = await sh001(CONSUME, input={"cardNo": "C0001", "amount": "10.00", "idempotencyKey": "c0"})
    operations = await Operation.all().count()

    recharge = await cd001(
        RECHARGE, input={"cardNo": "C0001", "amount": "5.00", "idempotencyKey": "r1", "storeId": here}
    )
    consume = await cd001(CONSUME, input={"cardNo": "C0001", "amount": "5.00", "idempotencyKey": "c1", "storeId": here})
    refund = await cd001(
        REFUND, input={"transferId": paid_here["data"]["consume"]["transfer"]["id"], "idempotencyKey": "f1"}
    )
    denied = [recharge["data"]["recharge"], consume["data"]["consume"], refund["data"]["refund"]]

    assert [d["errors"] for d in denied] == [
        [{"field": ["storeId"], "code": "PERMISSION_DENIED", "message": "You can only take money at your own store."}]
    ] * 3
    assert await Operation.all().count() == operations
    at_home = await cd001(RECHARGE, input={"cardNo": "C0001", "amount": "5.00", "idempotencyKey": "r2"})
    spent_at_home = await cd001(CONSUME, input={"cardNo": "C0001", "amount": "5.00", "idempotencyKey": "c2"})
    assert at_home["data"]["recharge"]["errors"] == []
    assert spent_at_home["data"]["consume"]["errors"] == []
    assert spent_at_home["data"]["consume"]["member"]["assets"]["balance"]["total"] == "40.00"


async def test_region_managers_operate_cards_but_take_no_money(api, org, wallet):
    manager = await api.login("east.manager")
    here = gid("Store", org.stores["SH001"].id)

    frozen = await manager(status_change("freezeCard"), cardNo="C0001", reason="核查")
    recharge = await manager(
        RECHARGE, input={"cardNo": "C0001", "amount": "5.00", "idempotencyKey": "r1", "storeId": here}
    )

    assert frozen["data"]["freezeCard"]["errors"] == []
    assert recharge["data"]["recharge"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not recharge."}
    ]
    assert await Operation.all().count() == 0
