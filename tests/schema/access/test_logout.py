"""logout: revokes the calling token only, and is audited."""

from __future__ import annotations

from typing import Any

from server.access.models import StaffSession
from tests.conftest import Api
from tests.server.audit.recorded import audit_mark, database_rows, entries_since

LOGOUT = "mutation { logout { ok errors { field code message } } }"


async def test_logout_revokes_the_token(api: Api, org: Any) -> None:
    # given
    clerk = await api.login("sh001.clerk")

    # when
    body = await clerk(LOGOUT)

    # then
    assert body == {"data": {"logout": {"ok": True, "errors": []}}}
    assert await clerk("{ me { username } }") == {"data": {"me": None}}
    denied = await clerk("{ regions { code } }")
    assert denied["data"] is None
    assert [e["extensions"]["code"] for e in denied["errors"]] == ["UNAUTHENTICATED"]
    session = await StaffSession.get(staff_id=org.staff["sh001.clerk"].id)
    assert session.revoked_at is not None


async def test_logout_leaves_the_account_other_sessions_signed_in(api: Api, org: Any) -> None:
    # given
    tablet = await api.login("sh001.clerk")
    desk = await api.login("sh001.clerk")

    # when
    await tablet(LOGOUT)

    # then
    assert await desk("{ me { username } }") == {"data": {"me": {"username": "sh001.clerk"}}}


async def test_logout_is_audited(api: Api, org: Any) -> None:
    # given
    clerk = await api.login("sh001.clerk")
    mark = await audit_mark()

    # when
    await clerk(LOGOUT)

    # then
    [entry] = await entries_since(mark)
    staff = org.staff["sh001.clerk"]
    assert (entry.action, entry.target_type, entry.target_id) == ("staff.logout", "Staff", str(staff.id))
    assert (entry.actor_name, entry.role, entry.ip) == ("sh001.clerk", "STORE", "203.0.113.7")


async def test_logout_without_a_token_is_unauthenticated_and_changes_nothing(api: Api, org: Any) -> None:
    # given
    await api.login("sh001.clerk")
    before = await database_rows()

    # when
    body = await api(LOGOUT)

    # then
    assert body["data"]["logout"] == {
        "ok": False,
        "errors": [{"field": None, "code": "UNAUTHENTICATED", "message": "Sign in first."}],
    }
    assert await database_rows() == before
