from __future__ import annotations

import pytest

from tests.schema.live.client import signed_in
from tests.schema.member.conftest import gid

ACTIVITY = """
subscription($storeId: ID!) {
  storeActivity(storeId: $storeId) {
    kind
    member { name phone }
    card { cardNo status }
    balance { total }
    transferId transferKind amount
    store { code }
    operator
  }
}
"""

CREATE_MEMBER = """
mutation($input: CreateMemberInput!) { createMember(input: $input) { member { id } errors { code } } }
"""

RECHARGE = """
mutation($input: RechargeInput!) { recharge(input: $input) { transfer { id } errors { code } } }
"""

CONSUME = """
mutation($input: ConsumeInput!) { consume(input: $input) { transfer { id } errors { code } } }
"""

REFUND = """
mutation($input: RefundInput!) { refund(input: $input) { transfer { id } errors { code } } }
"""

REPORT_LOST = """
mutation($cardNo: String!) { reportCardLost(cardNo: $cardNo) { errors { code } } }
"""


async def test_a_store_tablet_sees_its_registrations_payments_refunds_and_card_operations(live, org, holder):
    clerk = live.api.as_(live.tokens["sh001.clerk"])
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])
    await client.subscribe("shop", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    await live.subscribed(1)

    await clerk(CREATE_MEMBER, input={"name": "新会员", "phone": "13700009999"})
    recharged = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "50.00", "idempotencyKey": "r"})
    paid = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "20.00", "idempotencyKey": "c"})
    refunded = await clerk(
        REFUND, input={"transferId": paid["data"]["consume"]["transfer"]["id"], "amount": "5.00", "idempotencyKey": "f"}
    )
    await clerk(REPORT_LOST, cardNo="C0001")
    events = [(await client.receive())["payload"]["data"]["storeActivity"] for _ in range(5)]

    assert [(e["kind"], e["transferId"], e["amount"], e["balance"], e["card"]) for e in events] == [
        ("MEMBER_REGISTERED", None, None, None, None),
        ("RECHARGE", recharged["data"]["recharge"]["transfer"]["id"], "50.00", {"total": "50.00"}, {"cardNo": "C0001", "status": "ACTIVE"}),
        ("CONSUME", paid["data"]["consume"]["transfer"]["id"], "20.00", {"total": "30.00"}, {"cardNo": "C0001", "status": "ACTIVE"}),
        ("REFUND", refunded["data"]["refund"]["transfer"]["id"], "5.00", {"total": "35.00"}, {"cardNo": "C0001", "status": "ACTIVE"}),
        ("CARD_REPORTED_LOST", None, None, {"total": "35.00"}, {"cardNo": "C0001", "status": "LOST"}),
    ]
    assert events[0]["member"] == {"name": "新会员", "phone": "137****9999"}
    assert {(e["store"]["code"], e["operator"]) for e in events} == {("SH001", "sh001.clerk")}
    await client.close()


async def test_a_store_clerk_cannot_watch_another_store(live, org):
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])

    await client.subscribe("other", ACTIVITY, storeId=gid("Store", org.stores["SH002"].id))
    refused = await client.receive()

    assert refused == {
        "id": "other",
        "type": "error",
        "payload": [
            {
                "message": "You may not watch another store's activity.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["storeActivity"],
                "extensions": {"code": "PERMISSION_DENIED"},
            }
        ],
    }
    assert live.fanout.subscriptions == 0
    await client.close()


@pytest.mark.parametrize(
    ("viewer", "store", "allowed"),
    [
        ("east.manager", "SH002", True),
        ("east.manager", "CD001", False),
        ("hq.admin", "CD001", True),
        ("cd001.clerk", "CD001", True),
    ],
)
async def test_region_managers_watch_their_region_and_hq_watches_every_store(live, org, viewer, store, allowed):
    client = await signed_in(live.ws_url, live.tokens[viewer])

    await client.subscribe("1", ACTIVITY, storeId=gid("Store", org.stores[store].id))
    if allowed:
        await live.subscribed(1)
    else:
        refused = await client.receive()
        assert (refused["type"], refused["payload"][0]["extensions"]["code"]) == ("error", "PERMISSION_DENIED")

    assert live.fanout.subscriptions == int(allowed)
    await client.close()


async def test_a_payment_at_another_store_is_not_on_this_stores_stream(live, org, holder):
    hq = live.api.as_(live.tokens["hq.admin"])
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])
    await client.subscribe("shop", ACTIVITY, storeId=gid("Store", org.stores["SH001"].id))
    await live.subscribed(1)

    await hq(RECHARGE, input={"cardNo": "C0001", "amount": "9.00", "idempotencyKey": "r1", "storeId": gid("Store", org.stores["CD001"].id)})
    here = await hq(RECHARGE, input={"cardNo": "C0001", "amount": "1.00", "idempotencyKey": "r2", "storeId": gid("Store", org.stores["SH001"].id)})
    event = (await client.receive())["payload"]["data"]["storeActivity"]

    assert (event["transferId"], event["balance"]) == (here["data"]["recharge"]["transfer"]["id"], {"total": "10.00"})
    await client.close()
