"""The chain a benchmark runs against, built through Tessera's services so the ledger is exactly
what production would hold: one region, one store, a clerk, a card type and tier, and N members
each with a card funded by a recharge."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from server.access.models import Role
from server.access.services import StaffScope, create_staff
from server.access.sessions import actor_for
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.member.services import MemberDraft, create_member
from server.org.services import create_region, create_store
from server.tier.services import TierDraft, create_tier
from server.wallet.services import RechargeRequest, recharge

CLERK = "bench.clerk"
PASSWORD = "bench-password-42"
FUNDS = 5_000_000  # fen per card: 50,000.00, enough for every consume a run makes


@dataclass(frozen=True)
class Chain:
    store_id: int
    card_nos: list[str]


async def build_chain(cards: int, parallel: int = 8) -> Chain:
    hq = actor_for(await create_staff(None, "bench.hq", PASSWORD, StaffScope(Role.HQ), system=True))
    region = await create_region(hq, "BENCH", "压测大区")
    store = await create_store(hq, "BENCH01", "压测门店", region.id)
    clerk = actor_for(await create_staff(hq, CLERK, PASSWORD, StaffScope(Role.STORE, store_id=store.id)))
    await create_tier(hq, TierDraft("会员", 1, discount_percent=95, points_multiplier_pct=100))
    card_type = await create_card_type(hq, CardTypeDraft(code="BENCH", name="储值卡"))
    card_nos = [f"B{i:08d}" for i in range(cards)]
    slots = asyncio.Semaphore(parallel)

    async def open_card(i: int) -> None:
        async with slots:
            member = await create_member(
                clerk, MemberDraft(name=f"会员{i}", phone=f"139{i:08d}", home_store_id=store.id)
            )
            await issue_card(clerk, IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no=card_nos[i]))
            await recharge(clerk, RechargeRequest(card_no=card_nos[i], amount=FUNDS, idempotency_key=f"seed-{i}"))

    await asyncio.gather(*(open_card(i) for i in range(cards)))
    return Chain(store.id, card_nos)
