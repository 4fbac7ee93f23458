"""Cross-store settlement from payments made through the wallet: whose money each purchase spent
(first in, first out, per card and its replacements), the period, netting, and the viewer's scope.
Stores: SH001 and SH002 (EAST), CD001 (WEST); HQ takes and spends money at any of them."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from server.card.models import CardKind
from server.card.services import CardTypeDraft, IssueRequest, cancel_card, create_card_type, get_card, issue_card, replace_card
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation, Transfer, TransferCode
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.settlement.services import Settlement, settlement
from server.wallet.refunds import RefundRequest, refund
from tests.server.settlement.conftest import DAY, NOON, Card, stamp


def _named(org: Any, report: Settlement) -> tuple[list[tuple[str, str, int, int, int]], dict[str, tuple[int, int, int, int]]]:
    """(debts as (debtor, creditor, amount, gross, offset), {store: (receivable, payable, net, local)}) by store code."""
    code = {store.id: name for name, store in org.stores.items()}
    debts = [(code[d.debtor_store_id], code[d.creditor_store_id], d.amount, d.gross, d.offset) for d in report.debts]
    stores = {code[t.store_id]: (t.receivable, t.payable, t.net, t.local) for t in report.stores}
    return debts, stores


async def test_money_spent_at_another_store_is_owed_to_it(org: Any, cards: list[Card]) -> None:
    card = cards[0]
    await card.recharge("SH001", 10_000)
    await card.spend("CD001", 3_000)
    await card.spend("SH001", 2_000)

    debts, stores = _named(org, await settlement(org.actors["hq.admin"], DAY, DAY))

    assert debts == [("SH001", "CD001", 3_000, 3_000, 0)]
    assert stores == {"SH001": (0, 3_000, -3_000, 2_000), "CD001": (3_000, 0, 3_000, 0)}


async def test_the_oldest_money_is_spent_first(org: Any, cards: list[Card]) -> None:
    card = cards[0]
    await card.recharge("SH001", 5_000)
    await card.recharge("CD001", 5_000)
    await card.spend("SH002", 7_000)  # all of SH001's 50.00, then 20.00 of CD001's
    await card.spend("SH001", 2_000)  # more of CD001's; 10.00 of it is left

    debts, stores = _named(org, await settlement(org.actors["hq.admin"], DAY, DAY))

    assert debts == [("SH001", "SH002", 5_000, 5_000, 0), ("CD001", "SH001", 2_000, 2_000, 0), ("CD001", "SH002", 2_000, 2_000, 0)]
    assert stores == {
        "SH001": (2_000, 5_000, -3_000, 0),
        "SH002": (7_000, 0, 7_000, 0),
        "CD001": (0, 4_000, -4_000, 0),
    }


async def test_two_stores_spending_each_others_money_settle_the_difference(org: Any, cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 4_000)
    await cards[0].spend("CD001", 4_000)
    await cards[1].recharge("CD001", 1_000)
    await cards[1].spend("SH001", 1_000)

    debts, _ = _named(org, await settlement(org.actors["hq.admin"], DAY, DAY))

    assert debts == [("SH001", "CD001", 3_000, 4_000, 1_000)]


async def test_only_spending_in_the_period_is_settled_but_earlier_spending_used_up_the_oldest_money(
    org: Any, cards: list[Card]
) -> None:
    card = cards[0]
    before = NOON - timedelta(days=1)
    await card.recharge("SH001", 3_000, before)
    await card.recharge("CD001", 3_000, before)
    await card.spend("SH002", 3_000, before)  # the day before: SH001's money
    await card.spend("SH002", 1_000)  # so this is CD001's
    await card.spend("SH002", 500, NOON + timedelta(days=1))  # after the period

    debts, _ = _named(org, await settlement(org.actors["hq.admin"], DAY, DAY))
    assert debts == [("CD001", "SH002", 1_000, 1_000, 0)]

    both_days, _ = _named(org, await settlement(org.actors["hq.admin"], DAY - timedelta(days=1), DAY))
    assert both_days == [("SH001", "SH002", 3_000, 3_000, 0), ("CD001", "SH002", 1_000, 1_000, 0)]


async def test_business_days_turn_at_shanghai_midnight(org: Any, cards: list[Card]) -> None:
    midnight = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)  # 2026-03-10 00:00 in Shanghai
    await cards[0].recharge("SH001", 5_000, midnight - timedelta(hours=1))
    await cards[0].spend("CD001", 1_000, midnight - timedelta(microseconds=1))  # 2026-03-09
    await cards[0].spend("CD001", 2_000, midnight)  # 2026-03-10

    debts, _ = _named(org, await settlement(org.actors["hq.admin"], DAY, DAY))

    assert debts == [("SH001", "CD001", 2_000, 2_000, 0)]


async def test_a_replaced_cards_money_keeps_where_it_was_taken(org: Any, cards: list[Card]) -> None:
    hq = org.actors["hq.admin"]
    await cards[0].recharge("SH001", 6_000)
    await cards[0].spend("SH002", 1_000)
    new = await replace_card(hq, cards[0].card_no, "SC0009")
    await Card(org, new.card_no).spend("CD001", 4_000)

    debts, stores = _named(org, await settlement(hq, DAY, DAY))

    assert debts == [("SH001", "CD001", 4_000, 4_000, 0), ("SH001", "SH002", 1_000, 1_000, 0)]
    assert stores["SH001"] == (0, 5_000, -5_000, 0)


async def test_a_refunded_purchase_spent_again_elsewhere_nets_the_same(org: Any, cards: list[Card]) -> None:
    hq = org.actors["hq.admin"]
    await cards[0].recharge("SH001", 5_000)
    bought = await cards[0].spend("CD001", 5_000)
    await stamp((await refund(hq, RefundRequest(operation_id=bought, amount=5_000, idempotency_key="back"))).operation.id, NOON)
    await cards[0].spend("SH002", 5_000)

    _, stores = _named(org, await settlement(hq, DAY, DAY))

    assert {code: net for code, (_, _, net, _) in stores.items()} == {"SH001": -5_000, "CD001": 0, "SH002": 5_000}


async def test_a_cash_out_at_another_store_is_owed_to_the_store_that_paid(org: Any, cards: list[Card]) -> None:
    hq = org.actors["hq.admin"]
    await cards[0].recharge("SH001", 2_500)
    closing = await cancel_card(hq, cards[0].card_no, "closing", refund_balance=True, store_id=org.stores["CD001"].id)
    cash_out = await Operation.get(card_id=closing.id, kind="CARD_CASH_OUT")
    await stamp(cash_out.id, NOON)

    debts, _ = _named(org, await settlement(hq, DAY, DAY))

    assert debts == [("SH001", "CD001", 2_500, 2_500, 0)]


async def test_staff_below_hq_see_their_own_stores_part(org: Any, cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 9_000)
    await cards[0].spend("SH002", 1_000)
    await cards[0].spend("CD001", 2_000)
    await cards[1].recharge("SH002", 3_000)
    await cards[1].spend("CD001", 3_000)

    clerk, _ = _named(org, await settlement(org.actors["sh001.clerk"], DAY, DAY))
    region, region_stores = _named(org, await settlement(org.actors["east.manager"], DAY, DAY))
    west, west_stores = _named(org, await settlement(org.actors["cd001.clerk"], DAY, DAY))

    assert clerk == [("SH001", "CD001", 2_000, 2_000, 0), ("SH001", "SH002", 1_000, 1_000, 0)]
    assert region == [("SH002", "CD001", 3_000, 3_000, 0), ("SH001", "CD001", 2_000, 2_000, 0), ("SH001", "SH002", 1_000, 1_000, 0)]
    assert set(region_stores) == {"SH001", "SH002"}
    assert west == [("SH002", "CD001", 3_000, 3_000, 0), ("SH001", "CD001", 2_000, 2_000, 0)]
    assert west_stores == {"CD001": (5_000, 0, 5_000, 0)}


async def test_bonus_is_not_settled(org: Any, cards: list[Card]) -> None:
    """Bonus is HQ's promotion: a purchase paid partly with it settles only its principal."""
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送20", 10_000, 2_000))
    await cards[0].recharge("SH001", 10_000)
    await cards[0].spend("CD001", 11_000)  # 100.00 principal, then 10.00 bonus

    debts, stores = _named(org, await settlement(org.actors["hq.admin"], DAY, DAY))

    assert debts == [("SH001", "CD001", 10_000, 10_000, 0)]
    assert stores["CD001"] == (10_000, 0, 10_000, 0)


