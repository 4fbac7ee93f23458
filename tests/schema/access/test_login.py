"""login: a bearer token for the right password; one answer for every wrong one; lock after five."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from server.access.models import Staff, StaffSession
from server.audit.models import AuditEntry
from server.core.clock import now
from tests.conftest import PASSWORD, Api
from tests.schema.access.conftest import ME
from tests.server.audit.recorded import audit_mark, database_rows, entries_since

WRONG = {
    "token": None,
    "staff": None,
    "errors": [{"field": None, "code": "INVALID_CREDENTIALS", "message": "Wrong username or password."}],
}
LOCKED = {
    "token": None,
    "staff": None,
    "errors": [{"field": None, "code": "ACCOUNT_LOCKED", "message": "Too many wrong passwords; try again later."}],
}


async def test_login_returns_a_bearer_token_that_signs_in_as_the_account(api: Api, org: Any, login: Any) -> None:
    # when
    payload = await login("east.manager", PASSWORD)

    # then
    assert payload["errors"] == []
    assert payload["staff"] == {"username": "east.manager"}
    body = await api.as_(payload["token"])(ME)
    assert body["data"]["me"] == {
        "username": "east.manager",
        "role": "REGION",
        "isActive": True,
        "permissions": ["CARD_OPS", "EXPORT", "MANAGE_CAMPAIGNS", "MANAGE_MEMBERS", "MANAGE_SEGMENTS", "TAG_MEMBERS"],
        "region": {"code": "EAST"},
        "store": None,
    }
    assert "errors" not in body


async def test_login_is_audited_with_the_account_scope_and_client_ip(api: Api, org: Any, login: Any) -> None:
    # given
    mark = await audit_mark()

    # when
    await login("sh001.clerk", PASSWORD)

    # then
    [entry] = await entries_since(mark)
    staff = org.staff["sh001.clerk"]
    assert (entry.action, entry.target_type, entry.target_id) == ("staff.login", "Staff", str(staff.id))
    assert (entry.actor_id, entry.actor_name, entry.role) == (staff.id, "sh001.clerk", "STORE")
    assert (entry.region_id, entry.store_id) == (org.regions["EAST"].id, org.stores["SH001"].id)
    assert (entry.before, entry.after, entry.ip) == (None, None, "203.0.113.7")


async def test_login_matches_the_username_whatever_its_case(api: Api, org: Any, login: Any) -> None:
    # when
    payload = await login("  SH001.Clerk ", PASSWORD)

    # then
    assert payload["errors"] == []
    assert payload["staff"] == {"username": "sh001.clerk"}


async def test_wrong_password_is_invalid_credentials_and_opens_no_session(api: Api, org: Any, login: Any) -> None:
    # given
    audit_before = await AuditEntry.all().count()

    # when
    payload = await login("sh001.clerk", "wrong-password")

    # then
    assert payload == WRONG
    assert await StaffSession.all().count() == 0
    assert await AuditEntry.all().count() == audit_before
    assert (await Staff.get(username="sh001.clerk")).failed_logins == 1


async def test_unknown_username_gets_the_same_answer_as_a_wrong_password(api: Api, org: Any, login: Any) -> None:
    # given
    before = await database_rows()

    # when
    payload = await login("nobody.here", PASSWORD)

    # then
    assert payload == WRONG
    assert await database_rows() == before


async def test_fifth_wrong_password_locks_the_account_and_audits_the_lock(api: Api, org: Any, login: Any) -> None:
    # given
    mark = await audit_mark()

    # when
    answers = [await login("sh001.clerk", "wrong-password") for _ in range(5)]

    # then
    assert answers == [WRONG, WRONG, WRONG, WRONG, LOCKED]
    staff = await Staff.get(username="sh001.clerk")
    assert staff.locked_until is not None
    assert timedelta(minutes=14) < staff.locked_until - now() <= timedelta(minutes=15)
    assert await StaffSession.all().count() == 0
    [entry] = await entries_since(mark)
    assert (entry.action, entry.target_type, entry.target_id) == ("staff.lock", "Staff", str(staff.id))
    assert (entry.actor_id, entry.actor_name, entry.ip) == (None, "", "203.0.113.7")
    assert (entry.before, entry.after) == (None, {"locked_until": staff.locked_until.isoformat()})


async def test_locked_account_refuses_even_the_right_password(api: Api, org: Any, login: Any) -> None:
    # given
    for _ in range(5):
        await login("sh001.clerk", "wrong-password")
    before = await database_rows()

    # when
    payload = await login("sh001.clerk", PASSWORD)

    # then
    assert payload == LOCKED
    assert await database_rows() == before


async def test_login_works_after_the_lock_expires_and_the_counter_starts_over(
    api: Api, org: Any, login: Any
) -> None:
    # given a lock that has run out
    for _ in range(5):
        await login("sh001.clerk", "wrong-password")
    await Staff.filter(username="sh001.clerk").update(locked_until=now() - timedelta(seconds=1))
    await login("sh001.clerk", "wrong-password")

    # when
    payload = await login("sh001.clerk", PASSWORD)

    # then
    assert payload["errors"] == []
    assert payload["token"]
    staff = await Staff.get(username="sh001.clerk")
    assert (staff.failed_logins, staff.locked_until) == (0, None)
    answers = [await login("sh001.clerk", "wrong-password") for _ in range(4)]
    assert answers == [WRONG] * 4


async def test_deactivated_account_cannot_log_in(api: Api, org: Any, login: Any) -> None:
    # given
    await Staff.filter(username="sh001.clerk").update(is_active=False)
    before = await database_rows()

    # when
    payload = await login("sh001.clerk", PASSWORD)

    # then
    assert payload == WRONG
    assert await database_rows() == before
