from __future__ import annotations

import pytest

from server.access.services import update_staff
from server.audit.models import AuditEntry
from server.card.models import Card, CardEvent
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.ledger.models import Operation
from tests.schema.card.conftest import CANCEL, CARD, CONSUME, RECHARGE, card_state

OLD_PIN, NEW_PIN = "080512", "271828"

RESET = f"""
mutation($cardNo: String!, $newPin: String!, $reason: String) {{
  resetCardPin(cardNo: $cardNo, newPin: $newPin, reason: $reason) {{ card {{ {CARD} }} errors {{ field code message }} }}
}}
"""


@pytest.fixture
async def locked_card(org, wallet, api):
    """Card P0001 of a PIN type holding 100.00, locked by five wrong PINs; the clerk's client."""
    pin_type = await create_card_type(org.actors["hq.admin"], CardTypeDraft(code="PIN", name="密码卡", requires_pin=True))
    await issue_card(org.actors["sh001.clerk"], IssueRequest(wallet.member.id, pin_type.id, card_no="P0001", pin=OLD_PIN))
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "P0001", "amount": "100.00", "idempotencyKey": "fund"})
    for attempt in range(5):
        await clerk(CONSUME, input=_pay(f"wrong{attempt}", "999999"))
    return clerk


def _pay(key: str, pin: str) -> dict[str, str]:
    return {"cardNo": "P0001", "amount": "10.00", "idempotencyKey": key, "pin": pin}


async def test_a_reset_sets_the_new_pin_unlocks_spending_and_is_recorded(api, org, locked_card):
    clerk = locked_card

    body = await clerk(RESET, cardNo="P0001", newPin=NEW_PIN, reason="会员忘记密码")
    old_pin = await clerk(CONSUME, input=_pay("old", OLD_PIN))
    new_pin = await clerk(CONSUME, input=_pay("new", NEW_PIN))

    reset = body["data"]["resetCardPin"]
    assert reset["errors"] == []
    assert (reset["card"]["pinLocked"], reset["card"]["status"]) == (False, "ACTIVE")
    assert reset["card"]["events"][-1] == {
        "action": "PIN_RESET",
        "fromStatus": "ACTIVE",
        "toStatus": "ACTIVE",
        "reason": "会员忘记密码",
        "operator": "sh001.clerk",
        "store": {"code": "SH001"},
    }
    assert old_pin["data"]["consume"]["errors"] == [{"field": ["pin"], "code": "INVALID", "message": "The PIN is wrong."}]
    assert new_pin["data"]["consume"]["errors"] == []
    assert new_pin["data"]["consume"]["member"]["assets"]["balance"]["total"] == "90.00"
    card = await Card.get(card_no="P0001")
    assert card.pin_failures == 0
    entry = await AuditEntry.get(action="card.pin_reset")
    assert (entry.actor_name, entry.target_id, entry.before) == ("sh001.clerk", str(card.id), {"pin_failures": 5})
    assert entry.after == {
        "card_no": "P0001",
        "status": "ACTIVE",
        "member_id": card.member_id,
        "pin_failures": 0,
        "reason": "会员忘记密码",
    }
    assert OLD_PIN not in str(entry.after) and NEW_PIN not in str(entry.after)


@pytest.mark.parametrize(
    ("new_pin", "message"),
    [
        ("12345", "A PIN must be exactly 6 digits."),
        ("１２３４５６", "A PIN must be exactly 6 digits."),
        ("12a456", "A PIN must be exactly 6 digits."),
        ("000000", "A PIN can't be one digit repeated or a run like 123456; choose another."),
        ("123456", "A PIN can't be one digit repeated or a run like 123456; choose another."),
        ("876543", "A PIN can't be one digit repeated or a run like 123456; choose another."),
    ],
)
async def test_a_bad_new_pin_is_invalid_and_changes_nothing(api, org, locked_card, new_pin, message):
    clerk = locked_card
    before = (await Card.get(card_no="P0001")).pin_hash, await card_state("P0001")

    body = await clerk(RESET, cardNo="P0001", newPin=new_pin)

    assert body["data"]["resetCardPin"] == {
        "card": None,
        "errors": [{"field": ["newPin"], "code": "INVALID", "message": message}],
    }
    card = await Card.get(card_no="P0001")
    assert ((card.pin_hash, await card_state("P0001")), card.pin_failures) == (before, 5)
    assert await AuditEntry.filter(action="card.pin_reset").count() == 0


async def test_a_cancelled_cards_pin_is_not_reset(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(CANCEL, cardNo="C0001")
    before = await card_state("C0001")

    body = await clerk(RESET, cardNo="C0001", newPin=NEW_PIN)

    assert body["data"]["resetCardPin"]["errors"] == [
        {"field": ["cardNo"], "code": "INVALID", "message": "The card's PIN can't be reset: it is cancelled."}
    ]
    assert await card_state("C0001") == before
    assert (await Card.get(card_no="C0001")).pin_hash is None


async def test_a_frozen_card_gets_a_new_pin_and_stays_frozen(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk('mutation { freezeCard(cardNo: "C0001") { errors { code } } }')

    body = await clerk(RESET, cardNo="C0001", newPin=NEW_PIN)

    assert body["data"]["resetCardPin"]["errors"] == []
    assert body["data"]["resetCardPin"]["card"]["status"] == "FROZEN"
    assert [e["action"] for e in body["data"]["resetCardPin"]["card"]["events"]] == ["ISSUE", "FREEZE", "PIN_RESET"]


async def test_region_staff_and_staff_without_the_right_may_not_reset_a_pin(api, org, locked_card):
    await update_staff(org.actors["hq.admin"], org.staff["sh001.clerk"].id, withholds=["RESET_PIN"])
    manager = await api.login("east.manager")
    clerk = await api.login("sh001.clerk")
    before = (await Card.get(card_no="P0001")).pin_hash, await card_state("P0001")

    by_manager = await manager(RESET, cardNo="P0001", newPin=NEW_PIN)
    by_clerk = await clerk(RESET, cardNo="P0001", newPin=NEW_PIN)
    anonymous = await api(RESET, cardNo="P0001", newPin=NEW_PIN)

    denied = {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not reset card PINs."}
    assert by_manager["data"]["resetCardPin"] == {"card": None, "errors": [denied]}
    assert by_clerk["data"]["resetCardPin"] == {"card": None, "errors": [denied]}
    assert [e["code"] for e in anonymous["data"]["resetCardPin"]["errors"]] == ["UNAUTHENTICATED"]
    card = await Card.get(card_no="P0001")
    assert ((card.pin_hash, await card_state("P0001")), card.pin_failures) == (before, 5)
    assert await CardEvent.filter(card_id=card.id, action="PIN_RESET").count() == 0


async def test_hq_resets_a_pin_with_no_store(api, org, locked_card):
    hq = await api.login("hq.admin")

    body = await hq(RESET, cardNo="P0001", newPin=NEW_PIN)

    assert body["data"]["resetCardPin"]["errors"] == []
    assert body["data"]["resetCardPin"]["card"]["events"][-1]["store"] is None
    assert await Operation.filter(kind="CONSUME").count() == 0
