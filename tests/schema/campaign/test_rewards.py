"""Campaign rewards over GraphQL: HQ attaches points and a coupon template, reads them on the
campaign and what each delivery was given; bad rewards are INVALID errors naming the field under
`rewards` and save nothing; a store running its own campaigns can't give rewards away."""

from __future__ import annotations

from datetime import date

from server.campaign.models import Campaign
from server.campaign.services import SettingsDraft, set_campaign_settings
from server.channels.base import ChannelKind
from server.coupon.models import CouponKind
from server.coupon.services import TemplateDraft, create_template
from server.member.services import MemberDraft, create_member
from tests.schema.member.conftest import gid
from tests.server.delivery.conftest import FakeChannel, install, worker  # noqa: F401 - shared fixtures
from tests.server.jobs.conftest import clock  # noqa: F401 - shared fixture

CREATE = """
mutation($input: CampaignInput!) {
  createCampaign(input: $input) {
    campaign { id rewards { points couponTemplate { id name } } }
    errors { field code message }
  }
}
"""

LAUNCH = "mutation($id: ID!) { launchCampaign(id: $id) { errors { code } } }"

DELIVERIES = """
query($id: ID!) {
  node(id: $id) { ... on Campaign { deliveries { edges { node { memberId status reward { points couponCode refusal } } } } } }
}
"""


def birthday(rewards: dict[str, object] | None) -> dict[str, object]:
    return {
        "name": "生日礼",
        "kind": "TRIGGERED",
        "trigger": "BIRTHDAY",
        "variants": [{"name": "A", "percent": 100, "body": "{name}，生日快乐！"}],
        "rewards": rewards,
    }


async def test_hq_attaches_rewards_and_reads_what_each_delivery_was_given(api, org, install, worker):
    # given a consenting member born today (the worker's clock: 2030-01-07 in Shanghai) and a template
    install(FakeChannel(ChannelKind.LOG))
    hq_actor = org.actors["hq.admin"]
    member = await create_member(
        hq_actor,
        MemberDraft(name="安", phone="13900001234", home_store_id=org.stores["SH001"].id, birthday=date(1990, 1, 7), marketing_consent=True),
    )
    template = await create_template(hq_actor, TemplateDraft(name="生日券", kind=CouponKind.GIFT, value=0, valid_days=30))
    hq = await api.login("hq.admin")
    # when HQ creates and launches a campaign with 88 points and a coupon, and the worker runs
    created = (await hq(CREATE, input=birthday({"points": 88, "couponTemplateId": gid("CouponTemplate", template.id)})))["data"]
    campaign = created["createCampaign"]["campaign"]
    assert created["createCampaign"]["errors"] == []
    assert campaign["rewards"] == {"points": 88, "couponTemplate": {"id": gid("CouponTemplate", template.id), "name": "生日券"}}
    assert (await hq(LAUNCH, id=campaign["id"]))["data"]["launchCampaign"]["errors"] == []
    await worker.drain()
    # then the delivery shows the reward it was given
    (edge,) = (await hq(DELIVERIES, id=campaign["id"]))["data"]["node"]["deliveries"]["edges"]
    reward = edge["node"].pop("reward")
    assert edge["node"] == {"memberId": gid("Member", member.id), "status": "SENT"}
    assert reward["points"] == 88 and len(reward["couponCode"]) == 12 and reward["refusal"] == ""


async def test_bad_rewards_are_invalid_naming_the_field_and_save_nothing(api, org):
    hq = await api.login("hq.admin")
    cases = [
        ({"points": -1}, ["rewards", "points"]),
        ({"couponTemplateId": gid("CouponTemplate", 999)}, ["rewards", "couponTemplateId"]),
        ({"couponTemplateId": gid("Member", 1)}, ["rewards", "couponTemplateId"]),
    ]
    for rewards, field in cases:
        payload = (await hq(CREATE, input=birthday(rewards)))["data"]["createCampaign"]
        assert payload["campaign"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, "INVALID")]
    assert await Campaign.all().count() == 0


async def test_a_store_running_its_own_campaigns_cannot_attach_rewards(api, org):
    await set_campaign_settings(org.actors["hq.admin"], SettingsDraft(local_campaigns=True))
    clerk = await api.login("sh001.clerk")

    payload = (await clerk(CREATE, input=birthday({"points": 10})))["data"]["createCampaign"]
    plain = (await clerk(CREATE, input=birthday(None)))["data"]["createCampaign"]

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(["rewards"], "PERMISSION_DENIED")]
    assert plain["errors"] == [] and plain["campaign"]["rewards"] == {"points": 0, "couponTemplate": None}
    assert await Campaign.all().count() == 1
