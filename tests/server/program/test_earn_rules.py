"""Earn rules: one per store and at most one brand default, held by the database itself."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from tortoise.exceptions import IntegrityError

from server.config import Settings
from server.program.models import EarnRule
from server.program.services import set_earn_rule
from tests.conftest import ON_POSTGRES

CALLS = 6


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A pool big enough that concurrent calls really run side by side on PostgreSQL."""
    if not ON_POSTGRES:
        return settings
    return replace(settings, database_url=f"{settings.database_url}?minsize=1&maxsize={CALLS * 2}")


async def test_the_database_refuses_a_second_brand_default_rule(db):
    await EarnRule.create(store_id=None, points_per_yuan=1)

    with pytest.raises(IntegrityError):
        await EarnRule.create(store_id=None, points_per_yuan=2)

    assert [(r.store_id, r.points_per_yuan) for r in await EarnRule.all()] == [(None, 1)]


async def test_the_database_refuses_a_second_rule_for_one_store(org):
    store_id = org.stores["SH001"].id
    await EarnRule.create(store_id=store_id, points_per_yuan=1)
    await EarnRule.create(store_id=None, points_per_yuan=1)

    with pytest.raises(IntegrityError):
        await EarnRule.create(store_id=store_id, points_per_yuan=2)

    assert await EarnRule.all().count() == 2


async def test_setting_the_brand_default_twice_replaces_it(org):
    hq = org.actors["hq.admin"]

    first = await set_earn_rule(hq, None, 2)
    second = await set_earn_rule(hq, None, 3)

    assert second.id == first.id
    assert [(r.store_id, r.points_per_yuan) for r in await EarnRule.all()] == [(None, 3)]


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serializes writers on one connection: no race to lose there")
async def test_concurrent_settings_of_the_brand_default_leave_one_rule(org):
    hq = org.actors["hq.admin"]

    results = await asyncio.gather(*(set_earn_rule(hq, None, n) for n in range(1, CALLS + 1)), return_exceptions=True)

    assert [r for r in results if isinstance(r, BaseException)] == []
    rules = await EarnRule.filter(store_id=None)
    assert len(rules) == 1
    assert {r.id for r in results} == {rules[0].id}
    assert rules[0].points_per_yuan in range(1, CALLS + 1)
