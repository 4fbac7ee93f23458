from __future__ import annotations

from tests.schema.live.client import signed_in
from tests.schema.member.conftest import gid

BALANCE = """
subscription($memberId: ID, $cardNo: String) {
  balanceChanged(memberId: $memberId, cardNo: $cardNo) {
    kind
    member { id memberNo name phone view }
    card { cardNo status }
    balance { principal bonus total }
    points transferId transferKind amount
    store { code name }
    operator reason
  }
}
"""

RECHARGE = """
mutation($input: RechargeInput!) { recharge(input: $input) { transfer { id } replayed errors { code } } }
"""

CONSUME = """
mutation($input: ConsumeInput!) { consume(input: $input) { transfer { id } errors { code } } }
"""

FREEZE = """
mutation($cardNo: String!, $reason: String) { freezeCard(cardNo: $cardNo, reason: $reason) { errors { code } } }
"""


async def _recharge(live, token: str, amount: str, key: str) -> dict:  # type: ignore[no-untyped-def]
    body = await live.api.as_(token)(RECHARGE, input={"cardNo": "C0001", "amount": amount, "idempotencyKey": key})
    return body["data"]["recharge"]


async def test_a_recharge_reaches_the_member_subscriber_after_commit(live, holder):
    clerk = live.tokens["sh001.clerk"]
    client = await signed_in(live.ws_url, clerk)
    await client.subscribe("1", BALANCE, memberId=gid("Member", holder.member.id))
    await live.subscribed(1)

    recharged = await _recharge(live, clerk, "100.00", "r-1")
    message = await client.receive()

    assert message == {
        "id": "1",
        "type": "next",
        "payload": {
            "data": {
                "balanceChanged": {
                    "kind": "RECHARGE",
                    "member": {
                        "id": gid("Member", holder.member.id),
                        "memberNo": holder.member.member_no,
                        "name": "顾客",
                        "phone": "139****1111",
                        "view": "MASKED",
                    },
                    "card": {"cardNo": "C0001", "status": "ACTIVE"},
                    "balance": {"principal": "100.00", "bonus": "0.00", "total": "100.00"},
                    "points": 0,
                    "transferId": recharged["transfer"]["id"],
                    "transferKind": "RECHARGE",
                    "amount": "100.00",
                    "store": {"code": "SH001", "name": "上海一店"},
                    "operator": "sh001.clerk",
                    "reason": "",
                }
            }
        },
    }
    await client.close()


async def test_a_consume_refused_for_insufficient_balance_emits_nothing(live, holder):
    clerk = live.tokens["sh001.clerk"]
    await _recharge(live, clerk, "10.00", "r-1")
    client = await signed_in(live.ws_url, clerk)
    await client.subscribe("1", BALANCE, cardNo="C0001")
    await live.subscribed(1)

    refused = await live.api.as_(clerk)(CONSUME, input={"cardNo": "C0001", "amount": "10.01", "idempotencyKey": "c-1"})
    marker = await _recharge(live, clerk, "0.01", "r-2")
    message = await client.receive()

    assert refused["data"]["consume"] == {"transfer": None, "errors": [{"code": "INSUFFICIENT_BALANCE"}]}
    assert message["payload"]["data"]["balanceChanged"]["transferId"] == marker["transfer"]["id"]
    assert message["payload"]["data"]["balanceChanged"]["balance"]["total"] == "10.01"
    await client.close()


async def test_a_replayed_recharge_emits_nothing(live, holder):
    clerk = live.tokens["sh001.clerk"]
    client = await signed_in(live.ws_url, clerk)
    await client.subscribe("1", BALANCE, cardNo="c0001")
    await live.subscribed(1)

    first = await _recharge(live, clerk, "5.00", "same-key")
    replay = await _recharge(live, clerk, "5.00", "same-key")
    marker = await _recharge(live, clerk, "0.01", "marker")
    received = [(await client.receive())["payload"]["data"]["balanceChanged"]["transferId"] for _ in range(2)]

    assert replay["replayed"] is True
    assert received == [first["transfer"]["id"], marker["transfer"]["id"]]
    await client.close()


async def test_a_card_subscriber_sees_its_status_change(live, holder):
    clerk = live.tokens["sh001.clerk"]
    client = await signed_in(live.ws_url, clerk)
    await client.subscribe("1", BALANCE, cardNo="C0001")
    await live.subscribed(1)

    frozen = await live.api.as_(clerk)(FREEZE, cardNo="C0001", reason="客户要求")
    event = (await client.receive())["payload"]["data"]["balanceChanged"]

    assert frozen["data"]["freezeCard"] == {"errors": []}
    assert (event["kind"], event["card"], event["reason"], event["transferId"]) == (
        "CARD_FROZEN",
        {"cardNo": "C0001", "status": "FROZEN"},
        "客户要求",
        None,
    )
    await client.close()


async def test_each_viewer_sees_the_member_as_their_role_may(live, holder):
    viewers = {name: await signed_in(live.ws_url, live.tokens[name]) for name in ("hq.admin", "east.manager", "cd001.clerk")}
    for client in viewers.values():
        await client.subscribe("1", BALANCE, memberId=gid("Member", holder.member.id))
    await live.subscribed(3)

    await _recharge(live, live.tokens["sh001.clerk"], "1.00", "r-1")
    seen = {name: (await c.receive())["payload"]["data"]["balanceChanged"]["member"] for name, c in viewers.items()}

    assert {name: (m["phone"], m["view"]) for name, m in seen.items()} == {
        "hq.admin": ("13900001111", "FULL"),
        "east.manager": ("13900001111", "FULL"),
        "cd001.clerk": ("139****1111", "MASKED"),
    }
    for client in viewers.values():
        await client.close()


async def test_a_subscription_names_exactly_one_member_or_card(live, holder):
    client = await signed_in(live.ws_url, live.tokens["sh001.clerk"])

    await client.subscribe("both", BALANCE, memberId=gid("Member", holder.member.id), cardNo="C0001")
    both = await client.receive()
    await client.subscribe("none", BALANCE)
    none = await client.receive()
    await client.subscribe("unknown", BALANCE, cardNo="NOPE0000")
    unknown = await client.receive()

    assert [(m["id"], m["type"], [e["extensions"]["code"] for e in m["payload"]]) for m in (both, none, unknown)] == [
        ("both", "error", ["INVALID"]),
        ("none", "error", ["INVALID"]),
        ("unknown", "error", ["NOT_FOUND"]),
    ]
    assert live.fanout.subscriptions == 0
    await client.close()


async def test_completing_a_subscription_stops_its_events(live, holder):
    clerk = live.tokens["sh001.clerk"]
    client = await signed_in(live.ws_url, clerk)
    await client.subscribe("1", BALANCE, cardNo="C0001")
    await client.subscribe("2", BALANCE, memberId=gid("Member", holder.member.id))
    await live.subscribed(2)

    await client.send({"id": "1", "type": "complete"})
    await live.subscribed(1)
    recharged = await _recharge(live, clerk, "1.00", "r-1")
    message = await client.receive()

    assert (message["id"], message["payload"]["data"]["balanceChanged"]["transferId"]) == ("2", recharged["transfer"]["id"])
    await client.close()
    await live.subscribed(0)
