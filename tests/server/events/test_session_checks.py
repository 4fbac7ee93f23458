from __future__ import annotations

import asyncio
from datetime import timedelta

from server.access.models import Staff, StaffSession
from server.access.sessions import login
from server.core.clock import now
from server.events.session_checks import SessionChecks
from tests.conftest import PASSWORD
from tests.sql_count import counting_queries


async def _session(settings, username: str) -> int:  # type: ignore[no-untyped-def]
    await login(settings, username, PASSWORD)
    session = await StaffSession.filter(staff__username=username).order_by("-id").first()
    assert session is not None
    return session.id


async def test_checks_asked_together_cost_one_query(org, settings):
    session = await _session(settings, "sh001.clerk")
    checks = SessionChecks()

    with counting_queries() as queries:
        answers = await asyncio.gather(*(checks.valid(session) for _ in range(50)))

    assert answers == [True] * 50
    assert queries.count == 1


async def test_revoked_expired_and_deactivated_sessions_are_not_valid(org, settings):
    revoked, expired, deactivated, fine = [
        await _session(settings, name) for name in ("sh001.clerk", "cd001.clerk", "east.manager", "hq.admin")
    ]
    await StaffSession.filter(id=revoked).update(revoked_at=now())
    await StaffSession.filter(id=expired).update(expires_at=now() - timedelta(seconds=1))
    await Staff.filter(username="east.manager").update(is_active=False)
    checks = SessionChecks()

    answers = await asyncio.gather(*(checks.valid(s) for s in (revoked, expired, deactivated, fine)))

    assert answers == [False, False, False, True]


async def test_a_check_asked_after_a_revocation_sees_it(org, settings):
    session = await _session(settings, "sh001.clerk")
    checks = SessionChecks()
    assert await checks.valid(session) is True

    await StaffSession.filter(id=session).update(revoked_at=now())

    assert await checks.valid(session) is False