@pytest.mark.parametrize(("first", "last"), [(DAY, DAY - timedelta(days=1)), (DAY - timedelta(days=366), DAY)])
async def test_a_bad_period_is_refused(org: Any, first: date, last: date) -> None:
    with pytest.raises(DomainError) as refused:
        await settlement(org.actors["hq.admin"], first, last)
    assert (refused.value.code, refused.value.field) == (ErrorCode.INVALID, ["to"])


async def test_every_cent_spent_is_attributed_to_where_it_was_taken(org: Any, cards: list[Card]) -> None:
    """A seeded mix of recharges and purchases at every store: the flows (same-store included) add
    up to the principal spent, and each store's lots are never spent beyond what it took."""
    draw = random.Random(7)
    codes = ["SH001", "SH002", "CD001"]
    taken = dict.fromkeys(codes, 0)
    for _ in range(40):
        card = draw.choice(cards)
        code = draw.choice(codes)
        if draw.random() < 0.4:
            amount = draw.randrange(100, 5_000)
            await card.recharge(code, amount)
            taken[code] += amount
        else:
            try:
                await card.spend(code, draw.randrange(100, 3_000))
            except DomainError as refused:
                assert refused.code is ErrorCode.INSUFFICIENT_BALANCE
    spent = sum(await Transfer.filter(code=TransferCode.CONSUME_PRINCIPAL).values_list("amount", flat=True))

    report = await settlement(org.actors["hq.admin"], DAY, DAY)

    assert sum(t.receivable + t.local for t in report.stores) == spent
    assert sum(t.receivable for t in report.stores) == sum(t.payable for t in report.stores)
    by_id = {org.stores[code].id: code for code in codes}
    for totals in report.stores:
        assert totals.payable + totals.local <= taken[by_id[totals.store_id]]


async def test_a_subsidiary_card_spends_its_parents_lots(org: Any, cards: list[Card]) -> None:
    hq = org.actors["hq.admin"]
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    parent = await get_card(cards[0].card_no)
    await issue_card(hq, IssueRequest(parent.member_id, sub_type.id, card_no="SC0007", parent_card_no=cards[0].card_no))
    await cards[0].recharge("CD001", 2_000)
    await Card(org, "SC0007").spend("SH002", 1_200)

    debts, stores = _named(org, await settlement(hq, DAY, DAY))

    assert debts == [("CD001", "SH002", 1_200, 1_200, 0)]
    assert stores["SH002"] == (1_200, 0, 1_200, 0)
