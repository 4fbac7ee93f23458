from __future__ import annotations

import pytest

from server.access.services import update_staff
from server.card.models import Card
from server.ledger.models import Operation
from tests.schema.card.conftest import CONSUME, RECHARGE, card_state, status_change

NEEDS_REASON = {"reportCardLost": True, "cancelCardLoss": False, "freezeCard": True, "unfreezeCard": False}
ACTIONS = {
    "reportCardLost": "REPORT_LOST",
    "cancelCardLoss": "CANCEL_LOSS",
    "freezeCard": "FREEZE",
    "unfreezeCard": "UNFREEZE",
}


async def _act(client, mutation, card_no="C0001", reason=None):
    if NEEDS_REASON[mutation]:
        body = await client(status_change(mutation), cardNo=card_no, reason=reason)
    else:
        body = await client(status_change(mutation, with_reason=False), cardNo=card_no)
    return body["data"][mutation]


@pytest.mark.parametrize(
    ("steps", "statuses"),
    [
        (["reportCardLost"], ["LOST"]),
        (["reportCardLost", "cancelCardLoss"], ["LOST", "ACTIVE"]),
        (["freezeCard"], ["FROZEN"]),
        (["freezeCard", "unfreezeCard"], ["FROZEN", "ACTIVE"]),
        (["freezeCard", "reportCardLost", "cancelCardLoss"], ["FROZEN", "LOST", "ACTIVE"]),
    ],
)
async def test_legal_transitions_are_recorded_with_who_where_and_why(api, org, wallet, steps, statuses):
    clerk = await api.login("sh001.clerk")

    results = [await _act(clerk, step, reason=f"原因{i}") for i, step in enumerate(steps)]

    assert [r["errors"] for r in results] == [[] for _ in steps]
    assert [r["card"]["status"] for r in results] == statuses
    events = results[-1]["card"]["events"]
    assert events[1:] == [
        {
            "action": ACTIONS[step],
            "fromStatus": before,
            "toStatus": after,
            "reason": f"原因{i}" if NEEDS_REASON[step] else "",
            "operator": "sh001.clerk",
            "store": {"code": "SH001"},
        }
        for i, (step, before, after) in enumerate(zip(steps, ["ACTIVE", *statuses[:-1]], statuses, strict=True))
    ]


@pytest.mark.parametrize(
    ("given", "illegal", "message"),
    [
        ([], "cancelCardLoss", "The card isn't reported lost: it is already active."),
        ([], "unfreezeCard", "The card isn't frozen: it is already active."),
        (["freezeCard"], "freezeCard", "The card can't be frozen: it is already frozen."),
        (["freezeCard"], "cancelCardLoss", "The card isn't reported lost: it is frozen."),
        (["reportCardLost"], "reportCardLost", "The card can't be reported lost: it is already lost."),
        (["reportCardLost"], "freezeCard", "The card can't be frozen: it is lost."),
        (["reportCardLost"], "unfreezeCard", "The card isn't frozen: it is lost."),
    ],
)
async def test_illegal_transitions_are_invalid_and_change_nothing(api, org, wallet, given, illegal, message):
    clerk = await api.login("sh001.clerk")
    for step in given:
        await _act(clerk, step)
    before = await card_state("C0001")

    result = await _act(clerk, illegal, reason="试试")

    assert result == {"card": None, "errors": [{"field": ["cardNo"], "code": "INVALID", "message": message}]}
    assert await card_state("C0001") == before


@pytest.mark.parametrize("mutation", list(NEEDS_REASON))
async def test_a_cancelled_card_takes_no_status_change(api, org, wallet, mutation):
    clerk = await api.login("sh001.clerk")
    cancel = 'mutation { cancelCard(cardNo: "C0001") { errors { code } } }'
    assert (await clerk(cancel))["data"]["cancelCard"]["errors"] == []
    before = await card_state("C0001")

    result = await _act(clerk, mutation)

    assert [e["code"] for e in result["errors"]] == ["INVALID"]
    assert result["errors"][0]["message"].endswith(": it is cancelled.")
    assert await card_state("C0001") == before


async def test_an_unknown_card_is_not_found(api, org, wallet):
    clerk = await api.login("sh001.clerk")

    result = await _act(clerk, "freezeCard", card_no="NOPE0001")

    assert result == {
        "card": None,
        "errors": [{"field": ["cardNo"], "code": "NOT_FOUND", "message": "Card not found."}],
    }


async def test_staff_of_any_store_operate_any_members_card(api, org, wallet):
    outsider_clerk = await api.login("cd001.clerk")
    manager = await api.login("east.manager")

    frozen = await _act(outsider_clerk, "freezeCard", reason="顾客来电")
    unfrozen = await _act(manager, "unfreezeCard")

    assert (frozen["errors"], frozen["card"]["status"]) == ([], "FROZEN")
    assert (unfrozen["errors"], unfrozen["card"]["status"]) == ([], "ACTIVE")
    assert [(e["operator"], e["store"]) for e in unfrozen["card"]["events"]] == [
        ("sh001.clerk", {"code": "SH001"}),
        ("cd001.clerk", {"code": "CD001"}),
        ("east.manager", None),
    ]


async def test_accounts_without_card_operations_change_nothing(api, org, wallet):
    await update_staff(org.actors["hq.admin"], org.staff["sh001.clerk"].id, withholds=["CARD_OPS"])
    clerk = await api.login("sh001.clerk")
    anonymous_body = await api(status_change("freezeCard"), cardNo="C0001", reason="x")

    results = [await _act(clerk, mutation) for mutation in NEEDS_REASON]

    assert [[e["code"] for e in r["errors"]] for r in results] == [["PERMISSION_DENIED"]] * 4
    assert [e["code"] for e in anonymous_body["data"]["freezeCard"]["errors"]] == ["UNAUTHENTICATED"]
    assert await card_state("C0001") == ("ACTIVE", 1)


@pytest.mark.parametrize(("mutation", "status"), [("reportCardLost", "lost"), ("freezeCard", "frozen")])
async def test_lost_and_frozen_cards_cannot_consume_until_restored(api, org, wallet, mutation, status):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "50.00", "idempotencyKey": "r1"})
    await _act(clerk, mutation)

    refused = await clerk(
        CONSUME.replace("errors { field code message }", "errors { field code message reason }"),
        input={"cardNo": "C0001", "amount": "10.00", "idempotencyKey": "c1"},
    )
    await _act(clerk, {"reportCardLost": "cancelCardLoss", "freezeCard": "unfreezeCard"}[mutation])
    paid = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "10.00", "idempotencyKey": "c2"})

    assert refused["data"]["consume"]["errors"] == [
        {
            "field": ["cardNo"],
            "code": "CARD_NOT_ACTIVE",
            "message": f"The card is {status} and can't be used.",
            "reason": f"CARD_{status.upper()}",
        }
    ]
    assert paid["data"]["consume"]["errors"] == []
    assert paid["data"]["consume"]["member"]["assets"]["balance"]["principal"] == "40.00"
    assert await Operation.filter(kind="CONSUME").count() == 1
    assert (await Card.get(card_no="C0001")).status.value == "ACTIVE"
