from __future__ import annotations

from server.audit.models import AuditEntry
from server.core.crypto import pii
from server.member.models import Member
from server.tier.services import TierDraft, create_tier
from tests.schema.member.conftest import CREATE, gid


async def test_hq_registers_a_member_at_any_store(api, org):
    hq = await api.login("hq.admin")
    await create_tier(org.actors["hq.admin"], TierDraft("银卡", 2))
    await create_tier(org.actors["hq.admin"], TierDraft("普通", 1))

    body = await hq(
        CREATE,
        input={
            "name": "张三",
            "phone": "+86 138 0013 8000",
            "homeStoreId": gid("Store", org.stores["CD001"].id),
            "birthday": "1990-05-17",
            "email": "zhang@example.com",
        },
    )

    payload = body["data"]["createMember"]
    assert payload["errors"] == []
    member = payload["member"]
    assert member["name"] == "张三"
    assert member["phone"] == "13800138000"
    assert member["birthday"] == "1990-05-17"
    assert member["birthdayMonthDay"] == "05-17"
    assert member["homeStore"] == {"code": "CD001"}
    assert member["tier"] == {"name": "普通"}
    assert member["view"] == "FULL"
    assert len(member["memberNo"]) == 12


async def test_a_phone_is_stored_encrypted_with_a_blind_index_and_suffix(api, org):
    hq = await api.login("hq.admin")

    await hq(CREATE, input={"name": "李四", "phone": "13800138001", "homeStoreId": gid("Store", org.stores["SH001"].id)})

    row = await Member.get(name="李四")
    assert "13800138001" not in row.phone_encrypted
    assert row.phone_index == pii().blind_index("13800138001")
    assert row.phone_suffix == "8001"
    assert pii().decrypt(row.phone_encrypted) == "13800138001"


async def test_a_store_clerk_registers_at_their_own_store_by_default_and_sees_the_phone_masked(api, org):
    clerk = await api.login("sh001.clerk")

    body = await clerk(CREATE, input={"name": "王五", "phone": "13800138002"})

    member = body["data"]["createMember"]["member"]
    assert member["homeStore"] == {"code": "SH001"}
    assert member["phone"] == "138****8002"
    assert member["view"] == "MASKED"
    assert body["data"]["createMember"]["errors"] == []


async def test_a_duplicate_phone_in_another_format_is_refused_and_nothing_is_written(api, org, people):
    hq = await api.login("hq.admin")
    before = await Member.all().count()

    body = await hq(
        CREATE,
        input={"name": "重复", "phone": "+86 138-1234-5678", "homeStoreId": gid("Store", org.stores["SH002"].id)},
    )

    assert body["data"]["createMember"] == {
        "member": None,
        "errors": [{"field": ["phone"], "code": "DUPLICATE_PHONE", "message": "A member with this phone already exists."}],
    }
    assert await Member.all().count() == before


async def test_invalid_input_is_refused_field_by_field_and_nothing_is_written(api, org):
    hq = await api.login("hq.admin")
    store = gid("Store", org.stores["SH001"].id)
    cases = [
        ({"name": "", "phone": "13800138003", "homeStoreId": store}, ["name"]),
        ({"name": "x" * 101, "phone": "13800138003", "homeStoreId": store}, ["name"]),
        ({"name": "好人", "phone": "12345", "homeStoreId": store}, ["phone"]),
        ({"name": "好人", "phone": "13800138003", "homeStoreId": store, "email": "not-an-email"}, ["email"]),
        ({"name": "好人", "phone": "13800138003", "homeStoreId": store, "birthday": "2999-01-01"}, ["birthday"]),
        ({"name": "好人", "phone": "13800138003"}, ["homeStoreId"]),
        ({"name": "好人", "phone": "13800138003", "homeStoreId": gid("Tag", 1)}, ["homeStoreId"]),
    ]
    for given, field in cases:
        body = await hq(CREATE, input=given)
        errors = body["data"]["createMember"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(field, "INVALID")], given
    assert await Member.all().count() == 0


async def test_a_clerk_cannot_register_members_at_another_store(api, org):
    clerk = await api.login("sh001.clerk")

    body = await clerk(
        CREATE, input={"name": "外店", "phone": "13800138004", "homeStoreId": gid("Store", org.stores["SH002"].id)}
    )

    assert body["data"]["createMember"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert body["data"]["createMember"]["errors"][0]["field"] == ["homeStoreId"]
    assert await Member.all().count() == 0


async def test_a_region_manager_registers_only_within_their_region(api, org):
    manager = await api.login("east.manager")

    inside = await manager(
        CREATE, input={"name": "东区", "phone": "13800138005", "homeStoreId": gid("Store", org.stores["SH002"].id)}
    )
    outside = await manager(
        CREATE, input={"name": "西区", "phone": "13800138006", "homeStoreId": gid("Store", org.stores["CD001"].id)}
    )

    assert inside["data"]["createMember"]["errors"] == []
    assert inside["data"]["createMember"]["member"]["phone"] == "13800138005"
    assert outside["data"]["createMember"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert await Member.filter(name="西区").count() == 0


async def test_registration_is_audited_with_personal_data_masked(api, org):
    clerk = await api.login("sh001.clerk")

    body = await clerk(CREATE, input={"name": "赵六", "phone": "13800138007", "email": "zhao@example.com"})

    member = await Member.get(name="赵六")
    entry = await AuditEntry.get(action="member.create")
    assert body["data"]["createMember"]["errors"] == []
    assert entry.target_type == "Member"
    assert entry.target_id == str(member.id)
    assert entry.actor_name == "sh001.clerk"
    assert entry.role == "STORE"
    assert entry.store_id == org.stores["SH001"].id
    assert entry.ip == "203.0.113.7"
    assert entry.before is None
    assert entry.after["phone"] == "138****8007"
    assert entry.after["name"] == "赵*"
    assert entry.after["email"] == "z***@example.com"
    assert "13800138007" not in str(entry.after)
