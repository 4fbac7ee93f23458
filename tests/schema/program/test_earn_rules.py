from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from server.audit.models import AuditEntry
from server.member.models import Member
from server.program.models import EarnRule
from server.tier.services import TierDraft, create_tier
from tests.schema.program.conftest import CONSUME, RECHARGE, SET_EARN, at, gid

LIST = "{ earnRules { pointsPerYuan promotionMultiplier store { code } } }"


async def _earned(client, key: str, amount: str = "30.00", store_id: str | None = None) -> int:
    body = await client(
        CONSUME,
        input={
            "cardNo": "C0001",
            "amount": amount,
            "idempotencyKey": key,
            **({"storeId": store_id} if store_id else {}),
        },
    )
    assert body["data"]["consume"]["errors"] == []
    return body["data"]["consume"]["breakdown"]["pointsEarned"]


@pytest.fixture
async def funded(api, org, wallet):
    """The wallet's card holding 1000.00, and the SH001 clerk who funded it."""
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "1000.00", "idempotencyKey": "fund"})
    return clerk


async def test_hq_sets_one_rule_per_store_that_every_account_reads_default_first(api, org):
    hq = await api.login("hq.admin")
    sh001 = gid("Store", org.stores["SH001"].id)
    starts, ends = at(-1), at(1)

    store_rule = await hq(
        SET_EARN,
        input={
            "storeId": sh001,
            "pointsPerYuan": 5,
            "promotionMultiplier": "1.5",
            "promotionStartsAt": starts,
            "promotionEndsAt": ends,
        },
    )
    await hq(SET_EARN, input={"pointsPerYuan": 2})
    replaced = await hq(SET_EARN, input={"storeId": sh001, "pointsPerYuan": 3})
    listed = await (await api.login("sh001.clerk"))(LIST)

    first = store_rule["data"]["setEarnRule"]["earnRule"]
    assert store_rule["data"]["setEarnRule"]["errors"] == []
    assert (first["pointsPerYuan"], Decimal(first["promotionMultiplier"]), first["store"]) == (
        5,
        Decimal("1.5"),
        {"code": "SH001"},
    )
    assert datetime.fromisoformat(first["promotionStartsAt"]) == datetime.fromisoformat(starts)
    assert datetime.fromisoformat(first["promotionEndsAt"]) == datetime.fromisoformat(ends)
    assert replaced["data"]["setEarnRule"]["earnRule"]["id"] == first["id"]
    assert replaced["data"]["setEarnRule"]["earnRule"]["promotionStartsAt"] is None
    assert [
        (r["pointsPerYuan"], Decimal(r["promotionMultiplier"]), r["store"]) for r in listed["data"]["earnRules"]
    ] == [
        (2, Decimal(1), None),
        (3, Decimal(1), {"code": "SH001"}),
    ]
    assert await EarnRule.all().count() == 2
    assert await AuditEntry.filter(action="earn_rule.set").count() == 3


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({"pointsPerYuan": -1}, (["pointsPerYuan"], "INVALID", "Between 0 and 1000 points per yuan.")),
        ({"pointsPerYuan": 1001}, (["pointsPerYuan"], "INVALID", "Between 0 and 1000 points per yuan.")),
        ({"promotionMultiplier": "0.99"}, (["promotionMultiplier"], "INVALID", "Between 1 and 10.")),
        ({"promotionMultiplier": "10.01"}, (["promotionMultiplier"], "INVALID", "Between 1 and 10.")),
        (
            {"promotionMultiplier": "1.555"},
            (["promotionMultiplier"], "INVALID", "A number with at most two decimals, e.g. 1.5."),
        ),
        (
            {"promotionEndsAt": "2026-12-01T00:00:00"},
            (["promotionEndsAt"], "INVALID", "Give the time with its UTC offset, e.g. 2026-12-01T00:00:00+08:00."),
        ),
        (
            {"promotionStartsAt": "2026-12-01T08:00:00+08:00", "promotionEndsAt": "2026-12-01T00:00:00Z"},
            (["promotionEndsAt"], "INVALID", "The end must be after the start."),
        ),
        ({"storeId": gid("Store", 999)}, (["storeId"], "NOT_FOUND", "Store not found.")),
    ],
)
async def test_invalid_earn_rules_are_refused_and_nothing_is_written(api, org, given, error):
    hq = await api.login("hq.admin")

    body = await hq(SET_EARN, input={"pointsPerYuan": 2, **given})

    field, code, message = error
    assert body["data"]["setEarnRule"] == {
        "earnRule": None,
        "errors": [{"field": field, "code": code, "message": message}],
    }
    assert await EarnRule.all().count() == 0


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_only_hq_sets_earn_rules(api, org, username):
    client = await api.login(username)

    body = await client(SET_EARN, input={"pointsPerYuan": 100})

    assert body["data"]["setEarnRule"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage the loyalty program."}
    ]
    assert await EarnRule.all().count() == 0


async def test_a_consume_earns_by_its_stores_rule_else_the_brand_default(api, org, funded):
    hq = await api.login("hq.admin")
    before_any = await _earned(funded, "c0")
    await hq(SET_EARN, input={"pointsPerYuan": 2})
    await hq(SET_EARN, input={"storeId": gid("Store", org.stores["SH001"].id), "pointsPerYuan": 5})

    at_sh001 = await _earned(funded, "c1")
    at_sh002 = await _earned(hq, "c2", store_id=gid("Store", org.stores["SH002"].id))

    assert (before_any, at_sh001, at_sh002) == (30, 150, 60)


async def test_the_promotion_multiplies_points_only_within_its_window(api, org, funded):
    hq = await api.login("hq.admin")
    sh001 = gid("Store", org.stores["SH001"].id)
    promotion = {"storeId": sh001, "pointsPerYuan": 2, "promotionMultiplier": "3"}

    await hq(SET_EARN, input={**promotion, "promotionStartsAt": at(-1), "promotionEndsAt": at(1)})
    within = await _earned(funded, "c1")
    await hq(SET_EARN, input={**promotion, "promotionStartsAt": at(1)})
    not_yet = await _earned(funded, "c2")
    await hq(SET_EARN, input={**promotion, "promotionEndsAt": at(-1)})
    over = await _earned(funded, "c3")
    await hq(SET_EARN, input=promotion)
    always = await _earned(funded, "c4")

    assert (within, not_yet, over, always) == (180, 60, 60, 180)


async def test_the_tier_multiplier_applies_on_top_of_the_rule_and_promotion(api, org, wallet, funded):
    hq = await api.login("hq.admin")
    gold = await create_tier(org.actors["hq.admin"], TierDraft(name="金卡", rank=3, points_multiplier_pct=150))
    await Member.filter(id=wallet.member.id).update(tier_id=gold.id)
    await hq(SET_EARN, input={"pointsPerYuan": 2, "promotionMultiplier": "3"})

    earned = await _earned(funded, "c1")

    assert earned == 270
