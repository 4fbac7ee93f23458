from __future__ import annotations

from server.audit.models import AuditEntry
from server.ledger.models import Operation
from tests.schema.points.conftest import ADJUST, account_balance, gid, give


def _input(member_id: int, points: int, key: str = "adj-1", reason: str = "生日补偿") -> dict[str, object]:
    return {"memberId": gid("Member", member_id), "points": points, "reason": reason, "idempotencyKey": key}


async def test_hq_adds_points_with_a_reason(api, org, wallet):
    hq = await api.login("hq.admin")

    body = await hq(ADJUST, input=_input(wallet.member.id, 500))

    payload = body["data"]["adjustPoints"]
    assert payload["errors"] == []
    operation = await Operation.get(kind="POINTS_ADJUST")
    assert payload["transfer"] == {
        "id": gid("Transfer", operation.id),
        "kind": "POINTS_ADJUST",
        "details": {"points": 500, "reason": "生日补偿"},
        "operator": "hq.admin",
        "store": None,
        "legs": [
            {
                "code": "POINTS_ADJUST",
                "unit": "POINTS",
                "amount": 500,
                "debitAccount": "POINTS_ISSUED:hq",
                "creditAccount": f"MEMBER_POINTS:member:{wallet.member.id}",
            }
        ],
    }
    assert payload["member"] == {"id": gid("Member", wallet.member.id), "assets": {"points": 500}}
    assert (payload["couponCode"], payload["replayed"]) == (None, False)


async def test_hq_takes_points_but_never_below_zero(api, org, wallet):
    await give(org, wallet.member.id, 100)
    hq = await api.login("hq.admin")

    taken = await hq(ADJUST, input=_input(wallet.member.id, -60, "adj-1", "录入错误"))
    too_many = await hq(ADJUST, input=_input(wallet.member.id, -41, "adj-2", "录入错误"))

    assert taken["data"]["adjustPoints"]["member"]["assets"] == {"points": 40}
    assert too_many["data"]["adjustPoints"] == {
        "transfer": None,
        "member": None,
        "couponCode": None,
        "replayed": False,
        "errors": [{"field": ["points"], "code": "INSUFFICIENT_POINTS", "message": "The member doesn't have enough points."}],
    }
    assert await account_balance(wallet.member.id) == 40


async def test_a_store_clerk_can_not_adjust_points_and_nothing_changes(api, org, wallet):
    clerk = await api.login("sh001.clerk")

    body = await clerk(ADJUST, input=_input(wallet.member.id, 500))

    assert body["data"]["adjustPoints"]["transfer"] is None
    assert body["data"]["adjustPoints"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not adjust balances or points."}
    ]
    assert await account_balance(wallet.member.id) == 0
    assert await Operation.all().count() == 0
    assert await AuditEntry.filter(action="points.adjust").count() == 0


async def test_a_replay_returns_the_first_adjustment_and_a_changed_request_is_a_conflict(api, org, wallet):
    hq = await api.login("hq.admin")

    first = await hq(ADJUST, input=_input(wallet.member.id, 500, "same"))
    second = await hq(ADJUST, input=_input(wallet.member.id, 500, "same"))
    conflict = await hq(ADJUST, input=_input(wallet.member.id, 400, "same"))

    assert second["data"]["adjustPoints"]["transfer"]["id"] == first["data"]["adjustPoints"]["transfer"]["id"]
    assert (first["data"]["adjustPoints"]["replayed"], second["data"]["adjustPoints"]["replayed"]) == (False, True)
    assert conflict["data"]["adjustPoints"]["errors"] == [
        {
            "field": ["idempotencyKey"],
            "code": "IDEMPOTENCY_CONFLICT",
            "message": "This idempotency key was used for a different request.",
        }
    ]
    assert await account_balance(wallet.member.id) == 500
    assert await Operation.all().count() == 1


async def test_a_member_id_of_another_type_is_invalid(api, org, wallet):
    hq = await api.login("hq.admin")

    body = await hq(ADJUST, input={**_input(wallet.member.id, 5), "memberId": gid("Store", org.stores["SH001"].id)})

    assert body["data"]["adjustPoints"]["errors"] == [
        {"field": ["memberId"], "code": "INVALID", "message": "Not a Member ID."}
    ]
    assert await Operation.all().count() == 0


async def test_signing_in_comes_first(api, org, wallet):
    body = await api(ADJUST, input=_input(wallet.member.id, 5))

    assert body["data"]["adjustPoints"]["errors"] == [{"field": None, "code": "UNAUTHENTICATED", "message": "Sign in first."}]
    assert await Operation.all().count() == 0
