"""The dashboard's figures from operations made through the wallet, moved to chosen instants:
exact totals, the actor's scope, and business days that turn at Shanghai midnight (16:00 UTC)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.core.errors import DomainError
from server.ledger.models import Operation
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from server.report.dashboard import dashboard
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, RechargeRequest, consume, recharge

# 2026-03-10 00:30 in Shanghai; Shanghai's 2026-03-10 began at 2026-03-09 16:00 UTC.
AT = datetime(2026, 3, 9, 16, 30, tzinfo=UTC)
_keys = itertools.count(1)


class Till:
    """A store's clerk with a member (homed at that store) and her card."""

    def __init__(self, actor: Any, card_no: str) -> None:
        self.actor, self.card_no = actor, card_no

    async def recharge(self, amount: int, at: datetime) -> int:
        outcome = await recharge(self.actor, RechargeRequest(card_no=self.card_no, amount=amount, idempotency_key=f"r{next(_keys)}"))
        return await _stamp(outcome.operation.id, at)

    async def consume(self, amount: int, at: datetime) -> int:
        _, outcome = await consume(self.actor, ConsumeRequest(card_no=self.card_no, amount=amount, idempotency_key=f"c{next(_keys)}"))
        assert outcome is not None
        return await _stamp(outcome.operation.id, at)

    async def refund(self, operation_id: int, amount: int, at: datetime) -> int:
        outcome = await refund(self.actor, RefundRequest(operation_id=operation_id, amount=amount, idempotency_key=f"f{next(_keys)}"))
        return await _stamp(outcome.operation.id, at)


async def _stamp(operation_id: int, at: datetime) -> int:
    """Moves an operation to `at`: the ledger stamps the real time."""
    await Operation.filter(id=operation_id).update(created_at=at)
    return operation_id


@pytest.fixture
async def tills(org: Any) -> dict[str, Till]:
    hq = org.actors["hq.admin"]
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    tills = {}
    for n, (code, clerk) in enumerate((("SH001", "sh001.clerk"), ("CD001", "cd001.clerk"))):
        member = await create_member(hq, MemberDraft(name=f"顾客{code}", phone=f"1390000111{n}", home_store_id=org.stores[code].id))
        card = await issue_card(org.actors[clerk], IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no=f"C{code}"))
        tills[code] = Till(org.actors[clerk], card.card_no)
    return tills


async def test_totals_per_business_day_turn_at_shanghai_midnight(org: Any, tills: dict[str, Till]) -> None:
    sh = tills["SH001"]
    midnight = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    await sh.recharge(100_000, midnight - timedelta(days=1))  # 2026-03-09 00:00 local
    await sh.recharge(20_000, midnight - timedelta(microseconds=1))  # 2026-03-09 23:59:59.999999 local
    bought = await sh.consume(3_000, midnight)  # 2026-03-10 00:00 local
    await sh.consume(1_250, midnight + timedelta(minutes=20))
    await sh.refund(bought, 1_000, midnight + timedelta(minutes=25))
    await sh.recharge(5_000, midnight - timedelta(days=1, microseconds=1))  # 2026-03-08, outside a 2-day window

    figures = await dashboard(org.actors["hq.admin"], days=2, at=AT)

    assert [(d.day, d.recharge, d.recharge_count, d.consumption, d.consumption_count) for d in figures.trend] == [
        (date(2026, 3, 9), 120_000, 2, 0, 0),
        (date(2026, 3, 10), 0, 0, 3_250, 2),
    ]
    assert figures.today.day == date(2026, 3, 10)


async def test_quiet_days_are_zeros_and_the_window_ends_today(org: Any, tills: dict[str, Till]) -> None:
    await tills["SH001"].recharge(7_000, AT - timedelta(days=3))

    figures = await dashboard(org.actors["hq.admin"], days=30, at=AT)

    assert len(figures.trend) == 30
    assert figures.trend[0].day == date(2026, 2, 9) and figures.today.day == date(2026, 3, 10)
    assert [d.recharge for d in figures.trend if d.recharge] == [7_000]
    assert figures.trend[-4].day == date(2026, 3, 7) and figures.trend[-4].recharge == 7_000


async def test_a_refund_lowers_the_day_it_was_made_which_can_go_negative(org: Any, tills: dict[str, Till]) -> None:
    sh = tills["SH001"]
    await sh.recharge(10_000, AT - timedelta(days=1))
    bought = await sh.consume(4_000, AT - timedelta(days=1))
    await sh.refund(bought, 4_000, AT)

    yesterday, today = (await dashboard(org.actors["hq.admin"], days=2, at=AT)).trend

    assert (yesterday.consumption, yesterday.consumption_count) == (4_000, 1)
    assert (today.consumption, today.consumption_count) == (-4_000, 0)


async def test_each_actor_sees_its_scope(org: Any, tills: dict[str, Till]) -> None:
    await tills["SH001"].recharge(10_000, AT)
    await tills["CD001"].recharge(30_000, AT)
    await tills["CD001"].consume(2_500, AT)

    by_actor = {name: (await dashboard(org.actors[name], days=1, at=AT)) for name in org.actors}

    assert {name: (f.today.recharge, f.today.consumption, f.members) for name, f in by_actor.items()} == {
        "hq.admin": (40_000, 2_500, 2),
        "east.manager": (10_000, 0, 1),
        "sh001.clerk": (10_000, 0, 1),
        "cd001.clerk": (30_000, 2_500, 1),
    }


async def test_new_and_active_members_in_scope(org: Any, tills: dict[str, Till]) -> None:
    await tills["SH001"].recharge(10_000, AT)
    await tills["SH001"].consume(1_000, AT)
    sh_member = await Member.get(home_store_id=org.stores["SH001"].id)
    cd_member = await Member.get(home_store_id=org.stores["CD001"].id)
    await Member.filter(id=sh_member.id).update(created_at=AT - timedelta(days=40), last_purchase_at=AT - timedelta(days=29))
    await Member.filter(id=cd_member.id).update(created_at=AT - timedelta(days=2), last_purchase_at=AT - timedelta(days=31))

    hq = await dashboard(org.actors["hq.admin"], days=30, at=AT)
    clerk = await dashboard(org.actors["sh001.clerk"], days=30, at=AT)

    assert (hq.members, hq.new_members, hq.active_members) == (2, 1, 1)
    assert (clerk.members, clerk.new_members, clerk.active_members) == (1, 0, 1)


@pytest.mark.parametrize("days", [0, 367])
async def test_the_window_is_one_day_to_a_year(org: Any, days: int) -> None:
    with pytest.raises(DomainError):
        await dashboard(org.actors["hq.admin"], days=days)


async def test_the_api_answers_with_money_strings_for_any_signed_in_staff(api: Any, org: Any, tills: dict[str, Till]) -> None:
    await tills["SH001"].recharge(12_345, datetime.now(UTC))
    query = "{ dashboard(days: 7) { days members newMembers activeMembers today { recharge rechargeCount consumption } trend { date } } }"

    clerk = await (await api.login("cd001.clerk"))(query)
    hq = await (await api.login("hq.admin"))(query)
    anonymous = await api(query)

    assert clerk["data"]["dashboard"]["today"] == {"recharge": "0.00", "rechargeCount": 0, "consumption": "0.00"}
    figures = hq["data"]["dashboard"]
    assert figures["today"] == {"recharge": "123.45", "rechargeCount": 1, "consumption": "0.00"}
    assert (figures["days"], figures["members"], figures["newMembers"], len(figures["trend"])) == (7, 2, 2, 7)
    assert anonymous["data"]["dashboard"] is None
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
