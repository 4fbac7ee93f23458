"""The demo's money: a stored-value card per member, recharges with bonus rules, purchases and
refunds across stores (list prices never exceed the recharge, so every payment is covered) — all through the wallet services, so the demo ledger is as
explainable as a real one. Idempotency keys are derived from the member, so a rerun moves nothing.
"""

from __future__ import annotations

import random
from typing import Protocol

from server.access.policy import Actor
from server.card.models import Card, CardType
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.member.models import Member
from server.org.models import Store
from server.program.models import RechargeRule
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, PaymentMethod, RechargeRequest, consume, recharge

HISTORY_SEED = 20260102


class Tally(Protocol):
    def count(self, kind: str, created: bool) -> None: ...


RECHARGE_RULES = (RechargeRuleDraft("充500送50", 50_000, 5_000), RechargeRuleDraft("充1000送150", 100_000, 15_000))
_RECHARGES = (20_000, 50_000, 100_000)


async def _programme(hq: Actor) -> CardType:
    card_type = await CardType.get_or_none(code="STD")
    if card_type is None:
        card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值会员卡"))
    for draft in RECHARGE_RULES:
        if not await RechargeRule.exists(name=draft.name):
            await create_recharge_rule(hq, draft)
    return card_type


async def _card(hq: Actor, member: Member, card_type: CardType, report: Tally) -> Card:
    card_no = f"8800{member.member_no[-8:]}"
    card = await Card.get_or_none(card_no=card_no)
    report.count("cards", card is None)
    return card or await issue_card(hq, IssueRequest(member.id, card_type.id, card_no=card_no))


async def seed_history(hq: Actor, members: list[Member], stores: list[Store], report: Tally) -> None:
    """Gives each member a card and some history, counting cards and operations into `report`."""
    card_type = await _programme(hq)
    rng = random.Random(HISTORY_SEED)
    for member in members:
        card = await _card(hq, member, card_type, report)
        home = next(s for s in stores if s.id == member.home_store_id)
        method = rng.choice(list(PaymentMethod))
        budget = rng.choice(_RECHARGES)
        charged = await recharge(hq, RechargeRequest(card.card_no, budget, f"demo:r:{member.id}", method, home.id))
        report.count("operations", not charged.replayed)
        for visit in range(rng.randint(0, 4)):
            store = home if rng.random() < 0.7 else rng.choice(stores)
            amount = min(rng.randint(1_500, 30_000), budget)
            if amount < 1_500:
                break
            budget -= amount
            _, outcome = await consume(
                hq,
                ConsumeRequest(
                    card.card_no, amount, f"demo:c:{member.id}:{visit}", store.id, order_ref=f"POS-{member.id}-{visit}"
                ),
            )
            assert outcome is not None
            report.count("operations", not outcome.replayed)
            if rng.random() < 0.08:
                refunded = await refund(hq, RefundRequest(outcome.operation.id, f"demo:f:{member.id}:{visit}", reason="退货"))
                report.count("operations", not refunded.replayed)
