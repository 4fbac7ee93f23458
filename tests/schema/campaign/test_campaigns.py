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
      deliveries { edges { node { memberId variant status reason body } } }
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
        {"node": {"memberId": gid("Member", member.id), "variant": "A", "status": "SKIPPED", "reason": "CONSENT", "body": "安，生日快乐！"}}
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
