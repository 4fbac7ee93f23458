"""Settlement fixtures: three members' stored-value cards (no discount) that HQ recharges and
spends with at any store, each operation moved to a chosen instant; the ledger is verified after
every test."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from typing import Any

import pytest

from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.ledger.models import Operation
from server.ledger.verify import verify_ledger
from server.member.services import MemberDraft, create_member
from server.wallet.services import ConsumeRequest, RechargeRequest, consume, recharge

# A business day in the middle of the tests' period (Shanghai), and that period.
DAY = date(2026, 3, 10)
NOON = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)
_keys = itertools.count(1)


class Card:
    """One member's stored-value card, paid with at any store by HQ (`at` names the store)."""

    def __init__(self, org: Any, card_no: str) -> None:
        self.org, self.card_no = org, card_no
        self.hq = org.actors["hq.admin"]

    def _store(self, code: str) -> int:
        return int(self.org.stores[code].id)

    async def recharge(self, code: str, amount: int, at: datetime = NOON) -> int:
        request = RechargeRequest(card_no=self.card_no, amount=amount, idempotency_key=f"r{next(_keys)}", store_id=self._store(code))
        return await stamp((await recharge(self.hq, request)).operation.id, at)

    async def spend(self, code: str, amount: int, at: datetime = NOON) -> int:
        request = ConsumeRequest(card_no=self.card_no, amount=amount, idempotency_key=f"c{next(_keys)}", store_id=self._store(code))
        _, outcome = await consume(self.hq, request)
        assert outcome is not None
        return await stamp(outcome.operation.id, at)


async def stamp(operation_id: int, at: datetime) -> int:
    """Moves an operation to `at`: the ledger stamps the real time."""
    await Operation.filter(id=operation_id).update(created_at=at)
    return operation_id


@pytest.fixture(autouse=True)
async def ledger_stays_sound(db: None) -> Any:
    yield
    assert await verify_ledger() == []


@pytest.fixture
async def cards(org: Any) -> list[Card]:
    hq = org.actors["hq.admin"]
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡", gives_discount=False))
    made = []
    for n in range(3):
        member = await create_member(hq, MemberDraft(name=f"顾客{n}", phone=f"1390000222{n}", home_store_id=org.stores["SH001"].id))
        card = await issue_card(hq, IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no=f"SC000{n}"))
        made.append(Card(org, card.card_no))
    return made


