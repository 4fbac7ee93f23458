"""Issuing under concurrency: the template's quantity and each member's limit hold when several
issues (HQ's, or points redemptions at tills) run at once. On PostgreSQL the calls really overlap."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from server.config import Settings
from server.core.errors import DomainError, ErrorCode
from server.coupon.models import Coupon, CouponKind, CouponTemplate
from server.coupon.services import TemplateDraft, create_template, issue

POOL = 20


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A pool big enough that the calls run side by side on PostgreSQL (SQLite ignores it)."""
    if settings.database_url.startswith("sqlite"):
        return settings
    return replace(settings, database_url=f"{settings.database_url}?minsize=1&maxsize={POOL}")


async def _at_once(calls):
    results = await asyncio.gather(*calls, return_exceptions=True)
    unexpected = [r for r in results if isinstance(r, BaseException) and not isinstance(r, DomainError)]
    assert unexpected == []
    return [r for r in results if not isinstance(r, BaseException)], [r for r in results if isinstance(r, DomainError)]


async def test_concurrent_issues_to_one_member_never_pass_the_per_member_limit(org, wallet):
    hq = org.actors["hq.admin"]
    template = await create_template(
        hq, TemplateDraft(name="券", kind=CouponKind.GIFT, value=0, valid_days=7, per_member_limit=2)
    )

    issued, refused = await _at_once([issue(hq, template.id, [wallet.member.id]) for _ in range(10)])

    assert (len(issued), len(refused)) == (2, 8)
    assert {e.code for e in refused} == {ErrorCode.INVALID}
    assert await Coupon.filter(member_id=wallet.member.id).count() == 2
    assert (await CouponTemplate.get(id=template.id)).issued_count == 2


async def test_concurrent_issues_never_pass_the_quantity(org, people):
    hq = org.actors["hq.admin"]
    template = await create_template(
        hq, TemplateDraft(name="限量", kind=CouponKind.GIFT, value=0, valid_days=7, quantity=2)
    )
    members = [m.id for m in people.by_store.values()]

    issued, refused = await _at_once([issue(hq, template.id, [m]) for m in members for _ in range(3)])

    assert (len(issued), len(refused)) == (2, 7)
    assert await Coupon.all().count() == 2
    assert (await CouponTemplate.get(id=template.id)).issued_count == 2
