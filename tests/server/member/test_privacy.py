"""The deletion right: anonymizing erases the member's personal data everywhere it is kept and
keeps the ledger sound; refused while the chain still owes the member anything."""

from __future__ import annotations

from typing import Any

import pytest

from server.audit.models import AuditEntry
from server.card.services import cancel_card
from server.care.feedback import FeedbackDraft, change_status, open_feedback
from server.care.follow_ups import FollowUpDraft, record_follow_up
from server.care.models import (
    ContactChannel,
    Feedback,
    FeedbackKind,
    FeedbackStatus,
    FollowUp,
    FollowUpOutcome,
)
from server.core.crypto import pii
from server.core.errors import DomainError, ErrorCode, ErrorReason
from server.delivery.models import Delivery, Purpose
from server.ledger.models import Operation
from server.member.models import Gender, Member, MemberStatus
from server.member.privacy import ANONYMIZED_NAME, anonymize_member
from server.member.services import MemberDraft, create_member, lookup_member, update_member
from server.points.services import AdjustRequest, adjust_points
from server.tag.models import MemberTag
from server.tag.services import create_tag, tag_member
from tests.server.audit.recorded import database_rows
from tests.server.wallet.conftest import Wallet, fund, key

PHONE = "13900001111"


async def traces(org: Any, wallet: Wallet) -> None:
    """Personal data about the member beside the profile: a tag, a follow-up, a complaint, a message."""
    hq, clerk = org.actors["hq.admin"], org.actors["sh001.clerk"]
    member_id = wallet.member.id
    tag = await create_tag(hq, "爱喝咖啡")
    await tag_member(hq, member_id, tag.id)
    await record_follow_up(
        clerk, FollowUpDraft(member_id, ContactChannel.PHONE, FollowUpOutcome.REACHED, notes="顾客说住在静安区")
    )
    feedback = await open_feedback(
        clerk, FeedbackDraft(member_id, FeedbackKind.COMPLAINT, "顾客 13900001111 投诉", content="电话回访")
    )
    await change_status(clerk, feedback.id, FeedbackStatus.IN_PROGRESS, "已联系顾客 13900001111")
    await Delivery.create(
        key="notice:1",
        member_id=member_id,
        purpose=Purpose.TRANSACTIONAL,
        params={"name": "顾客"},
        subject="您好 顾客",
        body="顾客您好",
    )


async def test_anonymizing_erases_personal_data_and_keeps_the_ledger(org: Any, wallet: Wallet) -> None:
    # given: a member who paid and was paid back, with traces everywhere
    await fund(org, wallet, 10_000)
    await cancel_card(org.actors["sh001.clerk"], "C0001", "会员注销", refund_balance=True)
    await traces(org, wallet)
    operations = await Operation.filter(member_id=wallet.member.id).count()

    # when
    member = await anonymize_member(org.actors["hq.admin"], wallet.member.id, "会员申请删除个人信息")

    # then
    assert member.status == MemberStatus.ANONYMIZED and member.name == ANONYMIZED_NAME
    assert (member.phone_encrypted, member.phone_suffix, member.email) == ("", "", "")
    assert (member.birthday, member.anniversary, member.gender, member.attributes) == (None, None, Gender.UNKNOWN, {})
    assert member.member_no == wallet.member.member_no and member.home_store_id == org.stores["SH001"].id
    assert await MemberTag.filter(member_id=member.id).count() == 0
    assert (await FollowUp.get(member_id=member.id)).notes == ""
    feedback = await Feedback.get(member_id=member.id)
    assert (feedback.subject, feedback.content) == ("—", "")
    delivery = await Delivery.get(member_id=member.id)
    assert (delivery.params, delivery.subject, delivery.body) == ({}, "", "")
    assert await Operation.filter(member_id=member.id).count() == operations
    rows = repr(await database_rows())
    assert PHONE not in rows and "顾客" not in rows and pii().blind_index(PHONE) not in rows


