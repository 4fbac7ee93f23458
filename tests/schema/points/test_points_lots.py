from __future__ import annotations

from datetime import timedelta

from server.core.clock import now
from server.member.services import MemberDraft, create_member
from server.points.models import PointsLot
from tests.schema.points.conftest import LOTS, backdate, gid, give


def _node(lot: PointsLot, *, expires_at: str | None, expired: bool) -> dict[str, object]:
    return {
        "id": gid("PointsLot", lot.id),
        "amount": lot.amount,
        "remaining": lot.remaining,
        "expiresAt": expires_at,
        "expired": expired,
        "source": {"kind": "POINTS_ADJUST"},
    }


async def test_hq_reads_a_members_lots_newest_first_with_the_spendable_balance(api, org, wallet):
    # given a lot that expired yesterday, one that expires in 12 months, and one that never expires
    expired = await backdate(await give(org, wallet.member.id, 100), now() - timedelta(days=1))
    dated = await PointsLot.get(operation_id=(await give(org, wallet.member.id, 50, expiry_months=12)).operation.id)
    forever = await PointsLot.get(operation_id=(await give(org, wallet.member.id, 30, expiry_months=0)).operation.id)
    hq = await api.login("hq.admin")
    # when
    body = await hq(LOTS, memberId=gid("Member", wallet.member.id))
    # then
    page = body["data"]["pointsLots"]
    assert page["balance"] == 80
    assert [edge["node"] for edge in page["edges"]] == [
        _node(forever, expires_at=None, expired=False),
        _node(dated, expires_at=dated.expires_at.isoformat(), expired=False),
        _node(expired, expires_at=expired.expires_at.isoformat(), expired=True),
    ]
    assert page["pageInfo"] == {"hasNextPage": False, "endCursor": page["edges"][-1]["cursor"]}


async def test_lots_come_in_pages(api, org, wallet):
    for points in (10, 20, 30):
        await give(org, wallet.member.id, points)
    hq = await api.login("hq.admin")

    first = await hq(LOTS, memberId=gid("Member", wallet.member.id), first=2)
    after = first["data"]["pointsLots"]["pageInfo"]["endCursor"]
    rest = await hq(LOTS, memberId=gid("Member", wallet.member.id), first=2, after=after)

    assert [e["node"]["amount"] for e in first["data"]["pointsLots"]["edges"]] == [30, 20]
    assert first["data"]["pointsLots"]["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["amount"] for e in rest["data"]["pointsLots"]["edges"]] == [10]
    assert rest["data"]["pointsLots"]["pageInfo"]["hasNextPage"] is False


async def test_a_clerk_reads_the_lots_of_their_stores_members_only(api, org, wallet):
    outsider = await create_member(
        org.actors["hq.admin"], MemberDraft(name="西部会员", phone="13700009999", home_store_id=org.stores["CD001"].id)
    )
    await give(org, wallet.member.id, 10)
    await give(org, outsider.id, 10)
    clerk = await api.login("sh001.clerk")

    own = await clerk(LOTS, memberId=gid("Member", wallet.member.id))
    foreign = await clerk(LOTS, memberId=gid("Member", outsider.id))

    assert own["data"]["pointsLots"]["balance"] == 10
    assert foreign["data"] == {"pointsLots": None}
    assert [(e["message"], e["extensions"]["code"]) for e in foreign["errors"]] == [
        ("This member belongs to another region or store.", "PERMISSION_DENIED")
    ]


async def test_a_lot_resolves_as_a_node_only_within_the_viewers_scope(api, org, wallet):
    outsider = await create_member(
        org.actors["hq.admin"], MemberDraft(name="西部会员", phone="13700009999", home_store_id=org.stores["CD001"].id)
    )
    lot = await PointsLot.get(operation_id=(await give(org, outsider.id, 10)).operation.id)
    query = "query($id: ID!) { node(id: $id) { ... on PointsLot { remaining } } }"

    hq = await (await api.login("hq.admin"))(query, id=gid("PointsLot", lot.id))
    clerk = await (await api.login("sh001.clerk"))(query, id=gid("PointsLot", lot.id))

    assert hq["data"] == {"node": {"remaining": 10}}
    assert clerk["data"] == {"node": None}
