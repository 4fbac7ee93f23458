"""Campaigns over GraphQL: HQ creates, launches and pauses chain-wide campaigns and reads their
deliveries and results; an unknown template variable is an INVALID payload error that saves
nothing; REGION and STORE staff run campaigns for their own members only when HQ allows it."""

from __future__ import annotations

from datetime import date

from server.campaign.models import Campaign
from server.campaign.services import SettingsDraft, set_campaign_settings
from server.channels.base import ChannelKind
from server.member.services import MemberDraft, create_member
from tests.schema.member.conftest import gid
from tests.server.delivery.conftest import FakeChannel, install, worker  # noqa: F401 - shared fixtures
from tests.server.jobs.conftest import clock  # noqa: F401 - shared fixture
from tests.statements import counting_queries

CREATE = """
mutation($input: CampaignInput!) {
  createCampaign(input: $input) {
    campaign { id name kind trigger status holdoutPercent variants { name percent body } }
    errors { field code message }
  }
}
"""

LAUNCH = "mutation($id: ID!) { launchCampaign(id: $id) { campaign { status } errors { code message } } }"
PAUSE = "mutation($id: ID!) { pauseCampaign(id: $id) { campaign { status } errors { code message } } }"

READ = """
query($id: ID!) {
  node(id: $id) {
    ... on Campaign {
      name
      deliveries { edges { node { memberId member { name memberNo phone view } variant status reason body } } }
      results { variants { variant reached converted rate lift } holdout { reached } skippedForConsent skippedForCap }
    }
  }
}
"""

BIRTHDAY = {
    "name": "生日礼",
    "kind": "TRIGGERED",
    "trigger": "BIRTHDAY",
    "variants": [{"name": "A", "percent": 100, "body": "{name}，生日快乐！"}],
}


async def test_hq_runs_a_birthday_campaign_and_reads_its_deliveries_and_results(api, org, install, worker):
    # given a member born today (the worker's clock: 2030-01-07 in Shanghai) without consent
    install(FakeChannel(ChannelKind.LOG))
    member = await create_member(
        org.actors["hq.admin"], MemberDraft(name="安", phone="13900001234", home_store_id=org.stores["SH001"].id, birthday=date(1990, 1, 7))
    )
    hq = await api.login("hq.admin")
    created = (await hq(CREATE, input=BIRTHDAY))["data"]["createCampaign"]
    assert created["errors"] == []
    assert created["campaign"]["status"] == "DRAFT"
    campaign_id = created["campaign"]["id"]
    # when
    assert (await hq(LAUNCH, id=campaign_id))["data"]["launchCampaign"] == {"campaign": {"status": "ACTIVE"}, "errors": []}
    await worker.drain()
    # then
    node = (await hq(READ, id=campaign_id))["data"]["node"]
    assert node["deliveries"]["edges"] == [
        {
            "node": {
                "memberId": gid("Member", member.id),
                "member": {"name": "安", "memberNo": member.member_no, "phone": "13900001234", "view": "FULL"},
                "variant": "A",
                "status": "SKIPPED",
                "reason": "CONSENT",
                "body": "安，生日快乐！",
            }
        }
    ]
    assert node["results"] == {
        "variants": [{"variant": "A", "reached": 0, "converted": 0, "rate": "0.0000", "lift": None}],
        "holdout": None,
        "skippedForConsent": 1,
        "skippedForCap": 0,
    }
    assert (await hq(PAUSE, id=campaign_id))["data"]["pauseCampaign"] == {"campaign": {"status": "PAUSED"}, "errors": []}


async def test_an_unknown_template_variable_is_invalid_and_saves_nothing(api, org):
    hq = await api.login("hq.admin")
    body = await hq(CREATE, input={**BIRTHDAY, "variants": [{"name": "A", "percent": 100, "body": "{name}，您的{balance}"}]})

    assert body["data"]["createCampaign"] == {
        "campaign": None,
        "errors": [
            {"field": ["body"], "code": "INVALID", "message": "Unknown variable {balance}: use {memberNo}, {store}, {tier}, {name}."}
        ],
    }
    assert await Campaign.all().count() == 0


async def test_stores_run_campaigns_for_their_own_members_only_when_hq_allows_it(api, org):
    clerk = await api.login("sh001.clerk")

    denied = (await clerk(CREATE, input=BIRTHDAY))["data"]["createCampaign"]

    assert denied["errors"][0]["code"] == "PERMISSION_DENIED"
    assert await Campaign.all().count() == 0

    await set_campaign_settings(org.actors["hq.admin"], SettingsDraft(local_campaigns=True))
    allowed = (await clerk(CREATE, input=BIRTHDAY))["data"]["createCampaign"]

    assert allowed["errors"] == []
    row = await Campaign.get()
    assert (row.region_id, row.store_id) == (org.regions["EAST"].id, org.stores["SH001"].id)
    other = await api.login("cd001.clerk")
    assert (await other("{ campaigns { edges { node { name } } } }"))["data"]["campaigns"]["edges"] == []
    hq = await api.login("hq.admin")
    assert (await hq("{ campaigns { edges { node { name } } } }"))["data"]["campaigns"]["edges"] == [{"node": {"name": "生日礼"}}]