async def test_the_phone_is_free_for_a_new_member_and_finds_nobody_old(org: Any, wallet: Wallet) -> None:
    # given
    await cancel_card(org.actors["sh001.clerk"], "C0001")
    await anonymize_member(org.actors["hq.admin"], wallet.member.id, "删除")

    # when
    found = await lookup_member(org.actors["hq.admin"], phone=PHONE)
    newcomer = await create_member(
        org.actors["hq.admin"], MemberDraft(name="新顾客", phone=PHONE, home_store_id=org.stores["SH001"].id)
    )

    # then
    assert found is None
    assert newcomer.id != wallet.member.id


async def test_the_audit_keeps_the_reason_not_the_erased_values(org: Any, wallet: Wallet) -> None:
    # given
    await cancel_card(org.actors["sh001.clerk"], "C0001")

    # when
    await anonymize_member(org.actors["hq.admin"], wallet.member.id, "会员申请删除个人信息")

    # then
    entry = await AuditEntry.get(action="member.anonymize")
    assert entry.actor_name == "hq.admin" and entry.target_id == str(wallet.member.id)
    assert entry.after is not None and entry.after["reason"] == "会员申请删除个人信息"
    assert entry.after["status"] == "ANONYMIZED"
    assert PHONE not in repr(entry.before) and "顾客" not in repr(entry.before)


@pytest.mark.parametrize("owed", ["active card", "points"])
async def test_refused_while_the_chain_owes_the_member_anything(org: Any, wallet: Wallet, owed: str) -> None:
    # given
    if owed == "points":
        await cancel_card(org.actors["sh001.clerk"], "C0001")
        await adjust_points(org.actors["hq.admin"], AdjustRequest(wallet.member.id, 300, "补偿", key()))

    # when
    with pytest.raises(DomainError) as refused:
        await anonymize_member(org.actors["hq.admin"], wallet.member.id, "删除")

    # then
    assert refused.value.code is ErrorCode.INVALID and refused.value.field == ["id"]
    assert ("cards" if owed == "active card" else "300 points") in refused.value.message
    assert refused.value.reason is (
        ErrorReason.MEMBER_HAS_OPEN_CARDS if owed == "active card" else ErrorReason.MEMBER_HOLDS_POINTS
    )
    member = await Member.get(id=wallet.member.id)
    assert member.status == MemberStatus.ACTIVE and member.name == "顾客"
    assert await AuditEntry.filter(action="member.anonymize").count() == 0


async def test_only_hq_anonymizes_and_only_once(org: Any, wallet: Wallet) -> None:
    # given
    await cancel_card(org.actors["sh001.clerk"], "C0001")

    # when / then
    for actor in ("east.manager", "sh001.clerk"):
        with pytest.raises(DomainError) as refused:
            await anonymize_member(org.actors[actor], wallet.member.id, "删除")
        assert refused.value.code is ErrorCode.PERMISSION_DENIED
    with pytest.raises(DomainError) as blank:
        await anonymize_member(org.actors["hq.admin"], wallet.member.id, "  ")
    assert blank.value.field == ["reason"]
    await anonymize_member(org.actors["hq.admin"], wallet.member.id, "删除")
    with pytest.raises(DomainError) as again:
        await anonymize_member(org.actors["hq.admin"], wallet.member.id, "删除")
    assert again.value.code is ErrorCode.INVALID


async def test_an_anonymized_member_cannot_be_given_personal_data_again(org: Any, wallet: Wallet) -> None:
    # given
    await cancel_card(org.actors["sh001.clerk"], "C0001")
    await anonymize_member(org.actors["hq.admin"], wallet.member.id, "删除")

    # when
    with pytest.raises(DomainError) as refused:
        await update_member(org.actors["hq.admin"], wallet.member.id, {"name": "顾客", "phone": PHONE})

    # then
    assert refused.value.code is ErrorCode.INVALID and refused.value.field == ["id"]
    assert (await Member.get(id=wallet.member.id)).name == ANONYMIZED_NAME
