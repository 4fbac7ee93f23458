from __future__ import annotations

import pytest

from server.access.models import Role
from server.access.services import StaffScope, create_staff, update_staff
from server.audit.models import AuditEntry
from server.card.models import Card, CardAction, CardKind
from server.card.services import CardTypeDraft, IssueRequest, change_status, create_card_type, issue_card
from server.ledger.models import Operation
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.wallet import batch
from server.wallet.services import PaymentMethod, RechargeRequest, card_balances, recharge
from tests.conftest import PASSWORD
from tests.schema.program.conftest import gid

BATCH = """
mutation($input: BatchRechargeInput!) {
  batchRecharge(input: $input) {
    rows { index cardNo amount replayed transfer { kind amount idempotencyKey store { code } details } }
    errors { field code message }
  }
}
"""


@pytest.fixture
async def cards(org, wallet):
    """Cards C0001 (the wallet's), C0002 and C0003 of the same member."""
    for number in ("C0002", "C0003"):
        await issue_card(org.actors["sh001.clerk"], IssueRequest(wallet.member.id, wallet.card_type.id, card_no=number))
    return ["C0001", "C0002", "C0003"]


def _input(org, items, key="b1", **extra):
    store = gid("Store", org.stores["SH002"].id)
    return {"storeId": store, "idempotencyKey": key, "items": [{"cardNo": c, "amount": a} for c, a in items], **extra}


async def _principals(numbers):
    return [(await card_balances(await Card.get(card_no=n))).principal for n in numbers]


async def test_hq_recharges_every_row_at_one_store(api, org, cards):
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    hq = await api.login("hq.admin")

    body = await hq(
        BATCH,
        input=_input(org, [("c0001", "100.00"), ("C0002", "50.00"), ("C0003", "0.01")], paymentMethod="BANK_CARD"),
    )

    result = body["data"]["batchRecharge"]
    assert result["errors"] == []
    assert [(r["index"], r["cardNo"], r["amount"], r["replayed"]) for r in result["rows"]] == [
        (0, "c0001", "100.00", False),
        (1, "C0002", "50.00", False),
        (2, "C0003", "0.01", False),
    ]
    assert [r["transfer"] for r in result["rows"]] == [
        {
            "kind": "RECHARGE",
            "amount": amount,
            "idempotencyKey": f"b1:{i}",
            "store": {"code": "SH002"},
            "details": {"principal": fen, "bonus": bonus, "rule": rule, "payment_method": "BANK_CARD"},
        }
        for i, (amount, fen, bonus, rule) in enumerate(
            [("100.00", 10_000, 1_000, "充100送10"), ("50.00", 5_000, 0, None), ("0.01", 1, 0, None)]
        )
    ]
    assert await _principals(cards) == [10_000, 5_000, 1]
    entry = await AuditEntry.get(action="wallet.batch_recharge")
    assert entry.after == {"idempotency_key": "b1", "rows": 3, "recharged": 15_001, "failed": []}


async def test_sending_the_same_batch_again_moves_nothing(api, org, cards):
    hq = await api.login("hq.admin")
    items = [("C0001", "10.00"), ("C0002", "20.00")]
    await hq(BATCH, input=_input(org, items))

    again = await hq(BATCH, input=_input(org, items))

    assert again["data"]["batchRecharge"]["errors"] == []
    assert [r["replayed"] for r in again["data"]["batchRecharge"]["rows"]] == [True, True]
    assert await Operation.filter(kind="RECHARGE").count() == 2
    assert await _principals(cards[:2]) == [1_000, 2_000]


async def test_an_interrupted_batch_is_finished_by_sending_it_again(api, org, cards):
    hq_actor = org.actors["hq.admin"]
    await recharge(
        hq_actor,
        RechargeRequest("C0001", 1_000, "b1:0", PaymentMethod.OTHER, store_id=org.stores["SH002"].id),
    )
    await change_status(hq_actor, "C0001", CardAction.FREEZE)
    hq = await api.login("hq.admin")

    body = await hq(BATCH, input=_input(org, [("C0001", "10.00"), ("C0002", "20.00")]))

    assert body["data"]["batchRecharge"]["errors"] == []
    assert [r["replayed"] for r in body["data"]["batchRecharge"]["rows"]] == [True, False]
    assert await _principals(cards[:2]) == [1_000, 2_000]


