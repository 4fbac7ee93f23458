from __future__ import annotations

from datetime import datetime

import pytest

from server.audit.models import AuditEntry
from server.program.models import RechargeRule
from server.program.services import RechargeRuleDraft, create_recharge_rule
from tests.schema.program.conftest import CREATE_RULE, DEACTIVATE_RULE, RECHARGE, at, gid

LIST = "query($all: Boolean!) { rechargeRules(includeInactive: $all) { name minAmount bonusAmount store { code } isActive } }"


async def _bonus(clerk, key: str, amount: str) -> dict:
    body = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": amount, "idempotencyKey": key})
    details = body["data"]["recharge"]["transfer"]["details"]
    return {"bonus": details["bonus"], "rule": details["rule"]}


async def test_hq_creates_rules_that_every_account_reads_by_threshold(api, org):
    hq = await api.login("hq.admin")
    starts, ends = at(-1), at(24)

    created = await hq(
        CREATE_RULE,
        input={
            "name": "充500送80",
            "minAmount": "500.00",
            "bonusAmount": "80.00",
            "storeId": gid("Store", org.stores["SH001"].id),
            "startsAt": starts,
            "endsAt": ends,
        },
    )
    await hq(CREATE_RULE, input={"name": "充100送10", "minAmount": "100.00", "bonusAmount": "10.00"})
    listed = await (await api.login("cd001.clerk"))(LIST, all=False)

    rule = created["data"]["createRechargeRule"]["rechargeRule"]
    assert created["data"]["createRechargeRule"]["errors"] == []
    assert {k: rule[k] for k in ("name", "minAmount", "bonusAmount", "store", "isActive")} == {
        "name": "充500送80",
        "minAmount": "500.00",
        "bonusAmount": "80.00",
        "store": {"code": "SH001"},
        "isActive": True,
    }
    assert datetime.fromisoformat(rule["startsAt"]) == datetime.fromisoformat(starts)
    assert datetime.fromisoformat(rule["endsAt"]) == datetime.fromisoformat(ends)
    assert listed["data"]["rechargeRules"] == [
        {"name": "充100送10", "minAmount": "100.00", "bonusAmount": "10.00", "store": None, "isActive": True},
        {
            "name": "充500送80",
            "minAmount": "500.00",
            "bonusAmount": "80.00",
            "store": {"code": "SH001"},
            "isActive": True,
        },
    ]
    assert await AuditEntry.filter(action="recharge_rule.create").count() == 2


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({"name": " "}, (["name"], "INVALID", "name is required.")),
        ({"minAmount": "0.00"}, (["minAmount"], "INVALID", "The minimum recharge must be positive.")),
        (
            {"bonusAmount": "0.00"},
            (["bonusAmount"], "INVALID", "The bonus must be positive and at most the minimum recharge."),
        ),
        (
            {"bonusAmount": "100.01"},
            (["bonusAmount"], "INVALID", "The bonus must be positive and at most the minimum recharge."),
        ),
        (
            {"startsAt": "2026-12-01T00:00:00"},
            (["startsAt"], "INVALID", "Give the time with its UTC offset, e.g. 2026-12-01T00:00:00+08:00."),
        ),
        (
            {"startsAt": "2026-12-02T00:00:00+08:00", "endsAt": "2026-12-01T00:00:00+08:00"},
            (["endsAt"], "INVALID", "The end must be after the start."),
        ),
        ({"storeId": gid("Store", 999)}, (["storeId"], "NOT_FOUND", "Store not found.")),
        ({"storeId": gid("Tier", 1)}, (["storeId"], "INVALID", "Not a Store ID.")),
    ],
)
async def test_invalid_rules_are_refused_and_nothing_is_written(api, org, given, error):
    hq = await api.login("hq.admin")

    body = await hq(CREATE_RULE, input={"name": "充100送10", "minAmount": "100.00", "bonusAmount": "10.00", **given})

    field, code, message = error
    assert body["data"]["createRechargeRule"] == {
        "rechargeRule": None,
        "errors": [{"field": field, "code": code, "message": message}],
    }
    assert await RechargeRule.all().count() == 0


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_only_hq_manages_rules(api, org, username):
    rule = await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    client = await api.login(username)

    created = await client(CREATE_RULE, input={"name": "自己送", "minAmount": "1.00", "bonusAmount": "1.00"})
    deactivated = await client(DEACTIVATE_RULE, id=gid("RechargeRule", rule.id))

    denied = {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage the loyalty program."}
    assert created["data"]["createRechargeRule"]["errors"] == [denied]
    assert deactivated["data"]["deactivateRechargeRule"]["errors"] == [denied]
    assert [(r.name, r.is_active) for r in await RechargeRule.all()] == [("充100送10", True)]


async def test_a_recharge_gets_the_bonus_of_the_highest_threshold_it_reaches(api, org, wallet):
    hq = await api.login("hq.admin")
    for name, min_amount, bonus in (
        ("充100送10", "100.00", "10.00"),
        ("充500送80", "500.00", "80.00"),
        ("充1000送200", "1000.00", "200.00"),
    ):
        await hq(CREATE_RULE, input={"name": name, "minAmount": min_amount, "bonusAmount": bonus})
    clerk = await api.login("sh001.clerk")

    bonuses = [
        await _bonus(clerk, f"r{i}", amount) for i, amount in enumerate(("99.99", "100.00", "999.99", "1000.00"))
    ]
    balance = await clerk('{ memberLookup(cardNo: "C0001") { assets { balance { principal bonus } } } }')

    assert bonuses == [
        {"bonus": 0, "rule": None},
        {"bonus": 1_000, "rule": "充100送10"},
        {"bonus": 8_000, "rule": "充500送80"},
        {"bonus": 20_000, "rule": "充1000送200"},
    ]
    assert balance["data"]["memberLookup"]["assets"]["balance"] == {"principal": "2199.98", "bonus": "290.00"}


async def test_store_rules_apply_only_at_their_store_and_windows_only_within_them(api, org, wallet):
    hq = await api.login("hq.admin")
    sh001, cd001 = gid("Store", org.stores["SH001"].id), gid("Store", org.stores["CD001"].id)
    rules = [
        {"name": "成都专享", "minAmount": "100.00", "bonusAmount": "50.00", "storeId": cd001},
        {"name": "明天开始", "minAmount": "100.00", "bonusAmount": "40.00", "startsAt": at(24)},
        {"name": "昨天结束", "minAmount": "100.00", "bonusAmount": "30.00", "startsAt": at(-48), "endsAt": at(-24)},
        {"name": "上海今天", "minAmount": "100.00", "bonusAmount": "20.00", "storeId": sh001, "endsAt": at(1)},
        {"name": "全店", "minAmount": "100.00", "bonusAmount": "10.00"},
    ]
    for rule in rules:
        assert (await hq(CREATE_RULE, input=rule))["data"]["createRechargeRule"]["errors"] == []
    clerk = await api.login("sh001.clerk")
    in_chengdu = await (await api.login("cd001.clerk"))(
        RECHARGE, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "cd"}
    )

    assert await _bonus(clerk, "sh", "100.00") == {"bonus": 2_000, "rule": "上海今天"}
    assert in_chengdu["data"]["recharge"]["transfer"]["details"]["rule"] == "成都专享"


