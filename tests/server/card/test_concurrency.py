"""Card numbers under concurrency, on the real PostgreSQL: requests choosing one new number at
once race on its unique index; exactly one gets it, the others get DUPLICATE and change nothing."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace

import pytest

from server.card.models import Card, CardEvent, CardStatus
from server.card.services import IssueRequest, issue_card, replace_card
from server.config import Settings
from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation, OperationKind
from server.wallet.services import card_balances
from tests.conftest import ON_POSTGRES
from tests.server.wallet.conftest import fund

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="SQLite serializes writers on one connection: concurrency there proves nothing"
)

RACERS = 5


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A pool big enough that the requests really run side by side (asyncpg's default is 5)."""
    return replace(settings, database_url=f"{settings.database_url}?minsize=1&maxsize={RACERS * 2}")


def _outcomes(results: list[object]) -> Counter[str]:
    unexpected = [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)]
    if unexpected:
        raise unexpected[0]
    return Counter("ok" if not isinstance(r, DomainError) else r.code.value for r in results)


async def test_concurrent_replacements_to_one_new_number_give_it_to_one_card(org, wallet):
    clerk = org.actors["sh001.clerk"]
    racing = [wallet.card.card_no] + [f"C100{i}" for i in range(1, RACERS)]
    for number in racing[1:]:
        await issue_card(clerk, IssueRequest(wallet.member.id, wallet.card_type.id, card_no=number))
    await fund(org, wallet, 500)

    results = await asyncio.gather(*(replace_card(clerk, number, "N0001") for number in racing), return_exceptions=True)

    assert _outcomes(results) == Counter({"ok": 1, "DUPLICATE": RACERS - 1})
    refused = [r for r in results if isinstance(r, DomainError)]
    assert {(e.message, tuple(e.field or ())) for e in refused} == {("Card number N0001 is taken.", ("newCardNo",))}
    winner = await Card.get(card_no="N0001")
    old = await Card.get(replaced_by_id=winner.id)
    losers = await Card.filter(card_no__in=racing).exclude(id=old.id)
    assert len(losers) == RACERS - 1
    assert {c.status for c in losers} == {CardStatus.ACTIVE}
    assert [await CardEvent.filter(card_id=c.id).count() for c in losers] == [1] * (RACERS - 1)
    assert await Card.all().count() == RACERS + 1
    assert await Operation.filter(kind=OperationKind.CARD_REPLACE).count() == (1 if old.id == wallet.card.id else 0)
    total = (await card_balances(wallet.card)).total + (await card_balances(winner)).total
    assert total == 500


async def test_concurrent_issues_of_one_number_issue_one_card(org, wallet):
    clerk = org.actors["sh001.clerk"]
    request = IssueRequest(wallet.member.id, wallet.card_type.id, card_no="N0001")

    results = await asyncio.gather(*(issue_card(clerk, request) for _ in range(RACERS)), return_exceptions=True)

    assert _outcomes(results) == Counter({"ok": 1, "DUPLICATE": RACERS - 1})
    issued = await Card.get(card_no="N0001")
    assert await CardEvent.filter(card_id=issued.id).count() == 1
    assert await Card.all().count() == 2
