"""The tier engine over GraphQL: rules (HQ), manual changes, a member's progress, retention and
history."""

from __future__ import annotations

from server.audit.models import AuditEntry
from server.member.models import Member
from server.tier.models import Tier, TierChange
from tests.schema.member.conftest import gid
from tests.server.tier.conftest import Ladder, ladder, pay  # noqa: F401 - shared fixtures
from tests.server.wallet.conftest import fund, ledger_stays_sound, wallet  # noqa: F401 - shared fixtures

SET_RULES = """
mutation($id: ID!, $input: TierRulesInput!) {
  setTierRules(id: $id, input: $input) {
    tier { name rules { window windowDays downgrade giftPoints price paidDays
      upgrade { match spend visits points } retention { match spend visits points } } }
    errors { field code message }
  }
}
"""
SET_MEMBER_TIER = """
mutation($input: SetMemberTierInput!) {
  setMemberTier(input: $input) {
    member { tier { name } }
    change { fromTier toTier cause detail actor }
    errors { field code message }
  }
}
"""
STANDING = """
query($id: ID!) { node(id: $id) { ... on Member {
  tierProgress { tier { name } match until met spend { current required remaining met } visits { current required } points { current } }
  tierRetention { tier { name } heldBy heldUntil conditions { match met visits { current required remaining met } spend { current } } }
  tierChanges(first: 10) { edges { node { fromTier toTier cause actor } } }
} } }
"""


async def test_hq_sets_a_tiers_rules_and_reads_them_back(api, org, ladder):
    hq = await api.login("hq.admin")
    rules = {
        "window": "QUARTER",
        "upgrade": {"match": "ALL", "spend": "5000.00", "visits": 10},
        "retention": {"spend": "2000.00"},
        "downgrade": "QUALIFIED",
        "giftPoints": 300,
        "price": "199.00",
        "paidDays": 365,
    }

    body = await hq(SET_RULES, id=gid("Tier", ladder.gold.id), input=rules)

    assert body["data"]["setTierRules"] == {
        "tier": {
            "name": "金卡",
            "rules": {
                "window": "QUARTER",
                "windowDays": 365,
                "downgrade": "QUALIFIED",
                "giftPoints": 300,
                "price": "199.00",
                "paidDays": 365,
                "upgrade": {"match": "ALL", "spend": "5000.00", "visits": 10, "points": None},
                "retention": {"match": "ANY", "spend": "2000.00", "visits": None, "points": None},
            },
        },
        "errors": [],
    }
    gold = await Tier.get(id=ladder.gold.id)
    assert (gold.upgrade_spend, gold.upgrade_visits, gold.retain_spend, gold.price) == (500_000, 10, 200_000, 19_900)
    assert await AuditEntry.filter(action="tier.rules", target_id=str(gold.id)).count() == 2


async def test_invalid_rules_are_refused_and_nothing_changes(api, org, ladder):
    hq = await api.login("hq.admin")
    cases = [
        ({"windowDays": 0}, ["windowDays"]),
        ({"upgrade": {"visits": 0}}, ["upgrade.visits"]),
        ({"price": "10.00"}, ["paidDays"]),
        ({"giftCouponTemplateIds": [gid("CouponTemplate", 99)]}, ["giftCouponTemplateIds"]),
    ]
    for given, field in cases:
        body = await hq(SET_RULES, id=gid("Tier", ladder.gold.id), input=given)
        assert [e["field"] for e in body["data"]["setTierRules"]["errors"]] == [field], given
    gold = await Tier.get(id=ladder.gold.id)
    assert (gold.upgrade_visits, gold.window_days, gold.price) == (3, 365, None)


async def test_only_hq_manages_rules_and_sets_tiers_by_hand(api, org, ladder, wallet):
    for username in ("east.manager", "sh001.clerk"):
        client = await api.login(username)
        rules = await client(SET_RULES, id=gid("Tier", ladder.gold.id), input={"price": "1.00", "paidDays": 1})
        manual = await client(
            SET_MEMBER_TIER, input={"memberId": gid("Member", wallet.member.id), "tierId": gid("Tier", ladder.gold.id), "reason": "x"}
        )
        assert [e["code"] for e in rules["data"]["setTierRules"]["errors"]] == ["PERMISSION_DENIED"]
        assert [e["code"] for e in manual["data"]["setMemberTier"]["errors"]] == ["PERMISSION_DENIED"]
    assert (await Tier.get(id=ladder.gold.id)).price is None
    assert (await Member.get(id=wallet.member.id)).tier_id == ladder.basic.id
    assert await TierChange.all().count() == 0


