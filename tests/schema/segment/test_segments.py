from __future__ import annotations

from server.audit.models import AuditEntry
from server.member.models import Gender, Member
from server.segment.models import Segment
from tests.schema.member.conftest import gid

PREVIEW = """
query($rule: SegmentRuleInput!) {
  previewSegment(rule: $rule, sampleSize: 5) {
    count sample { name phone birthday view } errors { field code message }
  }
}
"""
CREATE = """
mutation($input: CreateSegmentInput!) {
  createSegment(input: $input) { segment { id name rule memberCount } errors { field code message } }
}
"""
UPDATE = """
mutation($id: ID!, $input: UpdateSegmentInput!) {
  updateSegment(id: $id, input: $input) { segment { name rule memberCount } errors { field code } }
}
"""
LIST = "{ segments { edges { node { name memberCount } } } }"
COUNTED = "query($first: Int) { segments(first: $first) { totalCount edges { node { name } } } }"
FEMALE = {"gender": ["FEMALE"]}


async def _female(people, *codes: str) -> None:
    await Member.filter(id__in=[people.by_store[c].id for c in codes]).update(gender=Gender.FEMALE)


async def test_hq_previews_a_rule_with_a_count_and_a_sample(api, people):
    await _female(people, "SH001", "CD001")
    hq = await api.login("hq.admin")

    body = await hq(PREVIEW, rule={"and": [FEMALE, {"not": {"homeStores": [gid("Store", people.by_store["SH001"].home_store_id)]}}]})

    assert body["data"]["previewSegment"] == {
        "count": 1,
        "sample": [{"name": "会员CD001", "phone": "13712340003", "birthday": "1990-05-17", "view": "FULL"}],
        "errors": [],
    }


async def test_a_clerk_previews_only_their_store_and_sees_members_masked(api, people):
    await _female(people, "SH001", "CD001")
    clerk = await api.login("sh001.clerk")

    body = await clerk(PREVIEW, rule=FEMALE)

    assert body["data"]["previewSegment"]["count"] == 1
    assert body["data"]["previewSegment"]["sample"] == [
        {"name": "会员SH001", "phone": "138****5678", "birthday": None, "view": "MASKED"}
    ]


async def test_an_invalid_rule_is_refused_with_the_path_to_the_fault(api, people):
    hq = await api.login("hq.admin")
    rule = {"or": [FEMALE, {"and": [{"age": {"min": 50, "max": 20}}]}]}

    preview = await hq(PREVIEW, rule=rule)
    created = await hq(CREATE, input={"name": "错", "rule": rule})
    wrong_id = await hq(PREVIEW, rule={"tiers": [gid("Store", 1)]})

    assert preview["data"]["previewSegment"]["errors"] == [
        {"field": ["rule", "or", "1", "and", "0", "age", "max"], "code": "INVALID", "message": "The maximum is below the minimum."}
    ]
    assert created["data"]["createSegment"]["errors"][0]["field"] == ["rule", "or", "1", "and", "0", "age", "max"]
    assert wrong_id["data"]["previewSegment"]["errors"] == [
        {"field": ["rule", "tiers", "0"], "code": "INVALID", "message": "Not a Tier ID."}
    ]
    assert await Segment.all().count() == 0


async def test_a_rule_with_two_conditions_in_one_node_is_refused(api, people):
    hq = await api.login("hq.admin")

    body = await hq(PREVIEW, rule={"gender": ["MALE"], "birthdayMonths": [5]})

    assert "data" not in body
    assert "exactly one" in body["errors"][0]["message"]


async def test_hq_saves_renames_and_deletes_a_segment(api, people):
    await _female(people, "SH001", "CD001")
    hq = await api.login("hq.admin")

    created = await hq(CREATE, input={"name": "女性会员", "rule": FEMALE})
    segment_id = created["data"]["createSegment"]["segment"]["id"]
    duplicate = await hq(CREATE, input={"name": "女性会员", "rule": FEMALE})
    updated = await hq(UPDATE, id=segment_id, input={"name": "五月生日", "rule": {"birthdayMonths": [5]}})
    deleted = await hq("mutation($id: ID!) { deleteSegment(id: $id) { deletedId errors { code } } }", id=segment_id)

    assert created["data"]["createSegment"]["segment"] | {"id": None} == {
        "id": None, "name": "女性会员", "rule": {"gender": ["FEMALE"]}, "memberCount": 2,
    }
    assert duplicate["data"]["createSegment"]["errors"] == [
        {"field": ["name"], "code": "DUPLICATE", "message": "A segment named 女性会员 exists."}
    ]
    assert updated["data"]["updateSegment"] == {
        "segment": {"name": "五月生日", "rule": {"birthdayMonths": [5]}, "memberCount": 3}, "errors": []
    }
    assert deleted["data"]["deleteSegment"] == {"deletedId": segment_id, "errors": []}
    assert await Segment.all().count() == 0
    assert [e.action for e in await AuditEntry.filter(target_type="Segment").order_by("id")] == [
        "segment.create", "segment.update", "segment.delete",
    ]


