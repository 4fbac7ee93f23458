"""The bar: every rule's compiled SQL selects exactly the members a brute-force Python evaluation
over the same data selects, on the database the suite runs on (SQLite or PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from server.access.policy import OrgScope
from server.core.clock import business_today, now
from server.segment.compiler import compile_rule, parse_rule
from server.core.sql import fetch
from tests.server.segment.brute_force import brute_force, load_facts


def _battery(org: Any, crowd: Any) -> list[dict[str, Any]]:
    today = business_today()
    days = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731
    gold, silver = crowd.tiers["金卡"].id, crowd.tiers["银卡"].id
    coffee, dessert, breakfast = (crowd.tags[n].id for n in ("咖啡", "甜品", "早餐"))
    east, west = org.regions["EAST"].id, org.regions["WEST"].id
    first_campaign, second_campaign = crowd.campaigns
    return [
        {"gender": ["FEMALE"]},
        {"not": {"gender": ["FEMALE"]}},
        {"age": {"min": 30, "max": 50}},
        {"not": {"age": {"min": 40}}},
        {"birthdayMonths": [1, 2, 3, 12]},
        {"tiers": [gold]},
        {"not": {"tiers": [silver]}},
        {"homeStores": [org.stores["SH001"].id]},
        {"regions": [east]},
        {"tags": {"match": "ANY", "ids": [coffee, dessert]}},
        {"tags": {"match": "ALL", "ids": [coffee, dessert]}},
        {"tags": {"match": "NONE", "ids": [breakfast]}},
        {"registered": {"from": days(365)}},
        {"registered": {"to": days(200)}},
        {"registered": {"from": days(500), "to": days(100)}},
        {"lastVisit": {"from": days(30)}},
        {"not": {"lastVisit": {"from": days(30)}}},
        {"lastVisit": {"to": days(20)}},
        {"spend": {"days": 30, "min": 2000}},
        {"spend": {"days": 90, "max": 3000}},
        {"spend": {"days": 365, "min": 0, "max": 0}},
        {"visits": {"days": 60, "min": 2}},
        {"visits": {"days": 30, "max": 0}},
        {"points": {"min": 100}},
        {"points": {"max": 0}},
        {"balance": {"min": 10000}},
        {"balance": {"min": 5000, "max": 15000}},
        {"not": {"balance": {"max": 0}}},
        {"rfmGroups": ["IMPORTANT_VALUE", "GENERAL_RETAIN"]},
        {"campaignReceived": [first_campaign]},
        {"campaignReceived": [first_campaign, second_campaign]},
        {"not": {"campaignReceived": [second_campaign]}},
        {"campaignConverted": [first_campaign]},
        {"campaignConverted": [second_campaign]},
        {"not": {"campaignConverted": [first_campaign, second_campaign]}},
        {"and": [{"campaignReceived": [first_campaign]}, {"not": {"campaignConverted": [first_campaign]}}]},
        {
            "and": [
                {"gender": ["FEMALE", "UNKNOWN"]},
                {"or": [{"tags": {"match": "ANY", "ids": [coffee]}}, {"not": {"visits": {"days": 90, "min": 1}}}]},
                {"not": {"regions": [west]}},
            ]
        },
        {"or": [{"and": [{"age": {"min": 30}}, {"balance": {"min": 1}}]}, {"and": [{"not": {"tiers": [gold]}}, {"points": {"min": 1}}]}]},
        {"not": {"not": {"homeStores": [org.stores["CD001"].id]}}},
        {"and": [{"gender": ["MALE"]}, {"gender": ["FEMALE"]}]},
        {"age": {"min": 150}},
    ]


async def _selected(rule: dict[str, Any], at: Any, scope: OrgScope = OrgScope()) -> set[int]:
    rows = await fetch(compile_rule(parse_rule(rule), at=at, scope=scope).ids())
    return {int(r["id"]) for r in rows}


async def test_compiled_rules_select_what_brute_force_selects(org, crowd):
    at = now()
    facts = await load_facts()
    battery = _battery(org, crowd)

    results = {repr(rule): (await _selected(rule, at), brute_force(rule, facts, at)) for rule in battery}

    assert {rule: sql for rule, (sql, brute) in results.items() if sql != brute} == {}
    sizes = [len(brute) for _, brute in results.values()]
    assert sizes.count(0) >= 2 and sum(1 for s in sizes if 0 < s < 23) >= 25


async def test_a_scope_limits_the_selection_to_its_region_or_store(org, crowd):
    at = now()
    facts = await load_facts()
    rule = {"not": {"gender": ["MALE"]}}

    in_east = await _selected(rule, at, OrgScope(region_id=org.regions["EAST"].id))
    at_cd001 = await _selected(rule, at, OrgScope(store_id=org.stores["CD001"].id))

    assert in_east == brute_force({"and": [rule, {"regions": [org.regions["EAST"].id]}]}, facts, at)
    assert at_cd001 == brute_force({"and": [rule, {"homeStores": [org.stores["CD001"].id]}]}, facts, at)
    assert in_east and at_cd001 and not in_east & at_cd001


async def test_a_saved_rule_reads_back_as_the_same_rule(org, crowd):
    for rule in _battery(org, crowd):
        parsed = parse_rule(rule)
        assert parse_rule(parsed.to_json()) == parsed


def test_the_selection_nests_as_a_subquery_with_numbered_parameters():
    selection = compile_rule(parse_rule({"gender": ["FEMALE"]}), dialect="postgres")

    text, params = (selection.ids()).render("postgres", start=3)

    assert text == "SELECT m.id FROM member m WHERE m.status = $3 AND (m.gender IN ($4))"
    assert params == ["ACTIVE", "FEMALE"]
