"""RFM scoring on constructed purchases: exact recency, frequency, monetary, quintile scores,
groups and CLV; the `rfmGroups` segment predicate then selects exactly the scored groups; the
daily job runs through the worker."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.core.clock import now
from server.jobs.catalog import REGISTRY
from server.jobs.models import Job, JobState
from server.jobs.runner import Worker
from server.ledger.models import Operation, OperationKind
from server.member.services import MemberDraft, create_member
from server.segment.compiler import compile_rule, parse_rule
from server.segment.models import MemberValue
from server.segment.rfm import refresh_member_values
from server.core.sql import fetch
from server.wallet.pricing import Payment
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, consume

_keys = itertools.count(1)

# name: [(days ago, amount in fen), …] of purchases; E also gets 100 refunded 150 days ago.
PURCHASES = {
    "A": [(1, 300), (10, 300), (20, 300)],
    "B": [(5, 5000)],
    "C": [(30, 100), (40, 100)],
    "D": [(100, 150)],
    "E": [(200, 100), (210, 100), (220, 100), (230, 100)],
    "F": [],
    "G": [(400, 9000)],
}


@dataclass
class Buyers:
    ids: dict[str, int]

    def of(self, *names: str) -> set[int]:
        return {self.ids[n] for n in names}


async def _backdate(operation_id: int, days: int) -> None:
    await Operation.filter(id=operation_id).update(created_at=now() - timedelta(days=days))


@pytest.fixture
async def buyers(org: Any) -> Buyers:
    hq, store = org.actors["hq.admin"], org.stores["SH001"]
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    ids = {}
    for i, (name, purchases) in enumerate(PURCHASES.items()):
        member = await create_member(hq, MemberDraft(name=name, phone=f"1390000{i:04d}", home_store_id=store.id))
        card = await issue_card(hq, IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no=f"R{i:04d}"))
        for days, amount in purchases:
            request = ConsumeRequest(card_no=card.card_no, amount=amount, idempotency_key=f"rfm-{next(_keys)}", store_id=store.id, payment=Payment.EXTERNAL)
            await consume(hq, request)
            await _backdate((await Operation.filter(member_id=member.id).order_by("-id").first()).id, days)
        ids[name] = member.id
    first = await Operation.filter(member_id=ids["E"], kind=OperationKind.CONSUME).first()
    await refund(hq, RefundRequest(operation_id=first.id, idempotency_key="rfm-refund", amount=100))
    await _backdate((await Operation.filter(member_id=ids["E"], kind=OperationKind.REFUND).get()).id, 150)
    return Buyers(ids)


async def _values() -> dict[int, tuple[Any, ...]]:
    return {
        v.member_id: (v.recency_days, v.frequency, v.monetary, v.r_score, v.f_score, v.m_score, v.rfm_group.value, v.clv)
        for v in await MemberValue.all()
    }


async def test_scores_groups_and_clv_of_constructed_purchases(buyers):
    scored = await refresh_member_values()

    # R: recency 1 < 5 < 30 < 100 < 200 days; F: B and D tie at 1 purchase and share the lowest
    # quintile; M: net spend 150 < 200 < 300 (E: 400 less a 100 refund) < 900 < 5000.
    # F has no purchase and G none within the 365-day window: neither is scored.
    assert scored == 5
    assert await _values() == {
        buyers.ids["A"]: (1, 3, 900, 5, 4, 4, "IMPORTANT_VALUE", 2700),
        buyers.ids["B"]: (5, 1, 5000, 4, 1, 5, "IMPORTANT_DEVELOP", 15000),
        buyers.ids["C"]: (30, 2, 200, 3, 3, 2, "GENERAL_VALUE", 600),
        buyers.ids["D"]: (100, 1, 150, 2, 1, 1, "GENERAL_RETAIN", 450),
        buyers.ids["E"]: (200, 4, 300, 1, 5, 3, "IMPORTANT_KEEP", 900),
    }


async def test_a_shorter_window_scores_only_recent_buyers_and_scales_clv(buyers):
    await refresh_member_values(window_days=50)

    values = await _values()
    assert set(values) == buyers.of("A", "B", "C")
    assert values[buyers.ids["C"]] == (30, 2, 200, 1, 2, 1, "GENERAL_RETAIN", 200 * 1095 // 50)


async def test_a_rerun_replaces_the_scores_and_drops_members_who_left_the_window(buyers):
    await refresh_member_values()
    await _backdate((await Operation.filter(member_id=buyers.ids["D"]).get()).id, 500)

    assert await refresh_member_values() == 4
    assert set(await _values()) == buyers.of("A", "B", "C", "E")


async def _selected(rule: dict[str, Any]) -> set[int]:
    return {int(r["id"]) for r in await fetch(compile_rule(parse_rule(rule)).ids())}


async def test_the_rfm_group_predicate_selects_the_scored_groups(buyers):
    await refresh_member_values()

    assert await _selected({"rfmGroups": ["IMPORTANT_VALUE", "IMPORTANT_KEEP"]}) == buyers.of("A", "E")
    assert await _selected({"rfmGroups": ["GENERAL_RETAIN"]}) == buyers.of("D")
    assert await _selected({"not": {"rfmGroups": ["IMPORTANT_VALUE", "IMPORTANT_DEVELOP"]}}) == buyers.of("C", "D", "E", "F", "G")


async def test_the_worker_scores_members_on_the_daily_schedule_once(buyers):
    worker = Worker(REGISTRY, name="w")

    await worker.schedule()
    await worker.drain()
    await worker.schedule()
    await worker.drain()

    job = await Job.get(task="segment.rfm")
    assert (job.state, job.attempts, job.key.startswith("periodic:segment.rfm:")) == (JobState.SUCCEEDED, 1, True)
    assert set(await _values()) == buyers.of("A", "B", "C", "D", "E")
