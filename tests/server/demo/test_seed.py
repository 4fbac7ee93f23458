from __future__ import annotations

from collections import Counter
from datetime import date

from server.access.models import Role, Staff
from server.access.sessions import login
from server.audit.models import AuditEntry
from server.config import Settings
from server.demo.brand import ACCOUNTS, TAGS
from server.demo.people import demo_members
from server.demo.seed import seed_demo
from server.ledger.models import Operation
from server.ledger.verify import verify_ledger
from server.member.models import Member
from server.member.phone import normalize_phone
from server.org.models import Region, Store
from server.tag.models import MemberTag, Tag
from server.tier.models import Tier


def test_demo_members_are_the_same_every_time_with_unique_valid_phones() -> None:
    # when
    members = demo_members()
    # then
    assert members == demo_members()
    assert len(members) == 200
    phones = [m.phone for m in members]
    assert [normalize_phone(p) for p in phones] == phones
    assert len(set(phones)) == 200
    assert all(2 <= len(m.name) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in m.name) for m in members)
    assert all(date(1956, 1, 1) <= m.birthday <= date(2007, 12, 31) for m in members)
    assert {m.store_code for m in members} == {"SH001", "SH002", "HZ001", "GZ001", "SZ001"}
    assert all(m.referrer is None or m.referrer < i for i, m in enumerate(members))


async def test_seed_demo_builds_the_demo_brand_with_200_members(db: None, settings: Settings) -> None:
    # when
    report = await seed_demo()
    # then
    planned = demo_members()
    operations = report.created.pop("operations")
    assert report.created == Counter(regions=2, stores=5, staff=5, tiers=4, tags=8, members=200, cards=200)
    assert operations == await Operation.all().count()
    assert await Operation.filter(kind="RECHARGE").count() == 200
    assert await Operation.filter(kind="CONSUME").count() > 200
    assert await Operation.filter(kind="REFUND").count() > 0
    assert await verify_ledger() == []
    assert report.skipped == Counter()
    assert await Region.all().order_by("code").values_list("code", flat=True) == ["EAST", "SOUTH"]
    stores = await Store.all().select_related("region").order_by("code")
    assert [(s.code, s.region.code) for s in stores] == [
        ("GZ001", "SOUTH"),
        ("HZ001", "EAST"),
        ("SH001", "EAST"),
        ("SH002", "EAST"),
        ("SZ001", "SOUTH"),
    ]
    staff = await Staff.all().select_related("region", "store").order_by("id")
    assert [(s.username, Role(s.role), s.region and s.region.code, s.store and s.store.code) for s in staff] == [
        ("hq.admin", Role.HQ, None, None),
        ("east.manager", Role.REGION, "EAST", None),
        ("sh001.clerk", Role.STORE, "EAST", "SH001"),
        ("south.manager", Role.REGION, "SOUTH", None),
        ("gz001.clerk", Role.STORE, "SOUTH", "GZ001"),
    ]
    tiers = await Tier.all().order_by("rank")
    assert [(t.name, t.discount_percent, t.points_multiplier_pct) for t in tiers] == [
        ("普通", 100, 100),
        ("银卡", 98, 120),
        ("金卡", 95, 150),
        ("白金", 90, 200),
    ]
    assert await Tag.all().count() == len(TAGS)
    members = await Member.all().select_related("home_store").order_by("id")
    assert [m.name for m in members] == [p.name for p in planned]
    assert Counter(m.home_store.code for m in members) == Counter(p.store_code for p in planned)
    assert {m.tier_id for m in members} == {tiers[0].id}
    assert await MemberTag.all().count() == sum(len(p.tag_names) for p in planned)
    assert await Member.filter(referrer_id__not_isnull=True).count() == sum(p.referrer is not None for p in planned)
    for username in ("hq.admin", "east.manager", "sh001.clerk"):
        _, signed_in = await login(settings, username, "tessera-demo")
        assert signed_in.username == username


async def test_demo_accounts_sign_in_with_a_chosen_password(db: None, settings: Settings) -> None:
    # given
    await seed_demo("another-demo-pass", members=3)
    # when / then
    for account in ACCOUNTS:
        token, staff = await login(settings, account.username, "another-demo-pass")
        assert token
        assert staff.username == account.username


async def test_seeding_twice_creates_nothing_the_second_time(db: None) -> None:
    # given
    first = await seed_demo(members=20)
    audit_entries = await AuditEntry.all().count()
    # when
    second = await seed_demo(members=20)
    # then
    assert second.created == Counter()
    assert second.skipped == first.created
    assert await Member.all().count() == 20
    assert await Staff.all().count() == 5
    assert await MemberTag.all().count() == sum(len(p.tag_names) for p in demo_members(20))
    assert await AuditEntry.all().count() == audit_entries
