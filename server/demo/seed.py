"""Loads the demo brand through the domain services, acting as the demo HQ account.

Going through the services keeps the demo honest: phones are encrypted and indexed, every change
is audited, and nothing exists that the API could not have created. Re-running skips whatever
already exists (matched by username, code, name or phone), so it never fails or duplicates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from server.access.models import Staff
from server.access.policy import Actor
from server.access.services import StaffScope, create_staff
from server.access.sessions import actor_for
from server.demo.brand import DEMO_PASSWORD, HQ_ACCOUNT, REGIONS, SCOPED_ACCOUNTS, TAGS, TIERS, AccountSpec
from server.demo.people import DEMO_MEMBER_COUNT, DemoMember, demo_members
from server.core.crypto import pii
from server.demo.history import seed_history
from server.member.models import Member
from server.member.services import MemberDraft, create_member, lookup_member
from server.org.models import Region, Store
from server.org.services import create_region, create_store
from server.tag.models import Tag
from server.tag.services import create_tag, tag_member
from server.tier.models import Tier
from server.tier.services import create_tier


@dataclass
class SeedReport:
    """How many of each kind of thing the run created, and how many it found already there."""

    created: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def count(self, kind: str, created: bool) -> None:
        (self.created if created else self.skipped)[kind] += 1


async def _staff(hq: Actor | None, account: AccountSpec, password: str, report: SeedReport) -> Staff:
    existing = await Staff.get_or_none(username=account.username)
    report.count("staff", existing is None)
    if existing is not None:
        return existing
    region = await Region.get(code=account.region_code) if account.region_code else None
    store = await Store.get(code=account.store_code) if account.store_code else None
    scope = StaffScope(account.role, region_id=region.id if region else None, store_id=store.id if store else None)
    return await create_staff(
        hq, account.username, password, scope, display_name=account.display_name, system=hq is None
    )


async def _org(hq: Actor, report: SeedReport) -> dict[str, Store]:
    stores: dict[str, Store] = {}
    for region_spec in REGIONS:
        region = await Region.get_or_none(code=region_spec.code)
        report.count("regions", region is None)
        if region is None:
            region = await create_region(hq, region_spec.code, region_spec.name)
        for spec in region_spec.stores:
            store = await Store.get_or_none(code=spec.code)
            report.count("stores", store is None)
            stores[spec.code] = store or await create_store(hq, spec.code, spec.name, region.id, spec.address)
    return stores


async def _catalogue(hq: Actor, report: SeedReport) -> dict[str, Tag]:
    """Tiers and tags; returns the tags by name."""
    for draft in TIERS:
        exists = await Tier.exists(name=draft.name)
        report.count("tiers", not exists)
        if not exists:
            await create_tier(hq, draft)
    tags: dict[str, Tag] = {}
    for spec in TAGS:
        tag = await Tag.get_or_none(name=spec.name)
        report.count("tags", tag is None)
        tags[spec.name] = tag or await create_tag(hq, spec.name, spec.color, spec.description)
    return tags


async def _members(
    hq: Actor, people: list[DemoMember], stores: dict[str, Store], tags: dict[str, Tag], report: SeedReport
) -> None:
    ids: list[int] = []
    for person in people:
        member = await lookup_member(hq, phone=person.phone)
        report.count("members", member is None)
        if member is None:
            member = await create_member(
                hq,
                MemberDraft(
                    name=person.name,
                    phone=person.phone,
                    home_store_id=stores[person.store_code].id,
                    gender=person.gender,
                    birthday=person.birthday,
                    anniversary=person.anniversary,
                    email=person.email,
                    channel=person.channel,
                    referrer_id=ids[person.referrer] if person.referrer is not None else None,
                    marketing_consent=person.marketing_consent,
                ),
            )
            for name in person.tag_names:
                await tag_member(hq, member.id, tags[name].id)
        ids.append(member.id)


async def seed_demo(password: str = DEMO_PASSWORD, *, members: int = DEMO_MEMBER_COUNT) -> SeedReport:
    """Creates the demo brand in an initialised database; the password is every demo account's."""
    report = SeedReport()
    hq = actor_for(await _staff(None, HQ_ACCOUNT, password, report))
    stores = await _org(hq, report)
    for account in SCOPED_ACCOUNTS:
        await _staff(hq, account, password, report)
    tags = await _catalogue(hq, report)
    await _members(hq, demo_members(members), stores, tags, report)
    people = await Member.filter(phone_index__in=[pii().blind_index(p.phone) for p in demo_members(members)]).order_by("id")
    await seed_history(hq, people, list(stores.values()), report)
    return report
