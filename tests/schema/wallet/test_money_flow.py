from __future__ import annotations

from server.ledger.models import Operation
from server.program.services import RechargeRuleDraft, create_recharge_rule
from tests.schema.wallet.conftest import CONSUME, RECHARGE, REFUND, gid
from tests.server.wallet.conftest import refusals


async def test_recharge_consume_refund_over_graphql(api, org, wallet):
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    clerk = await api.login("sh001.clerk")

    recharged = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "r1", "paymentMethod": "ALIPAY"})
    quote = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "30.00", "dryRun": True})
    paid = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "30.00", "idempotencyKey": "c1", "orderRef": "POS-9"})
    refunded = await clerk(REFUND, input={"transferId": paid["data"]["consume"]["transfer"]["id"], "amount": "10.00", "idempotencyKey": "f1"})

    r = recharged["data"]["recharge"]
    assert r["errors"] == []
    assert r["transfer"]["kind"] == "RECHARGE" and r["transfer"]["amount"] == "100.00"
    assert r["transfer"]["operator"] == "sh001.clerk" and r["transfer"]["store"] == {"code": "SH001"}
    assert r["transfer"]["details"] == {"principal": 10_000, "bonus": 1_000, "rule": "充100送10", "payment_method": "ALIPAY"}
    assert sorted((leg["code"], leg["amount"]) for leg in r["transfer"]["legs"]) == [
        ("RECHARGE_BONUS", 1_000),
        ("RECHARGE_PRINCIPAL", 10_000),
    ]
    assert r["member"]["assets"]["balance"] == {"principal": "100.00", "bonus": "10.00", "total": "110.00"}
    assert quote["data"]["consume"]["transfer"] is None
    assert quote["data"]["consume"]["breakdown"] == paid["data"]["consume"]["breakdown"]
    assert paid["data"]["consume"]["breakdown"] == {
        "listPrice": "30.00",
        "tierDiscount": "0.00",
        "couponDiscount": "0.00",
        "pointsUsed": 0,
        "pointsValue": "0.00",
        "payable": "30.00",
        "payment": "STORED_VALUE",
        "paidPrincipal": "30.00",
        "paidBonus": "0.00",
        "paidExternal": "0.00",
        "pointsEarned": 30,
    }
    assert paid["data"]["consume"]["member"]["assets"] == {
        "balance": {"principal": "70.00", "bonus": "10.00", "total": "80.00"},
        "points": 30,
    }
    f = refunded["data"]["refund"]
    assert f["errors"] == []
    assert f["transfer"]["reversesId"] == paid["data"]["consume"]["transfer"]["id"]
    assert f["member"]["assets"] == {"balance": {"principal": "80.00", "bonus": "10.00", "total": "90.00"}, "points": 20}


async def test_a_replayed_consume_returns_the_first_result_and_moves_nothing(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "50.00", "idempotencyKey": "r1"})
    payment = {"cardNo": "C0001", "amount": "20.00", "idempotencyKey": "same-key"}

    first = await clerk(CONSUME, input=payment)
    second = await clerk(CONSUME, input=payment)
    conflict = await clerk(CONSUME, input={**payment, "amount": "21.00"})

    assert (first["data"]["consume"]["replayed"], second["data"]["consume"]["replayed"]) == (False, True)
    assert second["data"]["consume"]["transfer"]["id"] == first["data"]["consume"]["transfer"]["id"]
    assert second["data"]["consume"]["member"]["assets"]["balance"]["principal"] == "30.00"
    assert conflict["data"]["consume"]["errors"] == [
        {"field": ["idempotencyKey"], "code": "IDEMPOTENCY_CONFLICT", "message": "This idempotency key was used for a different request."}
    ]
    assert await Operation.filter(kind="CONSUME").count() == 1


async def test_malformed_amounts_are_invalid_requests_and_amounts_over_the_cap_invalid_payloads(api, org, wallet):
    clerk = await api.login("sh001.clerk")

    for amount in ("-1.00", "1.234", "NaN", "abc", "1e5"):
        body = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": amount, "idempotencyKey": "r"})
        assert body.get("data") is None, amount
        assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID"]
        assert clerk.last_response.status_code == 400
    over = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100000.01", "idempotencyKey": "r"})

    assert over["data"]["recharge"]["errors"] == [
        {"field": ["amount"], "code": "INVALID", "message": "The amount is over the 100000.00 limit."}
    ]
    assert await Operation.all().count() == 0


async def test_insufficient_balance_and_foreign_store_are_payload_errors(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "5.00", "idempotencyKey": "r1"})

    short = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "5.01", "idempotencyKey": "c1"})
    elsewhere = await clerk(
        CONSUME,
        input={"cardNo": "C0001", "amount": "1.00", "idempotencyKey": "c2", "storeId": gid("Store", org.stores["CD001"].id)},
    )

    assert [e["code"] for e in short["data"]["consume"]["errors"]] == ["INSUFFICIENT_BALANCE"]
    assert [e["code"] for e in elsewhere["data"]["consume"]["errors"]] == ["PERMISSION_DENIED"]
    assert await Operation.filter(kind="CONSUME").count() == 0
    assert await refusals("wallet.consume") == [
        ("sh001.clerk", str(wallet.card.id), "INSUFFICIENT_BALANCE", None),
        ("sh001.clerk", str(wallet.card.id), "PERMISSION_DENIED", None),
    ]



async def test_a_recharge_is_refunded_whole_over_graphql(api, org, wallet):
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    clerk = await api.login("sh001.clerk")
    recharged = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "r1", "paymentMethod": "ALIPAY"})
    transfer_id = recharged["data"]["recharge"]["transfer"]["id"]

    part = await clerk(REFUND, input={"transferId": transfer_id, "amount": "10.00", "idempotencyKey": "f1"})
    whole = await clerk(REFUND, input={"transferId": transfer_id, "idempotencyKey": "f2", "reason": "充错卡"})

    assert part["data"]["refund"]["errors"] == [
        {"field": ["amount"], "code": "INVALID", "message": "A recharge is refunded whole: 100.00."}
    ]
    f = whole["data"]["refund"]
    assert f["errors"] == []
    assert (f["transfer"]["kind"], f["transfer"]["amount"], f["transfer"]["reversesId"]) == ("RECHARGE_REFUND", "100.00", transfer_id)
    assert f["transfer"]["details"] == {"amount": 10_000, "principal": 10_000, "bonus": 1_000, "payment_method": "ALIPAY", "reason": "充错卡"}
    assert f["member"]["assets"]["balance"] == {"principal": "0.00", "bonus": "0.00", "total": "0.00"}
