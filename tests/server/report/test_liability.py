"""Prepaid liability from payments made through the wallet: the ledger's totals at the end of a
business day, each store's share of the principal (first in, first out), and the viewer's scope."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from server.card.services import cancel_card, replace_card
from server.core.clock import business_today
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Account, AccountCode
from server.program.services import RechargeRuleDraft, create_recharge_rule, update_settings
from server.report.liability import liability
from server.wallet.refunds import RefundRequest, refund
from tests.server.settlement.conftest import DAY, NOON, Card, stamp


async def _balance(code: AccountCode) -> int:
    return sum(a.balance or 0 for a in await Account.filter(code=code))


def _by_code(org: Any, by_store: dict[int, int]) -> dict[str, int]:
    code = {store.id: name for name, store in org.stores.items()}
    return {code[store_id]: fen for store_id, fen in by_store.items()}


async def test_hq_sees_what_the_chain_owes_and_which_store_holds_the_principal(org: Any, cards: list[Card]) -> None:
    hq = org.actors["hq.admin"]
    await create_recharge_rule(hq, RechargeRuleDraft("充100送10", 10_000, 1_000))
    await update_settings(hq, points_per_yuan_offset=50)
    await cards[0].recharge("SH001", 10_000)
    await cards[1].recharge("CD001", 5_000)
    await cards[0].spend("CD001", 3_000)  # SH001's money

    owed = await liability(hq, DAY)

    assert (owed.principal, owed.bonus) == (12_000, 1_000)
    assert _by_code(org, owed.by_store) == {"SH001": 7_000, "CD001": 5_000}
    assert owed.points == await _balance(AccountCode.MEMBER_POINTS) > 0
    assert owed.points_value == owed.points * 2  # 50 points take 1.00 off
    assert owed.principal == await _balance(AccountCode.CARD_PRINCIPAL)


async def test_the_figures_are_as_they_stood_at_the_end_of_the_day(org: Any, cards: list[Card]) -> None:
    hq = org.actors["hq.admin"]
    await cards[0].recharge("SH001", 4_000, NOON - timedelta(days=1))
    await cards[0].spend("SH002", 1_000, NOON - timedelta(days=1))
    await cards[0].recharge("CD001", 2_000)
    await cards[0].spend("SH002", 3_500)

    yesterday = await liability(hq, DAY - timedelta(days=1))
    today = await liability(hq, DAY)

    assert (yesterday.principal, _by_code(org, yesterday.by_store)) == (3_000, {"SH001": 3_000})
    assert (today.principal, _by_code(org, today.by_store)) == (1_500, {"CD001": 1_500})


async def test_staff_below_hq_see_their_stores_share_of_the_principal(org: Any, cards: list[Card]) -> None:
    await cards[0].recharge("SH001", 1_000)
    await cards[1].recharge("SH002", 2_000)
    await cards[2].recharge("CD001", 4_000)

    clerk = await liability(org.actors["sh001.clerk"], DAY)
    region = await liability(org.actors["east.manager"], DAY)

    assert (clerk.principal, _by_code(org, clerk.by_store), clerk.bonus, clerk.points) == (1_000, {"SH001": 1_000}, None, None)
    assert (region.principal, _by_code(org, region.by_store)) == (3_000, {"SH001": 1_000, "SH002": 2_000})


async def test_the_stores_shares_always_add_up_to_the_principal_owed(org: Any, cards: list[Card]) -> None:
    """A seeded mix of recharges, purchases, refunds, a replacement and a cash-out at every store."""
    hq = org.actors["hq.admin"]
    draw = random.Random(11)
    codes = ["SH001", "SH002", "CD001"]
    bought = []
    for step in range(45):
        card = draw.choice(cards)
        if draw.random() < 0.4:
            await card.recharge(draw.choice(codes), draw.randrange(100, 5_000))
        else:
            try:
                bought.append(await card.spend(draw.choice(codes), draw.randrange(100, 3_000)))
            except DomainError as refused:
                assert refused.code is ErrorCode.INSUFFICIENT_BALANCE
        if step == 20 and bought:
            outcome = await refund(hq, RefundRequest(operation_id=bought[0], amount=None, idempotency_key="mix-refund"))
            await stamp(outcome.operation.id, NOON)
        if step == 30:
            cards[1] = Card(org, (await replace_card(hq, cards[1].card_no, "SC0008")).card_no)
    await cancel_card(hq, cards[2].card_no, "closing", refund_balance=True, store_id=org.stores["SH002"].id)

    owed = await liability(hq, business_today())  # the replacement and the cash-out happened now

    assert owed.principal == await _balance(AccountCode.CARD_PRINCIPAL) == sum(owed.by_store.values())
