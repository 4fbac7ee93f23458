from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.member.models import Member, MemberStatus
from server.member.services import MemberDraft, create_member, set_member_status
from server.tag.services import create_tag, tag_member
from server.tier.services import TierDraft, create_tier
from tests.schema.member.conftest import gid

PAGE = """
query($first: Int, $after: String, $filter: MemberFilterInput) {
  members(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""


async def _names(client, **variables) -> list[str]:
    body = await client(PAGE, **variables)
    assert "errors" not in body, body
    return [e["node"]["name"] for e in body["data"]["members"]["edges"]]


async def _register(org, count: int, store: str = "SH001", start: int = 0) -> list[Member]:
    hq = org.actors["hq.admin"]
    return [
        await create_member(hq, MemberDraft(name=f"n{i:03d}", phone=f"1350000{i:04d}", home_store_id=org.stores[store].id))
        for i in range(start, start + count)
    ]


async def test_members_come_newest_first_in_pages_with_stable_cursors_under_inserts(api, org):
    await _register(org, 5)
    hq = await api.login("hq.admin")

    first = await hq(PAGE, first=2)
    await _register(org, 3, start=100)
    end = first["data"]["members"]["pageInfo"]["endCursor"]
    second = await hq(PAGE, first=2, after=end)
    rest = await hq(PAGE, first=10, after=second["data"]["members"]["pageInfo"]["endCursor"])

    assert [e["node"]["name"] for e in first["data"]["members"]["edges"]] == ["n004", "n003"]
    assert first["data"]["members"]["pageInfo"]["hasNextPage"] is True
    assert first["data"]["members"]["pageInfo"]["hasPreviousPage"] is False
    assert [e["node"]["name"] for e in second["data"]["members"]["edges"]] == ["n002", "n001"]
    assert second["data"]["members"]["pageInfo"]["hasPreviousPage"] is True
    assert [e["node"]["name"] for e in rest["data"]["members"]["edges"]] == ["n000"]
    assert rest["data"]["members"]["pageInfo"]["hasNextPage"] is False
    assert rest["data"]["members"]["totalCount"] == 8


async def test_page_size_is_capped_at_100_and_bad_cursors_are_invalid(api, org):
    hq = await api.login("hq.admin")

    too_big = await hq(PAGE, first=101)
    negative = await hq(PAGE, first=-1)
    bad_cursor = await hq(PAGE, first=1, after="not-a-cursor")

    for body in (too_big, negative, bad_cursor):
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID"]
    assert too_big["errors"][0]["message"] == "first must be between 0 and 100."


async def test_text_filter_matches_name_member_number_whole_phone_and_phone_suffix(api, org):
    hq_actor = org.actors["hq.admin"]
    zhang = await create_member(hq_actor, MemberDraft(name="张伟", phone="13811112222", home_store_id=org.stores["SH001"].id))
    await create_member(hq_actor, MemberDraft(name="李娜", phone="13933334444", home_store_id=org.stores["SH001"].id))
    hq = await api.login("hq.admin")

    assert await _names(hq, filter={"text": "张"}) == ["张伟"]
    assert await _names(hq, filter={"text": zhang.member_no[:6]}) == ["张伟"]
    assert await _names(hq, filter={"text": "+86 139 3333 4444"}) == ["李娜"]
    assert await _names(hq, filter={"text": "4444"}) == ["李娜"]
    assert await _names(hq, filter={"text": "王"}) == []


async def test_filters_by_tier_tag_store_region_status_and_registration_date(api, org):
    hq_actor = org.actors["hq.admin"]
    await create_tier(hq_actor, TierDraft("普通", 1))
    gold = await create_tier(hq_actor, TierDraft("金卡", 3))
    vip = await create_tag(hq_actor, "VIP")
    sh1, sh2, cd1 = [(await _register(org, 1, store, start=i))[0] for i, store in enumerate(("SH001", "SH002", "CD001"))]
    await Member.filter(id=sh2.id).update(tier_id=gold.id)
    await tag_member(hq_actor, cd1.id, vip.id)
    await set_member_status(hq_actor, sh1.id, MemberStatus.DEACTIVATED)
    await Member.filter(id=sh1.id).update(created_at=datetime(2020, 1, 1, tzinfo=UTC))
    hq = await api.login("hq.admin")
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()

    assert await _names(hq, filter={"tierIds": [gid("Tier", gold.id)]}) == [sh2.name]
    assert await _names(hq, filter={"tagIds": [gid("Tag", vip.id)]}) == [cd1.name]
    assert await _names(hq, filter={"homeStoreIds": [gid("Store", org.stores["SH002"].id)]}) == [sh2.name]
    assert await _names(hq, filter={"regionIds": [gid("Region", org.regions["WEST"].id)]}) == [cd1.name]
    assert await _names(hq, filter={"status": "DEACTIVATED"}) == [sh1.name]
    assert await _names(hq, filter={"registeredTo": "2021-01-01T00:00:00+00:00"}) == [sh1.name]
    assert await _names(hq, filter={"registeredFrom": "2021-01-01T00:00:00+00:00", "registeredTo": tomorrow}) == [
        cd1.name,
        sh2.name,
    ]


async def test_filters_never_widen_a_role_scope(api, org):
    await _register(org, 1, "CD001")
    clerk = await api.login("sh001.clerk")

    assert await _names(clerk, filter={"regionIds": [gid("Region", org.regions["WEST"].id)]}) == []
    assert await _names(clerk, filter={"text": "n000"}) == []


async def test_lookup_by_member_number_and_unknown_phone(api, people):
    clerk = await api.login("sh001.clerk")
    member = people.by_store["CD001"]

    found = await clerk("query($no: String!) { memberLookup(memberNo: $no) { name view } }", no=member.member_no)
    missing = await clerk('{ memberLookup(phone: "13000000000") { name } }')
    ambiguous = await clerk('{ memberLookup(phone: "13000000000", memberNo: "1") { name } }')
    malformed = await clerk('{ memberLookup(phone: "12") { name } }')

    assert found["data"]["memberLookup"] == {"name": "会员CD001", "view": "MASKED"}
    assert missing == {"data": {"memberLookup": None}}
    assert ambiguous["errors"][0]["extensions"]["code"] == "INVALID"
    assert malformed["errors"][0]["extensions"]["code"] == "INVALID"
