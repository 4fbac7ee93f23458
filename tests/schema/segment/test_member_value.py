"""Member.value: HQ and the member's region read the RFM scores and CLV; a store clerk gets null
with a PERMISSION_DENIED entry while the rest of the query answers."""

from __future__ import annotations

from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.segment.rfm import refresh_member_values
from server.wallet.pricing import Payment
from server.wallet.services import ConsumeRequest, consume
from tests.schema.member.conftest import gid

QUERY = """
query($id: ID!) {
  node(id: $id) { ... on Member { name value { recencyDays frequency monetary rScore fScore mScore group clv } } }
}
"""


async def _scored(org, people) -> str:
    hq, member = org.actors["hq.admin"], people.by_store["SH001"]
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    card = await issue_card(hq, IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no="V0001"))
    await consume(hq, ConsumeRequest(card_no=card.card_no, amount=12_345, idempotency_key="v-1", payment=Payment.EXTERNAL, store_id=org.stores["SH001"].id))
    await refresh_member_values()
    return gid("Member", member.id)


async def test_hq_and_the_region_read_the_members_value(api, org, people):
    member = await _scored(org, people)
    expected = {
        "name": "会员SH001",
        "value": {
            "recencyDays": 0, "frequency": 1, "monetary": "123.45", "rScore": 1, "fScore": 1, "mScore": 1,
            "group": "GENERAL_RETAIN", "clv": "370.35",
        },
    }

    for username in ("hq.admin", "east.manager"):
        body = await (await api.login(username))(QUERY, id=member)
        assert body == {"data": {"node": expected}}


async def test_a_clerk_gets_null_and_an_error_for_the_value(api, org, people):
    member = await _scored(org, people)

    body = await (await api.login("sh001.clerk"))(QUERY, id=member)

    assert body["data"] == {"node": {"name": "会员SH001", "value": None}}
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["node", "value"], "PERMISSION_DENIED")]


async def test_a_member_without_purchases_has_no_value(api, people):
    body = await (await api.login("hq.admin"))(QUERY, id=gid("Member", people.by_store["CD001"].id))

    assert body == {"data": {"node": {"name": "会员CD001", "value": None}}}