COUNTED = "query($first: Int) { campaigns(first: $first) { totalCount edges { node { name } } } }"


async def test_the_campaign_total_counts_every_campaign_the_viewer_may_see(api, org):
    # given two chain-wide campaigns and one of store SH001
    await set_campaign_settings(org.actors["hq.admin"], SettingsDraft(local_campaigns=True))
    hq = await api.login("hq.admin")
    for name in ("生日礼", "生日礼二"):
        assert (await hq(CREATE, input=BIRTHDAY | {"name": name}))["data"]["createCampaign"]["errors"] == []
    clerk = await api.login("sh001.clerk")
    assert (await clerk(CREATE, input=BIRTHDAY | {"name": "一店生日礼"}))["data"]["createCampaign"]["errors"] == []
    # when each viewer asks for one campaign and the total
    totals = {
        username: (await (await api.login(username))(COUNTED, first=1))["data"]["campaigns"]
        for username in ("hq.admin", "east.manager", "sh001.clerk", "cd001.clerk")
    }
    # then the total counts the viewer's campaigns beyond the page
    assert totals == {
        "hq.admin": {"totalCount": 3, "edges": [{"node": {"name": "一店生日礼"}}]},
        "east.manager": {"totalCount": 1, "edges": [{"node": {"name": "一店生日礼"}}]},
        "sh001.clerk": {"totalCount": 1, "edges": [{"node": {"name": "一店生日礼"}}]},
        "cd001.clerk": {"totalCount": 0, "edges": []},
    }


DELIVERY_MEMBERS = """
query($id: ID!, $first: Int) {
  node(id: $id) { ... on Campaign { deliveries(first: $first) { edges { node { member { name memberNo phone view } } } } } }
}
"""


async def _launched_birthday_campaign(client, worker) -> str:
    campaign_id = (await client(CREATE, input=BIRTHDAY))["data"]["createCampaign"]["campaign"]["id"]
    assert (await client(LAUNCH, id=campaign_id))["data"]["launchCampaign"]["errors"] == []
    await worker.drain()
    return campaign_id


async def _born_today(org, *stores: str) -> list:
    """One member born today (the worker's clock) per store code given."""
    hq = org.actors["hq.admin"]
    return [
        await create_member(hq, MemberDraft(name=f"寿星{i}", phone=f"1390000{i:04d}", home_store_id=org.stores[code].id, birthday=date(1990, 1, 7)))
        for i, code in enumerate(stores)
    ]


async def test_a_store_clerk_sees_the_members_of_the_stores_deliveries_masked(api, org, install, worker):
    # given a member of SH001 and one of CD001 born today, and SH001's own birthday campaign
    install(FakeChannel(ChannelKind.LOG))
    member, _ = await _born_today(org, "SH001", "CD001")
    await set_campaign_settings(org.actors["hq.admin"], SettingsDraft(local_campaigns=True))
    clerk = await api.login("sh001.clerk")
    campaign_id = await _launched_birthday_campaign(clerk, worker)
    # when
    body = await clerk(DELIVERY_MEMBERS, id=campaign_id)
    # then only the store's member is reached, and the clerk sees the phone masked
    assert body["data"]["node"]["deliveries"]["edges"] == [
        {"node": {"member": {"name": "寿星0", "memberNo": member.member_no, "phone": "139****0000", "view": "MASKED"}}}
    ]


DELIVERY_TOTAL = """
query($id: ID!, $status: DeliveryStatus) {
  node(id: $id) { ... on Campaign { deliveries(first: 1, status: $status) { totalCount edges { node { status } } } } }
}
"""


async def test_the_delivery_log_counts_all_its_deliveries_and_those_of_a_status(api, org, install, worker):
    # given three members born today, reached by an HQ campaign (skipped: they gave no consent)
    install(FakeChannel(ChannelKind.LOG))
    await _born_today(org, "SH001", "SH002", "CD001")
    hq = await api.login("hq.admin")
    campaign_id = await _launched_birthday_campaign(hq, worker)
    # when
    every, skipped, sent = [
        (await hq(DELIVERY_TOTAL, id=campaign_id, status=status))["data"]["node"]["deliveries"] for status in (None, "SKIPPED", "SENT")
    ]
    # then the total counts every delivery of the status asked for, whatever the page
    assert (every["totalCount"], len(every["edges"])) == (3, 1)
    assert (skipped["totalCount"], skipped["edges"]) == (3, [{"node": {"status": "SKIPPED"}}])
    assert sent == {"totalCount": 0, "edges": []}


async def test_a_page_of_deliveries_with_their_members_costs_the_same_queries_at_2_and_8(api, org, install, worker):
    install(FakeChannel(ChannelKind.LOG))
    await _born_today(org, *["SH001"] * 8)
    hq = await api.login("hq.admin")
    campaign_id = await _launched_birthday_campaign(hq, worker)

    counts = []
    for first in (2, 8):
        with counting_queries() as counter:
            body = await hq(DELIVERY_MEMBERS, id=campaign_id, first=first)
        assert len(body["data"]["node"]["deliveries"]["edges"]) == first
        counts.append(counter.count)

    assert counts[0] == counts[1]
