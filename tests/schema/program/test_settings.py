from __future__ import annotations

import pytest

from server.audit.models import AuditEntry
from server.ledger.models import Operation
from server.program.services import settings
from tests.schema.program.conftest import CONSUME, RECHARGE

READ = "{ programSettings { maxAmount pointsPerYuanOffset pointsExpiryMonths } }"
UPDATE = """
mutation($input: ProgramSettingsInput!) {
  updateProgramSettings(input: $input) {
    settings { maxAmount pointsPerYuanOffset pointsExpiryMonths }
    errors { field code message }
  }
}
"""
DEFAULTS = {"maxAmount": "100000.00", "pointsPerYuanOffset": 100, "pointsExpiryMonths": 24}


async def _stored() -> tuple[int, int, int]:
    row = await settings()
    return row.max_amount, row.points_per_yuan_offset, row.points_expiry_months


@pytest.mark.parametrize("username", ["hq.admin", "east.manager", "sh001.clerk"])
async def test_every_account_reads_the_settings(api, org, username):
    client = await api.login(username)

    body = await client(READ)

    assert body == {"data": {"programSettings": DEFAULTS}}


async def test_anonymous_callers_read_nothing(api, org):
    body = await api(READ)

    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]


async def test_hq_changes_only_the_settings_it_gives(api, org):
    hq = await api.login("hq.admin")

    body = await hq(UPDATE, input={"pointsPerYuanOffset": 50, "pointsExpiryMonths": 0})

    assert body["data"]["updateProgramSettings"] == {
        "settings": {"maxAmount": "100000.00", "pointsPerYuanOffset": 50, "pointsExpiryMonths": 0},
        "errors": [],
    }
    assert await _stored() == (10_000_000, 50, 0)
    entry = await AuditEntry.get(action="program.settings")
    assert (entry.before, entry.after) == (
        {"points_per_yuan_offset": 100, "points_expiry_months": 24},
        {"points_per_yuan_offset": 50, "points_expiry_months": 0},
    )


@pytest.mark.parametrize(
    ("given", "field", "message"),
    [
        ({"maxAmount": "0.00"}, "maxAmount", "The cap must be between 0.01 and 100000000000.00."),
        ({"pointsPerYuanOffset": 0}, "pointsPerYuanOffset", "Between 1 and 100000 points per 1.00."),
        ({"pointsExpiryMonths": -1}, "pointsExpiryMonths", "Between 0 (never) and 120 months."),
        ({"pointsExpiryMonths": 121, "maxAmount": "10.00"}, "pointsExpiryMonths", "Between 0 (never) and 120 months."),
    ],
)
async def test_invalid_settings_are_refused_and_change_nothing(api, org, given, field, message):
    hq = await api.login("hq.admin")

    body = await hq(UPDATE, input=given)

    assert body["data"]["updateProgramSettings"] == {
        "settings": None,
        "errors": [{"field": [field], "code": "INVALID", "message": message}],
    }
    assert await _stored() == (10_000_000, 100, 24)
    assert await AuditEntry.filter(action="program.settings").count() == 0


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_only_hq_changes_the_settings(api, org, username):
    client = await api.login(username)

    body = await client(UPDATE, input={"maxAmount": "1.00"})

    assert body["data"]["updateProgramSettings"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage the loyalty program."}
    ]
    assert await _stored() == (10_000_000, 100, 24)


async def test_a_lower_cap_refuses_larger_recharges(api, org, wallet):
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    await hq(UPDATE, input={"maxAmount": "500.00"})

    over = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "500.01", "idempotencyKey": "r1"})
    within = await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "500.00", "idempotencyKey": "r2"})

    assert over["data"]["recharge"]["errors"] == [
        {"field": ["amount"], "code": "INVALID", "message": "The amount is over the 500.00 limit."}
    ]
    assert within["data"]["recharge"]["errors"] == []
    assert await Operation.filter(kind="RECHARGE").count() == 1


async def test_the_points_offset_rate_prices_points_paid_with(api, org, wallet):
    hq = await api.login("hq.admin")
    clerk = await api.login("sh001.clerk")
    await clerk(RECHARGE, input={"cardNo": "C0001", "amount": "300.00", "idempotencyKey": "r1"})
    await clerk(CONSUME, input={"cardNo": "C0001", "amount": "200.00", "idempotencyKey": "earn"})
    await hq(UPDATE, input={"pointsPerYuanOffset": 50})

    paid = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "10.00", "pointsToUse": 150, "idempotencyKey": "c1"})

    breakdown = paid["data"]["consume"]["breakdown"]
    assert (breakdown["pointsUsed"], breakdown["pointsValue"], breakdown["payable"]) == (150, "3.00", "7.00")
