from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from server.access.models import Staff, StaffSession
from server.access.sessions import authenticate, login, logout
from server.core.clock import now
from server.events import session_checks
from server.events.session_checks import SessionChecks, Watch
from tests.conftest import PASSWORD
from tests.statements import counting_queries


async def _session(settings, username: str) -> int:  # type: ignore[no-untyped-def]
    await login(settings, username, PASSWORD)
    session = await StaffSession.filter(staff__username=username).order_by("-id").first()
    assert session is not None
    return session.id


class Ended:
    """Records which watched sessions were ended."""

    def __init__(self) -> None:
        self.sessions: list[int] = []

    def __call__(self, session_id: int):  # type: ignore[no-untyped-def]
        return lambda: self.sessions.append(session_id)


async def _watched(checks: SessionChecks, session_id: int, ended: Ended) -> Watch:
    watch = await checks.watch(session_id, ended(session_id))
    assert watch is not None
    return watch


async def test_checking_a_watched_session_for_each_event_costs_no_query(org, settings):
    checks = SessionChecks(every=60)
    watch = await _watched(checks, await _session(settings, "sh001.clerk"), Ended())

    with counting_queries() as queries:
        answers = [watch.valid for _ in range(50)]

    assert answers == [True] * 50
    assert queries.count == 0
    checks.unwatch(watch)


async def test_revoked_expired_and_deactivated_sessions_are_not_watched(org, settings):
    revoked, expired, deactivated = [await _session(settings, name) for name in ("sh001.clerk", "cd001.clerk", "east.manager")]
    await StaffSession.filter(id=revoked).update(revoked_at=now())
    await StaffSession.filter(id=expired).update(expires_at=now() - timedelta(seconds=1))
    await Staff.filter(username="east.manager").update(is_active=False)
    checks = SessionChecks(every=60)
    ended = Ended()

    watches = [await checks.watch(s, ended(s)) for s in (revoked, expired, deactivated)]

    assert watches == [None, None, None]
    assert ended.sessions == []


async def test_a_session_is_not_valid_from_the_moment_it_expires(org, settings):
    session = await _session(settings, "sh001.clerk")
    await StaffSession.filter(id=session).update(expires_at=now() + timedelta(milliseconds=300))
    checks = SessionChecks(every=60)
    watch = await _watched(checks, session, Ended())
    assert watch.valid is True

    await asyncio.sleep(0.4)

    assert watch.valid is False
    checks.unwatch(watch)


async def test_one_sweep_reads_every_watched_session_and_ends_those_revoked(org, settings):
    sessions = [await _session(settings, name) for name in ("sh001.clerk", "cd001.clerk", "hq.admin")]
    checks = SessionChecks(every=60)
    ended = Ended()
    watches = [await _watched(checks, s, ended) for s in sessions]
    await StaffSession.filter(id__in=sessions[:2]).update(revoked_at=now())

    with counting_queries() as queries:
        await checks.sweep()

    assert queries.count == 1
    assert sorted(ended.sessions) == sorted(sessions[:2])
    assert [w.valid for w in watches] == [False, False, True]
    await checks.sweep()
    assert sorted(ended.sessions) == sorted(sessions[:2])
    checks.unwatch(watches[2])


async def test_sweeps_run_every_interval_while_sessions_are_watched(org, settings):
    session = await _session(settings, "sh001.clerk")
    checks = SessionChecks(every=0.05)
    ended = Ended()
    watch = await _watched(checks, session, ended)

    await StaffSession.filter(id=session).update(revoked_at=now())
    async with asyncio.timeout(5):
        while not ended.sessions:
            await asyncio.sleep(0.01)

    assert ended.sessions == [session]
    assert watch.valid is False


async def test_a_logout_in_this_process_ends_its_watch_before_it_returns(org, settings):
    token, _ = await login(settings, "sh001.clerk", PASSWORD)
    actor = await authenticate(token)
    assert actor is not None and actor.session_id is not None
    checks = SessionChecks(every=60)
    ended = Ended()
    watch = await _watched(checks, actor.session_id, ended)

    await logout(actor)

    assert ended.sessions == [actor.session_id]
    assert watch.valid is False


async def test_a_sweep_that_fails_ends_every_watch(org, settings, monkeypatch: pytest.MonkeyPatch):
    sessions = [await _session(settings, name) for name in ("sh001.clerk", "hq.admin")]
    checks = SessionChecks(every=60)
    ended = Ended()
    watches = [await _watched(checks, s, ended) for s in sessions]

    async def unreachable(session_ids: list[int]) -> dict[int, object]:
        raise ConnectionError("database away")

    monkeypatch.setattr(session_checks, "valid_sessions", unreachable)
    await checks.sweep()

    assert sorted(ended.sessions) == sorted(sessions)
    assert [w.valid for w in watches] == [False, False]
