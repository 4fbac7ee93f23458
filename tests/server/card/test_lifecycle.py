from __future__ import annotations

import pytest

from server.audit.models import AuditEntry
from server.card.models import Card, CardAction, CardEvent, CardKind, CardStatus
from server.card import services
from server.card.services import (
    CardTypeDraft,
    IssueRequest,
    cancel_card,
    change_status,
    create_card_type,
    issue_card,
    replace_card,
)
from server.core.errors import DomainError, ErrorCode, ErrorReason
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
    assert (caught.value.code, caught.value.reason) == (ErrorCode.CARD_NOT_ACTIVE, ErrorReason.CARD_CANCELLED)
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
    assert cash_out.result == {"principal": 1_000, "bonus": 100}
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


async def test_a_subsidiary_card_cannot_spend_while_its_parent_is_frozen(org, wallet):
    clerk = org.actors["sh001.clerk"]
    sub_type = await create_card_type(org.actors["hq.admin"], CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    await issue_card(clerk, IssueRequest(wallet.member.id, sub_type.id, card_no="S0001", parent_card_no="C0001"))
    await fund(org, wallet, 1_000)
    await change_status(clerk, "C0001", CardAction.FREEZE)

    with pytest.raises(DomainError) as caught:
        await consume(clerk, ConsumeRequest(card_no="S0001", amount=300, idempotency_key=key()))

    assert (caught.value.code, caught.value.reason, caught.value.message) == (
        ErrorCode.CARD_NOT_ACTIVE,
        ErrorReason.PARENT_CARD_FROZEN,
        "The parent card is frozen, so this card can't be used.",
    )
    assert await balances(wallet) == (1_000, 0)
    assert await Operation.filter(kind="CONSUME").count() == 0


async def test_a_number_taken_after_the_check_is_a_duplicate_and_the_replacement_changes_nothing(org, wallet, monkeypatch):
    clerk = org.actors["sh001.clerk"]
    await fund(org, wallet, 500)
    checked_replace = services._replace

    async def overtaken(*args, **kwargs):
        # Another request issues the number between replace_card's check and its insert.
        await issue_card(clerk, IssueRequest(wallet.member.id, wallet.card_type.id, card_no="C0002"))
        return await checked_replace(*args, **kwargs)

    monkeypatch.setattr(services, "_replace", overtaken)

    with pytest.raises(DomainError) as caught:
        await replace_card(clerk, "C0001", "C0002")

    assert (caught.value.code, caught.value.field, caught.value.message) == (
        ErrorCode.DUPLICATE,
        ["newCardNo"],
        "Card number C0002 is taken.",
    )
    card = await Card.get(id=wallet.card.id)
    assert (card.status, card.replaced_by_id) == (CardStatus.ACTIVE, None)
    assert await balances(wallet) == (500, 0)
    assert await CardEvent.filter(card_id=card.id).count() == 1
    assert await Operation.filter(kind="CARD_REPLACE").count() == 0
    assert await Card.all().count() == 2


async def test_cancelling_a_card_records_who_where_when_and_why_for_each_subsidiary(org, wallet):
    hq, clerk = org.actors["hq.admin"], org.actors["sh001.clerk"]
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    for number in ("S0001", "S0002", "S0003"):
        await issue_card(clerk, IssueRequest(wallet.member.id, sub_type.id, card_no=number, parent_card_no="C0001"))
    await change_status(clerk, "S0002", CardAction.FREEZE)
    await cancel_card(clerk, "S0003")

    await cancel_card(clerk, "C0001", "用户注销")

    subs = await Card.filter(parent_id=wallet.card.id).order_by("card_no")
    assert [s.status for s in subs] == [CardStatus.CANCELLED] * 3
    last = [await CardEvent.filter(card_id=s.id).order_by("-id").first() for s in subs]
    assert [(e.action, e.from_status, e.to_status, e.reason, e.staff_id, e.store_id) for e in last] == [
        (CardAction.CANCEL, "ACTIVE", "CANCELLED", "Parent card C0001 cancelled: 用户注销", clerk.staff_id, clerk.store_id),
        (CardAction.CANCEL, "FROZEN", "CANCELLED", "Parent card C0001 cancelled: 用户注销", clerk.staff_id, clerk.store_id),
        (CardAction.CANCEL, "ACTIVE", "CANCELLED", "", clerk.staff_id, clerk.store_id),
    ]
    assert [await CardEvent.filter(card_id=s.id, action=CardAction.CANCEL).count() for s in subs] == [1, 1, 1]
    audited = await AuditEntry.filter(action="card.cancel", target_id__in=[str(s.id) for s in subs[:2]]).count()
    assert audited == 2
