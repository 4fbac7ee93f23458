from __future__ import annotations

import pytest

from server.core.errors import DomainError, ErrorCode
from server.member.services import MemberDraft, create_member
from server.points.services import lots_of
from tests.server.points.conftest import give


async def test_staff_who_manage_the_member_read_their_lots(org, wallet):
    await give(org, wallet.member.id, 100)
    await give(org, wallet.member.id, 50)

    for who in ("hq.admin", "east.manager", "sh001.clerk"):
        query = await lots_of(org.actors[who], wallet.member.id)
        assert [lot.amount for lot in await query.order_by("id")] == [100, 50]


async def test_staff_outside_the_members_scope_may_not_read_their_lots(org, wallet):
    outsider = await create_member(
        org.actors["hq.admin"], MemberDraft(name="西部会员", phone="13700009999", home_store_id=org.stores["CD001"].id)
    )

    for who in ("east.manager", "sh001.clerk"):
        with pytest.raises(DomainError) as caught:
            await lots_of(org.actors[who], outsider.id)
        assert (caught.value.code, caught.value.field) == (ErrorCode.PERMISSION_DENIED, ["memberId"])


async def test_reading_the_lots_of_an_unknown_member_is_not_found(org, wallet):
    with pytest.raises(DomainError) as caught:
        await lots_of(org.actors["hq.admin"], wallet.member.id + 100)

    assert (caught.value.code, caught.value.field) == (ErrorCode.NOT_FOUND, ["memberId"])