async def test_any_bad_row_refuses_the_whole_batch_naming_each_bad_row(api, org, wallet, cards):
    hq_actor = org.actors["hq.admin"]
    sub_type = await create_card_type(hq_actor, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    await issue_card(hq_actor, IssueRequest(wallet.member.id, sub_type.id, card_no="S0001", parent_card_no="C0001"))
    await change_status(hq_actor, "C0003", CardAction.REPORT_LOST)
    hq = await api.login("hq.admin")
    items = [
        ("C0001", "10.00"),
        ("NOPE0001", "10.00"),
        ("C0002", "0.00"),
        ("C0002", "100000.01"),
        ("C0003", "10.00"),
        ("c0001", "5.00"),
        ("S0001", "5.00"),
    ]

    body = await hq(BATCH, input=_input(org, items))

    assert body["data"]["batchRecharge"] == {
        "rows": [],
        "errors": [
            {"field": ["items", "1", "cardNo"], "code": "NOT_FOUND", "message": "Card not found."},
            {"field": ["items", "2", "amount"], "code": "INVALID", "message": "The amount must be more than 0.00."},
            {
                "field": ["items", "3", "cardNo"],
                "code": "INVALID",
                "message": "The card is already in row 2: a batch takes each card once.",
            },
            {"field": ["items", "4", "cardNo"], "code": "CARD_NOT_ACTIVE", "message": "The card is lost and can't be used."},
            {
                "field": ["items", "5", "cardNo"],
                "code": "INVALID",
                "message": "The card is already in row 0: a batch takes each card once.",
            },
            {
                "field": ["items", "6", "cardNo"],
                "code": "INVALID",
                "message": "A subsidiary card spends its parent's balance: recharge the parent card.",
            },
        ],
    }
    assert await Operation.all().count() == 0
    assert await AuditEntry.filter(action="wallet.batch_recharge").count() == 0


async def test_an_amount_over_the_cap_names_its_row(api, org, cards):
    hq = await api.login("hq.admin")

    body = await hq(BATCH, input=_input(org, [("C0001", "1.00"), ("C0002", "100000.01")]))

    assert body["data"]["batchRecharge"]["errors"] == [
        {"field": ["items", "1", "amount"], "code": "INVALID", "message": "The amount is over the 100000.00 limit."}
    ]
    assert await Operation.all().count() == 0


async def test_a_batch_key_reused_for_different_rows_is_refused_whole(api, org, cards):
    hq = await api.login("hq.admin")
    await hq(BATCH, input=_input(org, [("C0001", "10.00")]))

    body = await hq(BATCH, input=_input(org, [("C0001", "11.00"), ("C0002", "20.00")]))

    assert body["data"]["batchRecharge"]["errors"] == [
        {
            "field": ["items", "0", "idempotencyKey"],
            "code": "IDEMPOTENCY_CONFLICT",
            "message": "This row's idempotency key was already used for a different recharge.",
        }
    ]
    assert await _principals(cards[:2]) == [1_000, 0]


async def test_a_row_that_fails_while_running_stops_only_itself(api, org, cards, monkeypatch):
    hq = await api.login("hq.admin")
    calls = []

    async def card_frozen_meanwhile(actor, request):
        calls.append(request.card_no)
        if len(calls) == 1:
            await change_status(org.actors["sh001.clerk"], "C0002", CardAction.FREEZE)
        return await recharge(actor, request)

    monkeypatch.setattr(batch, "recharge", card_frozen_meanwhile)

    body = await hq(BATCH, input=_input(org, [("C0001", "10.00"), ("C0002", "20.00"), ("C0003", "30.00")]))

    result = body["data"]["batchRecharge"]
    assert [r["transfer"] is not None for r in result["rows"]] == [True, False, True]
    assert result["errors"] == [
        {"field": ["items", "1", "cardNo"], "code": "CARD_NOT_ACTIVE", "message": "The card is frozen and can't be used."}
    ]
    assert await _principals(cards) == [1_000, 0, 3_000]
    assert (await AuditEntry.get(action="wallet.batch_recharge")).after["failed"] == [1]


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({"items": []}, {"field": ["items"], "code": "INVALID", "message": "A batch has between 1 and 1000 rows."}),
        (
            {"idempotencyKey": "k" * 91},
            {"field": ["idempotencyKey"], "code": "INVALID", "message": "A batch key is at most 90 characters."},
        ),
        (
            {"idempotencyKey": " "},
            {"field": ["idempotencyKey"], "code": "INVALID", "message": "Idempotency keys are 1-100 characters."},
        ),
        ({"storeId": gid("Store", 999)}, {"field": ["storeId"], "code": "NOT_FOUND", "message": "Store not found."}),
    ],
)
async def test_a_malformed_batch_is_refused(api, org, cards, given, error):
    hq = await api.login("hq.admin")

    body = await hq(BATCH, input={**_input(org, [("C0001", "1.00")]), **given})

    assert body["data"]["batchRecharge"] == {"rows": [], "errors": [error]}
    assert await Operation.all().count() == 0


@pytest.mark.parametrize(
    ("username", "message"),
    [("sh001.clerk", "Your account may not manage the loyalty program."), ("east.manager", "Your account may not recharge.")],
)
async def test_store_and_region_accounts_run_no_batches(api, org, cards, username, message):
    client = await api.login(username)

    body = await client(BATCH, input=_input(org, [("C0001", "1.00")]))

    assert body["data"]["batchRecharge"]["errors"] == [{"field": None, "code": "PERMISSION_DENIED", "message": message}]
    assert await Operation.all().count() == 0


async def test_an_hq_account_withheld_from_taking_money_runs_no_batches(api, org, cards):
    hq_actor = org.actors["hq.admin"]
    staff = await create_staff(hq_actor, "hq.marketing", PASSWORD, StaffScope(Role.HQ))
    await update_staff(hq_actor, staff.id, withholds=["RECHARGE"])
    marketing = await api.login("hq.marketing")

    body = await marketing(BATCH, input=_input(org, [("C0001", "1.00")]))

    assert body["data"]["batchRecharge"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not recharge."}
    ]
    assert await Operation.all().count() == 0
