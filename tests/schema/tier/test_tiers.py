from __future__ import annotations

from server.audit.models import AuditEntry
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from server.tier.models import Tier
from tests.schema.member.conftest import gid

CREATE = """
mutation($input: TierInput!) {
  createTier(input: $input) {
    tier { id name rank discountPercent pointsMultiplier perks }
    errors { field code message }
  }
}
"""
UPDATE = """
mutation($id: ID!, $input: TierInput!) {
  updateTier(id: $id, input: $input) { tier { name discountPercent } errors { field code } }
}
"""
DELETE = "mutation($id: ID!) { deleteTier(id: $id) { deletedId errors { field code message } } }"


async def test_hq_creates_tiers_that_everyone_reads_lowest_first(api, org):
    hq = await api.login("hq.admin")

    gold = await hq(CREATE, input={"name": "金卡", "rank": 3, "discountPercent": 88, "pointsMultiplier": "1.5", "perks": ["生日礼"]})
    await hq(CREATE, input={"name": "普通", "rank": 1})
    clerk = await api.login("sh001.clerk")
    listed = await clerk("{ tiers { name rank discountPercent pointsMultiplier perks } }")

    assert gold["data"]["createTier"]["errors"] == []
    assert gold["data"]["createTier"]["tier"]["pointsMultiplier"] == "1.5"
    assert listed["data"]["tiers"] == [
        {"name": "普通", "rank": 1, "discountPercent": 100, "pointsMultiplier": "1", "perks": []},
        {"name": "金卡", "rank": 3, "discountPercent": 88, "pointsMultiplier": "1.5", "perks": ["生日礼"]},
    ]
    assert await AuditEntry.filter(action="tier.create").count() == 2


async def test_invalid_or_duplicate_tiers_are_refused_and_nothing_is_written(api, org):
    hq = await api.login("hq.admin")
    await hq(CREATE, input={"name": "普通", "rank": 1})
    cases = [
        ({"name": "", "rank": 2}, ["name"], "INVALID"),
        ({"name": "银", "rank": 2, "discountPercent": 0}, ["discountPercent"], "INVALID"),
        ({"name": "银", "rank": 2, "discountPercent": 101}, ["discountPercent"], "INVALID"),
        ({"name": "银", "rank": 2, "pointsMultiplier": "1.555"}, ["pointsMultiplier"], "INVALID"),
        ({"name": "银", "rank": 2, "pointsMultiplier": "11"}, ["pointsMultiplier"], "INVALID"),
        ({"name": "银", "rank": 1}, ["rank"], "DUPLICATE"),
        ({"name": "普通", "rank": 5}, ["rank"], "DUPLICATE"),
    ]
    for given, field, code in cases:
        body = await hq(CREATE, input=given)
        assert [(e["field"], e["code"]) for e in body["data"]["createTier"]["errors"]] == [(field, code)], given
    assert await Tier.all().count() == 1


async def test_only_hq_manages_tiers(api, org):
    hq = await api.login("hq.admin")
    created = await hq(CREATE, input={"name": "普通", "rank": 1})
    tier_id = created["data"]["createTier"]["tier"]["id"]

    for username in ("east.manager", "sh001.clerk"):
        client = await api.login(username)
        create = await client(CREATE, input={"name": "银卡", "rank": 2})
        update = await client(UPDATE, id=tier_id, input={"name": "改名", "rank": 1})
        delete = await client(DELETE, id=tier_id)
        assert create["data"]["createTier"]["errors"][0]["code"] == "PERMISSION_DENIED"
        assert update["data"]["updateTier"]["errors"][0]["code"] == "PERMISSION_DENIED"
        assert delete["data"]["deleteTier"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert [t.name for t in await Tier.all()] == ["普通"]


async def test_a_tier_members_hold_cannot_be_deleted_until_they_move(api, org):
    hq = await api.login("hq.admin")
    created = await hq(CREATE, input={"name": "普通", "rank": 1, "discountPercent": 100})
    tier_id = created["data"]["createTier"]["tier"]["id"]
    member = await create_member(
        org.actors["hq.admin"], MemberDraft(name="甲", phone="13500000001", home_store_id=org.stores["SH001"].id)
    )

    refused = await hq(DELETE, id=tier_id)
    await Member.filter(id=member.id).update(tier_id=None)
    deleted = await hq(DELETE, id=tier_id)

    assert refused["data"]["deleteTier"]["errors"] == [
        {"field": ["id"], "code": "INVALID", "message": "Members still hold this tier."}
    ]
    assert deleted["data"]["deleteTier"] == {"deletedId": tier_id, "errors": []}
    assert await Tier.all().count() == 0


async def test_updating_a_tier_records_only_what_changed(api, org):
    hq = await api.login("hq.admin")
    created = await hq(CREATE, input={"name": "普通", "rank": 1})
    tier_id = created["data"]["createTier"]["tier"]["id"]

    body = await hq(UPDATE, id=tier_id, input={"name": "普通", "rank": 1, "discountPercent": 98})
    unknown = await hq(UPDATE, id=gid("Tier", 999), input={"name": "x", "rank": 9})

    assert body["data"]["updateTier"] == {"tier": {"name": "普通", "discountPercent": 98}, "errors": []}
    entry = await AuditEntry.get(action="tier.update")
    assert (entry.before, entry.after) == ({"discount_percent": 100}, {"discount_percent": 98})
    assert unknown["data"]["updateTier"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
