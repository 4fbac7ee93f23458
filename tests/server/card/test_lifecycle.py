from __future__ import annotations

import pytest

from server.card.models import Card, CardAction, CardEvent, CardKind, CardStatus
from server.card.services import (
    CardTypeDraft,
    IssueRequest,
    cancel_card,
    change_status,
    create_card_type,
    issue_card,
    replace_card,
)
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.wallet.services import ConsumeRequest, card_balances, consume
from tests.server.wallet.conftest import balances, fund, key


@pytest.mark.parametrize(
    ("steps", "final"),
    [
        ([CardAction.REPORT_LOST], CardStatus.LOST),
        ([CardAction.REPORT_LOST, CardAction.CANCEL_LOSS], CardStatus.ACTIVE),
        ([CardAction.FREEZE], CardStatus.FROZEN),
        ([CardAction.FREEZE, CardAction.UNFREEZE], CardStatus.ACTIVE),
        ([CardAction.FREEZE, CardAction.REPORT_LOST], CardStatus.LOST),
    ],
)
async def test_legal_transitions_are_recorded_with_who_where_and_why(org, wallet, steps, final):
    clerk = org.actors["sh001.clerk"]
    for step in steps:
        await change_status(clerk, "C0001", step, reason=f"because {step.value}")

    card = await Card.get(id=wallet.card.id)
    events = await CardEvent.filter(card_id=card.id).order_by("id")
    assert card.status == final
    assert [e.action for e in events] == [CardAction.ISSUE, *steps]
    assert (events[-1].staff_id, events[-1].store_id, events[-1].reason) == (
        org.staff["sh001.clerk"].id,
        org.stores["SH001"].id,
        f"because {steps[-1].value}",
    )


@pytest.mark.parametrize(
    ("first", "illegal"),
    [
        (None, CardAction.CANCEL_LOSS),
        (None, CardAction.UNFREEZE),
        (CardAction.REPORT_LOST, CardAction.FREEZE),
        (CardAction.FREEZE, CardAction.FREEZE),
    ],
)
async def test_illegal_transitions_are_invalid_and_change_nothing(org, wallet, first, illegal):
    clerk = org.actors["sh001.clerk"]
    if first:
        await change_status(clerk, "C0001", first)
    before = (await Card.get(id=wallet.card.id)).status

    with pytest.raises(DomainError) as caught:
        await change_status(clerk, "C0001", illegal)

    assert caught.value.code is ErrorCode.INVALID
    assert (await Card.get(id=wallet.card.id)).status == before


async def test_replacing_moves_the_balance_to_the_new_number_and_kills_the_old(org, wallet):
    await fund(org, wallet, 8_000)
    await change_status(org.actors["sh001.clerk"], "C0001", CardAction.REPORT_LOST)

    new = await replace_card(org.actors["sh001.clerk"], "C0001", "C0002", reason="丢失补卡")

    old = await Card.get(id=wallet.card.id)
    assert (old.status, old.replaced_by_id) == (CardStatus.CANCELLED, new.id)
    assert await balances(wallet) == (0, 0)
    assert (await card_balances(new)).principal == 8_000
    with pytest.raises(DomainError) as caught:
        await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0001", amount=100, idempotency_key=key()))
    assert caught.value.code is ErrorCode.CARD_NOT_ACTIVE
    await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="C0002", amount=100, idempotency_key=key()))
    assert (await card_balances(new)).principal == 7_900


async def test_cancel_is_refused_while_a_balance_remains(org, wallet):
    await fund(org, wallet, 100)

    with pytest.raises(DomainError) as caught:
        await cancel_card(org.actors["sh001.clerk"], "C0001")

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["refundBalance"])
    assert (await Card.get(id=wallet.card.id)).status == CardStatus.ACTIVE


async def test_cancel_with_refund_pays_out_principal_and_forfeits_bonus(org, wallet):
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("送", 1_000, 100))
    await fund(org, wallet, 1_000)

    await cancel_card(org.actors["sh001.clerk"], "C0001", "用户注销", refund_balance=True)

    cash_out = await Operation.get(kind="CARD_CASH_OUT")
    assert cash_out.result == {"CASH_OUT_PRINCIPAL": 1_000, "FORFEIT_BONUS": 100}
    assert await balances(wallet) == (0, 0)
    assert (await Card.get(id=wallet.card.id)).status == CardStatus.CANCELLED


async def test_a_subsidiary_card_spends_its_parents_balance(org, wallet):
    hq = org.actors["hq.admin"]
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    await issue_card(
        org.actors["sh001.clerk"],
        IssueRequest(wallet.member.id, sub_type.id, card_no="S0001", parent_card_no="C0001"),
    )
    await fund(org, wallet, 1_000)

    await consume(org.actors["sh001.clerk"], ConsumeRequest(card_no="S0001", amount=300, idempotency_key=key()))

    assert await balances(wallet) == (700, 0)