async def test_a_manual_change_is_recorded_with_its_reason_and_actor(api, org, ladder, wallet):
    hq = await api.login("hq.admin")

    body = await hq(
        SET_MEMBER_TIER,
        input={
            "memberId": gid("Member", wallet.member.id),
            "tierId": gid("Tier", ladder.gold.id),
            "reason": "投诉补偿",
            "until": "2099-01-01T00:00:00+08:00",
        },
    )
    unknown = await hq(SET_MEMBER_TIER, input={"memberId": gid("Member", 999), "tierId": gid("Tier", ladder.gold.id), "reason": "x"})

    assert body["data"]["setMemberTier"] == {
        "member": {"tier": {"name": "金卡"}},
        "change": {"fromTier": "普通", "toTier": "金卡", "cause": "MANUAL", "detail": "投诉补偿", "actor": "hq.admin"},
        "errors": [],
    }
    assert [(e["field"], e["code"]) for e in unknown["data"]["setMemberTier"]["errors"]] == [(["memberId"], "NOT_FOUND")]


async def test_progress_and_retention_show_each_condition_for_a_constructed_member(api, org, ladder, wallet):
    await fund(org, wallet, 1_000_000)
    await pay(org, 300_000)
    await pay(org, 150_050)
    hq = await api.login("hq.admin")
    member = gid("Member", wallet.member.id)

    at_basic = await hq(STANDING, id=member)
    await hq(
        SET_MEMBER_TIER,
        input={"memberId": member, "tierId": gid("Tier", ladder.gold.id), "reason": "VIP", "until": "2099-01-01T00:00:00+08:00"},
    )
    at_gold = (await hq(STANDING, id=member))["data"]["node"]

    basic = at_basic["data"]["node"]
    assert basic["tierProgress"]["tier"] == {"name": "银卡"}
    assert basic["tierProgress"]["match"] == "ANY"
    assert basic["tierProgress"]["met"] is False
    assert basic["tierProgress"]["spend"] == {"current": "4500.50", "required": "10000.00", "remaining": "5499.50", "met": False}
    assert (basic["tierProgress"]["visits"], basic["tierProgress"]["points"]) == (None, None)
    assert basic["tierRetention"] == {"tier": {"name": "普通"}, "heldBy": "", "heldUntil": None, "conditions": None}
    assert at_gold["tierProgress"] is None
    retention = at_gold["tierRetention"]
    assert (retention["heldBy"], retention["heldUntil"]) == ("MANUAL", "2098-12-31T16:00:00+00:00")
    assert retention["conditions"]["visits"] == {"current": 2, "required": 1, "remaining": 0, "met": True}
    assert (retention["conditions"]["spend"], retention["conditions"]["met"]) == (None, True)
    assert at_gold["tierChanges"]["edges"] == [{"node": {"fromTier": "普通", "toTier": "金卡", "cause": "MANUAL", "actor": "hq.admin"}}]


BUY = """
mutation($input: BuyTierInput!) {
  buyTier(input: $input) {
    transfer { kind amount } member { tier { name } } replayed
    errors { field code message }
  }
}
"""


async def test_a_tier_bought_from_stored_value_is_charged_once_per_key(api, org, ladder, wallet):
    hq = await api.login("hq.admin")
    await hq(SET_RULES, id=gid("Tier", ladder.gold.id), input={"price": "199.00", "paidDays": 30})
    await fund(org, wallet, 50_000)
    clerk = await api.login("sh001.clerk")
    given = {"memberId": gid("Member", wallet.member.id), "tierId": gid("Tier", ladder.gold.id), "cardNo": "C0001", "idempotencyKey": "buy-1"}

    first = await clerk(BUY, input=given)
    again = await clerk(BUY, input=given)
    other_store = await (await api.login("cd001.clerk"))(BUY, input={**given, "idempotencyKey": "buy-2"})

    assert first["data"]["buyTier"] == {
        "transfer": {"kind": "TIER_PURCHASE", "amount": "199.00"},
        "member": {"tier": {"name": "金卡"}},
        "replayed": False,
        "errors": [],
    }
    assert again["data"]["buyTier"]["replayed"] is True
    assert [e["code"] for e in other_store["data"]["buyTier"]["errors"]] == ["PERMISSION_DENIED"]
    assert await TierChange.filter(cause="PAID").count() == 1
