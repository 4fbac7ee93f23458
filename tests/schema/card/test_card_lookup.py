from __future__ import annotations

import pytest

from server.card.services import IssueRequest, issue_card
from tests.schema.card.conftest import gid

LOOKUP = """
query($cardNo: String!) {
  memberLookup(cardNo: $cardNo) { name phone view cards { cardNo } }
}
"""

NODE = """
query($id: ID!) {
  node(id: $id) { __typename id ... on Card { cardNo status member { name view } } }
}
"""


@pytest.mark.parametrize(
    ("username", "view", "phone"),
    [
        ("hq.admin", "FULL", "13900001111"),
        ("east.manager", "FULL", "13900001111"),
        ("sh001.clerk", "MASKED", "139****1111"),
        ("cd001.clerk", "MASKED", "139****1111"),
    ],
)
async def test_any_account_finds_a_cards_holder_by_card_number(api, org, wallet, username, view, phone):
    client = await api.login(username)

    body = await client(LOOKUP, cardNo=" c0001 ")

    assert body == {
        "data": {"memberLookup": {"name": "顾客", "phone": phone, "view": view, "cards": [{"cardNo": "C0001"}]}}
    }


async def test_an_unknown_card_number_finds_nobody(api, org, wallet):
    clerk = await api.login("sh001.clerk")

    body = await clerk(LOOKUP, cardNo="NOPE0001")

    assert body == {"data": {"memberLookup": None}}


@pytest.mark.parametrize(
    ("username", "view"),
    [("hq.admin", "FULL"), ("east.manager", "FULL"), ("sh001.clerk", "MASKED"), ("cd001.clerk", None)],
)
async def test_a_card_node_resolves_within_the_viewers_member_scope(api, org, wallet, username, view):
    client = await api.login(username)
    card_id = gid("Card", wallet.card.id)

    body = await client(NODE, id=card_id)

    card = {
        "__typename": "Card",
        "id": card_id,
        "cardNo": "C0001",
        "status": "ACTIVE",
        "member": {"name": "顾客", "view": view},
    }
    assert body == {"data": {"node": card if view else None}}


async def test_an_outsiders_card_is_reachable_by_lookup_though_not_by_node(api, org, wallet, outsider):
    await issue_card(org.actors["cd001.clerk"], IssueRequest(outsider.id, wallet.card_type.id, card_no="CD0001"))
    clerk = await api.login("sh001.clerk")

    by_lookup = await clerk(LOOKUP, cardNo="CD0001")
    by_node = await clerk(NODE, id=gid("Card", (await outsider.cards.all())[0].id))

    assert by_lookup["data"]["memberLookup"] == {
        "name": "成都会员",
        "phone": "137****9999",
        "view": "MASKED",
        "cards": [{"cardNo": "CD0001"}],
    }
    assert by_node == {"data": {"node": None}}
