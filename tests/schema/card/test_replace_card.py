from __future__ import annotations

from server.card.models import Card, CardKind, CardStatus
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.ledger.models import Operation, Transfer
from server.program.services import RechargeRuleDraft, create_recharge_rule
from tests.schema.card.conftest import CONSUME, RECHARGE, REPLACE, card_state, status_change

LOOKUP = '{ memberLookup(cardNo: "C0001") { cards { cardNo status replacedByCardNo parentCardNo balance { total } } } }'
MOVES = '{ memberLookup(cardNo: "C0001") { ledger(first: 10) { edges { node { kind amount details } } } } }'


async def test_replacing_moves_the_balance_and_subsidiary_cards_to_the_new_number(api, org, wallet):
    hq, clerk_actor = org.actors["hq.admin"], org.actors["sh001.clerk"]
    await create_recharge_rule(hq, RechargeRuleDraft("充100送10", 10_000, 1_000))
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    await issue_card(clerk_actor, IssueRequest(wallet.member.id, sub_type.id, card_no="S0001", parent_card_no="C0001"))
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "r1"})
    await clerk(status_change("reportCardLost"), cardNo="C0001", reason="钱包丢了")

    body = await clerk(REPLACE, cardNo="C0001", newCardNo="c0002", reason="丢失补卡")
    spent_by_sub = await clerk(CONSUME, input={"cardNo": "S0001", "amount": "5.00", "idempotencyKey": "c1"})
    old_card = await clerk(LOOKUP)

    replaced = body["data"]["replaceCard"]
    assert replaced["errors"] == []
    assert {k: replaced["card"][k] for k in ("cardNo", "status", "balance")} == {
        "cardNo": "C0002",
        "status": "ACTIVE",
        "balance": {"principal": "100.00", "bonus": "10.00", "total": "110.00"},
    }
    assert replaced["card"]["events"] == [
        {
            "action": "ISSUE",
            "fromStatus": "",
            "toStatus": "ACTIVE",
            "reason": "replaces C0001",
            "operator": "sh001.clerk",
            "store": {"code": "SH001"},
        }
    ]
    assert old_card["data"]["memberLookup"]["cards"] == [
        {
            "cardNo": "C0001",
            "status": "CANCELLED",
            "replacedByCardNo": "C0002",
            "parentCardNo": None,
            "balance": {"total": "0.00"},
        },
        {
            "cardNo": "S0001",
            "status": "ACTIVE",
            "replacedByCardNo": None,
            "parentCardNo": "C0002",
            "balance": {"total": "105.00"},
        },
        {
            "cardNo": "C0002",
            "status": "ACTIVE",
            "replacedByCardNo": None,
            "parentCardNo": None,
            "balance": {"total": "105.00"},
        },
    ]
    assert spent_by_sub["data"]["consume"]["errors"] == []
    old = await Card.get(card_no="C0001")
    assert old.status == CardStatus.CANCELLED
    move = await Operation.get(kind="CARD_REPLACE")
    new = await Card.get(card_no="C0002")
    legs = await Transfer.filter(operation_id=move.id).select_related("debit", "credit").order_by("amount")
    assert move.amount == 11_000
    assert [(t.code.value, t.amount, t.debit.key, t.credit.key) for t in legs] == [
        ("CARD_MOVE", 1_000, f"CARD_BONUS:card:{old.id}", f"CARD_BONUS:card:{new.id}"),
        ("CARD_MOVE", 10_000, f"CARD_PRINCIPAL:card:{old.id}", f"CARD_PRINCIPAL:card:{new.id}"),
    ]


async def test_the_old_number_is_dead_after_a_replacement(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "30.00", "idempotencyKey": "r1"})
    replaced = await clerk(REPLACE, cardNo="C0001")
    new_no = replaced["data"]["replaceCard"]["card"]["cardNo"]

    old_spend = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "1.00", "idempotencyKey": "c1"})
    again = await clerk(REPLACE, cardNo="C0001")
    new_spend = await clerk(CONSUME, input={"cardNo": new_no, "amount": "1.00", "idempotencyKey": "c2"})

    assert len(new_no) == 16 and new_no.isdigit()
    assert [e["code"] for e in old_spend["data"]["consume"]["errors"]] == ["CARD_NOT_ACTIVE"]
    assert again["data"]["replaceCard"]["errors"] == [
        {"field": ["cardNo"], "code": "INVALID", "message": "The card can't be replaced: it is cancelled."}
    ]
    assert new_spend["data"]["consume"]["member"]["assets"]["balance"]["total"] == "29.00"
    assert await Card.all().count() == 2


async def test_replacing_with_a_taken_number_changes_nothing(api, org, wallet):
    await issue_card(org.actors["sh001.clerk"], IssueRequest(wallet.member.id, wallet.card_type.id, card_no="C0002"))
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "30.00", "idempotencyKey": "r1"})
    before = await card_state("C0001")

    body = await clerk(REPLACE, cardNo="C0001", newCardNo="C0002")

    assert body["data"]["replaceCard"] == {
        "card": None,
        "errors": [{"field": ["newCardNo"], "code": "DUPLICATE", "message": "Card number C0002 is taken."}],
    }
    assert await card_state("C0001") == before
    assert await Operation.filter(kind="CARD_REPLACE").count() == 0
    assert await Card.all().count() == 2


async def test_the_recorded_replacement_tells_principal_and_bonus_apart_on_every_read(api, org, wallet):
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "r1"})
    await clerk(REPLACE, cardNo="C0001", newCardNo="C0002")

    first = await clerk(MOVES)
    again = await clerk(MOVES)

    move = await Operation.get(kind="CARD_REPLACE")
    assert move.result == {"principal": 10_000, "bonus": 1_000}
    assert first["data"]["memberLookup"]["ledger"]["edges"][0]["node"] == {
        "kind": "CARD_REPLACE",
        "amount": "110.00",
        "details": {"principal": 10_000, "bonus": 1_000},
    }
    assert again == first


async def test_a_replacement_without_bonus_records_a_zero_bonus(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "30.00", "idempotencyKey": "r1"})

    await clerk(REPLACE, cardNo="C0001", newCardNo="C0002")

    move = await Operation.get(kind="CARD_REPLACE")
    assert (move.amount, move.result) == (3_000, {"principal": 3_000, "bonus": 0})
    assert await Transfer.filter(operation_id=move.id).count() == 1
