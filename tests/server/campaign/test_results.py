"""Results: a member converts when they consume within the attribution window after they were
reached; each variant's rate is compared with the holdout's as lift, exactly, from SQL counts."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from server.campaign.fanout import bucket
from server.campaign.results import campaign_results
from server.campaign.services import Variant
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.core.clock import business_today, now
from server.wallet.pricing import Payment
from server.wallet.services import ConsumeRequest, consume
from tests.server.campaign.conftest import birthday_draft, launched
from tests.server.wallet.conftest import key


def _q(numerator: int, denominator: int) -> Decimal:
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"))


async def test_attributed_conversion_and_lift_for_a_constructed_scenario(org, register, log_channel, worker, clock) -> None:
    # given 30 consenting members and 1 without consent, all born today, each with a card
    hq, clerk = org.actors["hq.admin"], org.actors["sh001.clerk"]
    born = business_today().replace(year=1990)
    members = [await register(born) for _ in range(30)]
    unwilling = await register(born, consent=False)
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    cards = {}
    for m in [*members, unwilling]:
        cards[m.id] = (await issue_card(clerk, IssueRequest(member_id=m.id, card_type_id=card_type.id))).card_no

    async def buy(member_id: int) -> None:
        await consume(clerk, ConsumeRequest(card_no=cards[member_id], amount=5_000, idempotency_key=key(), payment=Payment.EXTERNAL))

    campaign_draft = birthday_draft(holdout=20, variants=[Variant("A", 40, "A {name}"), Variant("B", 40, "B {name}")])
    # and a member of each group who bought only before the campaign (not a conversion)
    campaign = await launched(org, campaign_draft)
    groups: dict[str, list[int]] = {"HOLDOUT": [], "A": [], "B": []}
    for m in members:
        b = bucket(campaign.id, m.id)
        groups["HOLDOUT" if b < 20 else "A" if b < 60 else "B"].append(m.id)
    assert all(len(ids) >= 4 for ids in groups.values()), groups
    for ids in groups.values():
        await buy(ids[-1])
    # when the campaign goes out now (a millisecond on: SQLite's julianday() keeps milliseconds, so a
    # purchase in the same millisecond as the send would count as after it)
    await asyncio.sleep(0.002)
    clock.at = now()
    await worker.drain()
    # and afterwards 1 holdout member, 3 of A, 2 of B and the member without consent buy (one of A twice)
    for group, count in (("HOLDOUT", 1), ("A", 3), ("B", 2)):
        for member_id in groups[group][:count]:
            await buy(member_id)
    await buy(groups["A"][0])
    await buy(unwilling.id)
    # then
    results = await campaign_results(campaign)
    h, a, b = (len(groups[g]) for g in ("HOLDOUT", "A", "B"))
    assert results.holdout is not None
    assert (results.holdout.reached, results.holdout.converted, results.holdout.rate) == (h, 1, _q(1, h))
    assert [(v.variant, v.reached, v.converted, v.rate, v.lift) for v in results.variants] == [
        ("A", a, 3, _q(3, a), _q(3 * h - a, a)),
        ("B", b, 2, _q(2, b), _q(2 * h - b, b)),
    ]
    assert results.skipped == {"CONSENT": 1, "CAP": 0}
