"""me: the signed-in account with its effective permissions; null once the session is gone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from server.access.models import Role, Staff, StaffSession
from server.core.clock import now
from tests.conftest import Api
from tests.schema.access.conftest import ME
from tests.server.access.role_matrix import ROLE_PERMISSIONS

ACCOUNTS = [
    ("hq.admin", Role.HQ, None, None),
    ("east.manager", Role.REGION, "EAST", None),
    ("sh001.clerk", Role.STORE, "EAST", "SH001"),
    ("cd001.clerk", Role.STORE, "WEST", "CD001"),
]


@pytest.mark.parametrize(("username", "role", "region", "store"), ACCOUNTS, ids=[a[0] for a in ACCOUNTS])
async def test_me_shows_each_role_its_account_and_default_permissions(
    api: Api, org: Any, username: str, role: Role, region: str | None, store: str | None
) -> None:
    # given
    client = await api.login(username)

    # when
    body = await client(ME)

    # then
    assert body["data"]["me"] == {
        "username": username,
        "role": role.value,
        "isActive": True,
        "permissions": ROLE_PERMISSIONS[role],
        "region": {"code": region} if region else None,
        "store": {"code": store} if store else None,
    }
    assert "errors" not in body


async def test_me_is_null_without_a_token(api: Api, org: Any) -> None:
    # when
    body = await api(ME)

    # then
    assert body == {"data": {"me": None}}


async def test_unknown_token_is_not_signed_in(api: Api, org: Any) -> None:
    # when
    body = await api.as_("not-a-real-token")(ME)

    # then
    assert body == {"data": {"me": None}}


async def test_expired_session_is_not_signed_in(api: Api, org: Any) -> None:
    # given
    clerk = await api.login("sh001.clerk")
    await StaffSession.filter(staff_id=org.staff["sh001.clerk"].id).update(expires_at=now() - timedelta(seconds=1))

    # when
    body = await clerk(ME)

    # then
    assert body == {"data": {"me": None}}


async def test_deactivated_account_sessions_stop_working(api: Api, org: Any) -> None:
    # given a live session whose account is switched off behind its back
    clerk = await api.login("sh001.clerk")
    await Staff.filter(username="sh001.clerk").update(is_active=False)

    # when
    body = await clerk(ME)

    # then
    assert body == {"data": {"me": None}}