async def test_a_deactivated_rule_pays_no_more_bonus_and_is_listed_only_on_request(api, org, wallet):
    hq = await api.login("hq.admin")
    created = await hq(CREATE_RULE, input={"name": "充100送10", "minAmount": "100.00", "bonusAmount": "10.00"})
    rule_id = created["data"]["createRechargeRule"]["rechargeRule"]["id"]
    clerk = await api.login("sh001.clerk")
    before = await _bonus(clerk, "r1", "100.00")

    deactivated = await hq(DEACTIVATE_RULE, id=rule_id)
    again = await hq(DEACTIVATE_RULE, id=rule_id)
    after = await _bonus(clerk, "r2", "100.00")

    assert deactivated["data"]["deactivateRechargeRule"] == {
        "rechargeRule": {"name": "充100送10", "isActive": False},
        "errors": [],
    }
    assert again["data"]["deactivateRechargeRule"]["errors"] == [
        {"field": ["id"], "code": "INVALID", "message": "The recharge rule is already inactive."}
    ]
    assert (before, after) == ({"bonus": 1_000, "rule": "充100送10"}, {"bonus": 0, "rule": None})
    assert (await hq(LIST, all=False))["data"]["rechargeRules"] == []
    assert [r["name"] for r in (await hq(LIST, all=True))["data"]["rechargeRules"]] == ["充100送10"]
    assert await AuditEntry.filter(action="recharge_rule.deactivate").count() == 1


async def test_deactivating_an_unknown_rule_is_not_found(api, org):
    hq = await api.login("hq.admin")

    body = await hq(DEACTIVATE_RULE, id=gid("RechargeRule", 999))

    assert body["data"]["deactivateRechargeRule"]["errors"] == [
        {"field": ["id"], "code": "NOT_FOUND", "message": "Recharge rule not found."}
    ]
