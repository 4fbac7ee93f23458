"""Referral codes: short, stable, unique, unrelated to member numbers; registering with one
links the referrer, an unknown one is INVALID and registers nobody."""

from __future__ import annotations

import pytest

from server.core.errors import DomainError, ErrorCode
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from server.referral.codes import ALPHABET, code_of, codes_for
from server.referral.models import ReferralCode


async def test_every_member_gets_a_short_code_that_never_changes(people) -> None:
    # given three members who never had a code
    ids = [m.id for m in people.by_store.values()]
    # when
    first = await codes_for(ids)
    again = await codes_for(ids)
    # then
    assert first == again
    assert len(set(first.values())) == 3
    assert all(len(code) == 8 and set(code) <= set(ALPHABET) for code in first.values())
    assert await ReferralCode.all().count() == 3
    assert all(code not in m.member_no for m, code in zip(people.by_store.values(), first.values(), strict=True))


async def test_a_member_registered_with_a_code_is_linked_to_the_referrer(org, people) -> None:
    # given
    referrer = people.by_store["SH001"]
    code = await code_of(referrer.id)
    # when (typed loosely, as customers do)
    member = await create_member(
        org.actors["sh001.clerk"], MemberDraft(name="新会员", phone="13900004444", referral_code=f" {code[:4].lower()}-{code[4:]} ")
    )
    # then
    assert (await Member.get(id=member.id)).referrer_id == referrer.id


async def test_an_unknown_code_is_invalid_and_registers_nobody(org, people) -> None:
    # given
    await code_of(people.by_store["SH001"].id)
    before = await Member.all().count()
    # when
    with pytest.raises(DomainError) as refused:
        await create_member(org.actors["sh001.clerk"], MemberDraft(name="新会员", phone="13900004444", referral_code="ZZZZZZZZ"))
    # then
    assert (refused.value.code, refused.value.field) == (ErrorCode.INVALID, ["referralCode"])
    assert await Member.all().count() == before
