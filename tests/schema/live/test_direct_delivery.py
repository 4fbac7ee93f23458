"""After a subscription's first event, the events its plan renders are sent without graphql-core's
per-event execution, as the same `next` messages; an event the plan can't render still arrives,
through that execution."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.execution import Plan, TesseraExecutor
from tests.schema.live.client import signed_in
from tests.schema.live.test_balance_changed import _recharge
from tests.schema.member.conftest import gid

WATCH = """
subscription($memberId: ID) {
  seen: balanceChanged(memberId: $memberId) { kind balance { total } card { cardNo } member { phone } }
}
"""


@pytest.fixture
def executed_events(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per subscription event graphql-core executed."""
    seen: list[int] = []
    execute_operation = TesseraExecutor.execute_operation

    def counting(self: Any, serially: bool | None = None) -> Any:
        if serially is False:
            seen.append(1)
        return execute_operation(self, serially)

    monkeypatch.setattr(TesseraExecutor, "execute_operation", counting)
    return seen


async def _three_recharges(live: Any, holder: Any) -> list[dict[str, Any]]:
    clerk = live.tokens["sh001.clerk"]
    client = await signed_in(live.ws_url, clerk)
    await client.subscribe("w", WATCH, memberId=gid("Member", holder.member.id))
    await live.subscribed(1)
    messages = []
    for n, amount in enumerate(("10.00", "20.00", "30.00")):
        await _recharge(live, clerk, amount, f"r-{n}")
        messages.append(await client.receive())
    return messages


def _expected(total: str) -> dict[str, Any]:
    seen = {"kind": "RECHARGE", "balance": {"total": total}, "card": {"cardNo": "C0001"}, "member": {"phone": "139****1111"}}
    return {"id": "w", "type": "next", "payload": {"data": {"seen": seen}}}


async def test_events_after_the_first_are_sent_by_the_plan_as_the_same_messages(live, holder, executed_events):
    messages = await _three_recharges(live, holder)

    assert messages == [_expected("10.00"), _expected("30.00"), _expected("60.00")]
    assert len(executed_events) == 1


async def test_an_event_the_plan_cannot_render_goes_through_graphql_core(live, holder, executed_events, monkeypatch):
    render = Plan.render
    calls: list[int] = []

    def failing_after_the_first(self: Plan, source: Any) -> dict[str, Any]:
        calls.append(1)
        if len(calls) > 1 and type(source).__name__ == "BalanceEvent":
            raise ValueError("cannot render")
        return render(self, source)

    monkeypatch.setattr(Plan, "render", failing_after_the_first)
    messages = await _three_recharges(live, holder)

    assert [m["payload"]["data"]["seen"]["balance"]["total"] for m in messages] == ["10.00", "30.00", "60.00"]
    assert len(executed_events) == 3
