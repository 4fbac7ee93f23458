"""Audit entries: who (actor, role, region, store, IP), what, and only what changed — with members'
personal data masked before it is written."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from server.access.models import Role
from server.access.services import StaffScope, create_staff
from server.audit.services import changed_only
from server.member.services import MemberDraft, create_member, update_member
from tests.conftest import PASSWORD
from tests.server.audit.recorded import audit_mark, entries_since


def _draft(org: Any) -> MemberDraft:
    return MemberDraft(
        name="张三丰",
        phone="13812345678",
        home_store_id=org.stores["SH001"].id,
        birthday=date(1990, 5, 17),
        email="zhang.sf@example.com",
    )


async def test_member_registration_is_audited_with_personal_data_masked(org: Any) -> None:
    # given
    clerk = dataclasses.replace(org.actors["sh001.clerk"], ip="203.0.113.7")
    mark = await audit_mark()

    # when
    member = await create_member(clerk, _draft(org))

    # then
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_type, entry.target_id) == ("member.create", "Member", str(member.id))
    assert entry.before is None
    assert entry.after == {
        "member_no": member.member_no,
        "name": "张**",
        "phone": "138****5678",
        "gender": "UNKNOWN",
        "birthday": "****-05-17",
        "anniversary": None,
        "email": "z***@example.com",
        "home_store_id": org.stores["SH001"].id,
        "marketing_consent": False,
        "status": "ACTIVE",
        "tier_id": None,
    }
    assert "13812345678" not in repr(entry.after)


async def test_member_update_audit_holds_only_the_changed_fields_masked(org: Any) -> None:
    # given
    hq = org.actors["hq.admin"]
    member = await create_member(hq, _draft(org))
    mark = await audit_mark()

    # when
    await update_member(hq, member.id, {"phone": "13987654321", "name": "李四"})

    # then
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_id) == ("member.update", str(member.id))
    assert (entry.before, entry.after) == (
        {"name": "张**", "phone": "138****5678"},
        {"name": "李*", "phone": "139****4321"},
    )


@pytest.mark.parametrize(
    ("username", "region", "store"),
    [("hq.admin", None, None), ("east.manager", "EAST", None), ("sh001.clerk", "EAST", "SH001")],
)
async def test_entry_records_the_actor_role_region_store_and_ip(
    org: Any, username: str, region: str | None, store: str | None
) -> None:
    # given
    actor = dataclasses.replace(org.actors[username], ip="198.51.100.23")
    mark = await audit_mark()

    # when
    await create_member(actor, _draft(org))

    # then
    [entry] = await entries_since(mark)
    assert (entry.actor_id, entry.actor_name, entry.role) == (actor.staff_id, username, actor.role.value)
    assert entry.region_id == (org.regions[region].id if region else None)
    assert entry.store_id == (org.stores[store].id if store else None)
    assert entry.ip == "198.51.100.23"


async def test_system_actions_are_audited_without_an_actor(org: Any) -> None:
    # given
    mark = await audit_mark()

    # when
    staff = await create_staff(None, "ops.bot", PASSWORD, StaffScope(Role.HQ), system=True)

    # then
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_id) == ("staff.create", str(staff.id))
    assert (entry.actor_id, entry.actor_name, entry.role, entry.region_id, entry.store_id, entry.ip) == (
        None,
        "",
        "",
        None,
        None,
        "",
    )


def test_changed_only_keeps_the_keys_whose_value_changed() -> None:
    # when
    before, after = changed_only({"a": 1, "b": [1], "c": None}, {"a": 1, "b": [1, 2], "c": "x", "d": None})

    # then
    assert (before, after) == ({"b": [1], "c": None}, {"b": [1, 2], "c": "x"})
