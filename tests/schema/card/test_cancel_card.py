from __future__ import annotations

from server.card.models import Card
from server.ledger.models import Operation, Transfer
from server.program.services import RechargeRuleDraft, create_recharge_rule
from tests.schema.card.conftest import CANCEL, RECHARGE, card_state, gid

LEGS = "{ cardNo status balance { principal bonus total } events { action fromStatus toStatus reason operator } }"


async def test_a_card_holding_a_balance_is_not_cancelled_without_a_refund(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "10.00", "idempotencyKey": "r1"})
    before = await card_state("C0001")

    body = await clerk(CANCEL, cardNo="C0001", reason="不用了")

    assert body["data"]["cancelCard"] == {
        "card": None,
        "errors": [
            {
                "field": ["refundBalance"],
                "code": "INVALID",
                "message": "The card still holds stored value: cancel it with refundBalance to pay out the principal (the bonus is forfeited).",
            }
        ],
    }
    assert await card_state("C0001") == before
    assert await Operation.filter(kind="CARD_CASH_OUT").count() == 0


async def test_cancelling_with_a_refund_pays_out_principal_and_forfeits_bonus(api, org, wallet):
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "r1"})

    body = await clerk(CANCEL, cardNo="C0001", reason="用户注销", refundBalance=True)

    cancelled = body["data"]["cancelCard"]
    assert cancelled["errors"] == []
    assert cancelled["card"]["status"] == "CANCELLED"
    assert cancelled["card"]["balance"] == {"principal": "0.00", "bonus": "0.00", "total": "0.00"}
    assert cancelled["card"]["events"][-1] == {
        "action": "CANCEL",
        "fromStatus": "ACTIVE",
        "toStatus": "CANCELLED",
        "reason": "用户注销",
        "operator": "sh001.clerk",
        "store": {"code": "SH001"},
    }
    cash_out = await Operation.get(kind="CARD_CASH_OUT")
    assert (cash_out.store_id, cash_out.staff_id) == (org.stores["SH001"].id, org.staff["sh001.clerk"].id)
    legs = await Transfer.filter(operation_id=cash_out.id).select_related("debit", "credit").order_by("id")
    assert [(t.code.value, t.amount, t.debit.key, t.credit.key) for t in legs] == [
        (
            "CASH_OUT_PRINCIPAL",
            10_000,
            f"CARD_PRINCIPAL:card:{wallet.card.id}",
            f"STORE_TAKINGS:store:{org.stores['SH001'].id}",
        ),
        ("FORFEIT_BONUS", 1_000, f"CARD_BONUS:card:{wallet.card.id}", "BONUS_FUNDING:hq"),
    ]


async def test_an_empty_card_is_cancelled_once_and_for_good(api, org, wallet):
    clerk = await api.login("sh001.clerk")

    first = await clerk(CANCEL, cardNo="C0001", reason="重复办卡")
    second = await clerk(CANCEL, cardNo="C0001")

    assert first["data"]["cancelCard"]["errors"] == []
    assert first["data"]["cancelCard"]["card"]["status"] == "CANCELLED"
    assert second["data"]["cancelCard"]["errors"] == [
        {"field": ["cardNo"], "code": "INVALID", "message": "The card can't be cancelled: it is already cancelled."}
    ]
    assert await card_state("C0001") == ("CANCELLED", 2)
    assert await Operation.filter(kind="CARD_CASH_OUT").count() == 0


async def test_a_refunding_cancel_needs_the_refund_permission_and_a_store_the_actor_may_pay_at(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "10.00", "idempotencyKey": "r1"})
    manager = await api.login("east.manager")
    before = await card_state("C0001")

    no_refund_right = await manager(
        CANCEL, cardNo="C0001", refundBalance=True, storeId=gid("Store", org.stores["SH001"].id)
    )
    foreign_store = await clerk(
        CANCEL, cardNo="C0001", refundBalance=True, storeId=gid("Store", org.stores["CD001"].id)
    )

    assert no_refund_right["data"]["cancelCard"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not refund."}
    ]
    assert foreign_store["data"]["cancelCard"]["errors"] == [
        {"field": ["storeId"], "code": "PERMISSION_DENIED", "message": "You can only take money at your own store."}
    ]
    assert await card_state("C0001") == before
    assert await Operation.filter(kind="CARD_CASH_OUT").count() == 0
    assert (await Card.get(card_no="C0001")).status.value == "ACTIVE"