async def test_region_and_store_segments_hold_only_their_own_members(api, people):
    await _female(people, "SH001", "SH002", "CD001")
    region = await api.login("east.manager")
    clerk = await api.login("sh001.clerk")
    hq = await api.login("hq.admin")

    await region(CREATE, input={"name": "华东女性", "rule": FEMALE})
    await clerk(CREATE, input={"name": "一店女性", "rule": FEMALE})
    await hq(CREATE, input={"name": "全部女性", "rule": FEMALE})

    assert (await hq(LIST))["data"]["segments"]["edges"] == [
        {"node": {"name": "全部女性", "memberCount": 3}},
        {"node": {"name": "一店女性", "memberCount": 1}},
        {"node": {"name": "华东女性", "memberCount": 2}},
    ]
    assert (await region(LIST))["data"]["segments"]["edges"] == [
        {"node": {"name": "一店女性", "memberCount": 1}},
        {"node": {"name": "华东女性", "memberCount": 2}},
    ]
    assert (await clerk(LIST))["data"]["segments"]["edges"] == [{"node": {"name": "一店女性", "memberCount": 1}}]
    assert (await (await api.login("cd001.clerk"))(LIST))["data"]["segments"]["edges"] == []


async def test_the_segment_total_counts_every_segment_the_viewer_may_use(api, people):
    # given a segment of HQ, of region EAST and of store SH001
    for username, name in (("east.manager", "华东女性"), ("sh001.clerk", "一店女性"), ("hq.admin", "全部女性")):
        assert (await (await api.login(username))(CREATE, input={"name": name, "rule": FEMALE}))["data"]["createSegment"]["errors"] == []
    # when each viewer asks for one segment and the total
    totals = {
        username: (await (await api.login(username))(COUNTED, first=1))["data"]["segments"]
        for username in ("hq.admin", "east.manager", "sh001.clerk", "cd001.clerk")
    }
    # then the total counts the viewer's segments beyond the page
    assert totals == {
        "hq.admin": {"totalCount": 3, "edges": [{"node": {"name": "全部女性"}}]},
        "east.manager": {"totalCount": 2, "edges": [{"node": {"name": "一店女性"}}]},
        "sh001.clerk": {"totalCount": 1, "edges": [{"node": {"name": "一店女性"}}]},
        "cd001.clerk": {"totalCount": 0, "edges": []},
    }


async def test_staff_cannot_change_segments_outside_their_scope(api, people):
    hq = await api.login("hq.admin")
    created = await hq(CREATE, input={"name": "全部女性", "rule": FEMALE})
    segment_id = created["data"]["createSegment"]["segment"]["id"]
    clerk = await api.login("sh001.clerk")

    body = await clerk(UPDATE, id=segment_id, input={"rule": {"birthdayMonths": [5]}})

    assert body["data"]["updateSegment"] == {"segment": None, "errors": [{"field": ["id"], "code": "NOT_FOUND"}]}
    assert (await Segment.get(name="全部女性")).rule == FEMALE


async def test_campaign_rules_take_campaign_ids(api, people):
    hq = await api.login("hq.admin")

    saved = await hq(CREATE, input={"name": "回访", "rule": {"or": [
        {"campaignReceived": [gid("Campaign", 5)]}, {"campaignConverted": [gid("Campaign", 6)]},
    ]}})
    wrong = await hq(PREVIEW, rule={"campaignConverted": [gid("Tier", 6)]})

    assert saved["data"]["createSegment"]["segment"]["rule"] == {"or": [{"campaignReceived": [5]}, {"campaignConverted": [6]}]}
    assert saved["data"]["createSegment"]["segment"]["memberCount"] == 0
    assert [(e["field"], e["code"]) for e in wrong["data"]["previewSegment"]["errors"]] == [(["rule", "campaignConverted", "0"], "INVALID")]
