"""A page of members with tier, tags, store, cards and assets runs a fixed number of SQL queries
(DataLoaders), whatever the page size."""

from __future__ import annotations

import pytest

from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.member.services import MemberDraft, create_member
from server.tag.services import create_tag, tag_member
from server.tier.services import TierDraft, create_tier
from server.wallet.services import RechargeRequest, recharge
from tests.statements import counting_queries

PAGE = """
query($first: Int!) {
  members(first: $first) {
    edges {
      node {
        name phone tier { name } tags { name } homeStore { code region { code } }
        cards { cardNo status cardType { code } balance { total } }
        assets { balance { principal bonus total } points }
      }
    }
  }
}
"""


async def _count_queries(client, first: int) -> int:
    with counting_queries() as counter:
        body = await client(PAGE, first=first)
    assert len(body["data"]["members"]["edges"]) == first
    return counter.count


@pytest.fixture
async def sixty_members(org) -> None:
    hq = org.actors["hq.admin"]
    await create_tier(hq, TierDraft("普通", 1))
    tags = [await create_tag(hq, name) for name in ("VIP", "咖啡")]
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    stores = list(org.stores.values())
    for i in range(60):
        member = await create_member(
            hq, MemberDraft(name=f"m{i}", phone=f"1370000{i:04d}", home_store_id=stores[i % 3].id)
        )
        for tag in tags[: i % 3]:
            await tag_member(hq, member.id, tag.id)
        for _ in range(i % 2 + 1):
            card = await issue_card(hq, IssueRequest(member.id, card_type.id))
            await recharge(hq, RechargeRequest(card.card_no, 1_000, f"r{card.id}", store_id=stores[0].id))


async def test_a_page_of_members_costs_the_same_queries_at_10_and_50(api, sixty_members):
    hq = await api.login("hq.admin")

    small = await _count_queries(hq, 10)
    large = await _count_queries(hq, 50)

    assert small == large
    assert large <= 10
