from __future__ import annotations

import pytest

from server.card.models import Card
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.ledger.models import Operation
from tests.schema.card.conftest import CONSUME, RECHARGE

PIN = "080512"
PIN_LOCKED = '{ memberLookup(cardNo: "P0001") { cards { cardNo pinLocked } } }'


@pytest.fixture
async def pin_card(org, wallet, api):
    """Card P0001 of a PIN type (PIN 080512), holding 100.00."""
    pin_type = await create_card_type(
        org.actors["hq.admin"], CardTypeDraft(code="PIN", name="密码卡", requires_pin=True)
    )
    await issue_card(org.actors["sh001.clerk"], IssueRequest(wallet.member.id, pin_type.id, card_no="P0001", pin=PIN))
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "P0001", "amount": "100.00", "idempotencyKey": "fund"})
    return clerk


def _pay(key, pin=None, amount="10.00"):
    return {"cardNo": "P0001", "amount": amount, "idempotencyKey": key, **({"pin": pin} if pin is not None else {})}


async def test_a_wrong_pin_is_invalid_counted_and_moves_nothing(api, org, pin_card):
    clerk = pin_card

    missing = await clerk(CONSUME, input=_pay("c1"))
    wrong = await clerk(CONSUME, input=_pay("c2", pin="000000"))

    assert missing["data"]["consume"]["errors"] == [{"field": ["pin"], "code": "INVALID", "message": "The PIN is wrong."}]
    assert wrong["data"]["consume"]["errors"] == [{"field": ["pin"], "code": "INVALID", "message": "The PIN is wrong."}]
    assert (await Card.get(card_no="P0001")).pin_failures == 2
    assert await Operation.filter(kind="CONSUME").count() == 0


async def test_the_right_pin_pays_and_clears_the_count(api, org, pin_card):
    clerk = pin_card
    await clerk(CONSUME, input=_pay("c1", pin="111111"))

    paid = await clerk(CONSUME, input=_pay("c2", pin=PIN))

    assert paid["data"]["consume"]["errors"] == []
    assert paid["data"]["consume"]["member"]["assets"]["balance"]["total"] == "90.00"
    assert (await Card.get(card_no="P0001")).pin_failures == 0


async def test_five_wrong_pins_lock_spending_even_with_the_right_pin(api, org, pin_card):
    clerk = pin_card
    wrong = [await clerk(CONSUME, input=_pay(f"w{i}", pin="999999")) for i in range(5)]

    locked = await clerk(CONSUME, input=_pay("right", pin=PIN))
    shown = await clerk(PIN_LOCKED)

    assert [[e["code"] for e in w["data"]["consume"]["errors"]] for w in wrong] == [["INVALID"]] * 5
    assert locked["data"]["consume"]["errors"] == [
        {"field": ["pin"], "code": "ACCOUNT_LOCKED", "message": "Too many wrong PINs: spending on this card is locked until staff reset the PIN."}
    ]
    assert {"cardNo": "P0001", "pinLocked": True} in shown["data"]["memberLookup"]["cards"]
    assert await Operation.filter(kind="CONSUME").count() == 0
    assert (await Card.get(card_no="P0001")).pin_failures == 5


async def test_a_replay_with_a_wrong_pin_returns_the_first_payment_and_counts_the_pin(api, org, pin_card):
    """Nothing looks the key up before the PIN is checked (server.ledger.operations), so the wrong
    PIN of a replay counts like any other; the answer is still the first payment, moved once."""
    clerk = pin_card
    paid = await clerk(CONSUME, input=_pay("c1", pin=PIN))

    replay = await clerk(CONSUME, input=_pay("c1", pin="000000"))

    assert replay["data"]["consume"]["errors"] == []
    assert replay["data"]["consume"]["transfer"] == paid["data"]["consume"]["transfer"]
    assert replay["data"]["consume"]["member"]["assets"]["balance"]["total"] == "90.00"
    assert await Operation.filter(kind="CONSUME").count() == 1
    assert (await Card.get(card_no="P0001")).pin_failures == 1


async def test_a_card_without_a_pin_type_pays_without_one(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "10.00", "idempotencyKey": "r1"})

    paid = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "1.00", "idempotencyKey": "c1"})

    assert paid["data"]["consume"]["errors"] == []


async def test_stored_value_spent_past_the_daily_limit_is_refused(api, org, wallet):
    limited = await create_card_type(
        org.actors["hq.admin"], CardTypeDraft(code="LIM", name="限额卡", daily_limit=10_000)
    )
    await issue_card(org.actors["sh001.clerk"], IssueRequest(wallet.member.id, limited.id, card_no="L0001"))
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "L0001", "amount": "500.00", "idempotencyKey": "r1"})
    first = await clerk(CONSUME, input={"cardNo": "L0001", "amount": "60.00", "idempotencyKey": "c1"})

    over = await clerk(CONSUME, input={"cardNo": "L0001", "amount": "40.01", "idempotencyKey": "c2"})
    external = await clerk(
        CONSUME, input={"cardNo": "L0001", "amount": "80.00", "idempotencyKey": "c3", "payment": "EXTERNAL"}
    )
    up_to = await clerk(CONSUME, input={"cardNo": "L0001", "amount": "40.00", "idempotencyKey": "c4"})

    assert first["data"]["consume"]["errors"] == []
    assert over["data"]["consume"]["errors"] == [
        {"field": ["amount"], "code": "LIMIT_EXCEEDED", "message": "This payment would go over the card's daily limit of 100.00."}
    ]
    assert external["data"]["consume"]["errors"] == []
    assert up_to["data"]["consume"]["errors"] == []
    assert up_to["data"]["consume"]["member"]["assets"]["balance"]["total"] == "400.00"
    assert await Operation.filter(kind="CONSUME").count() == 3
