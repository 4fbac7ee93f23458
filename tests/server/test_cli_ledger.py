"""`tessera verify-ledger` and `tessera expire-points`, run the way an operator runs them against
a migrated database (a file for SQLite, a scratch database in the PostgreSQL suite)."""

from __future__ import annotations

from datetime import timedelta

from tortoise.expressions import F

from server.access.models import Role
from server.access.services import StaffScope, create_staff
from server.access.sessions import actor_for
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.core.clock import now
from server.ledger.models import Account, Transfer
from server.member.services import MemberDraft, create_member
from server.org.services import create_region, create_store
from server.points.models import PointsLot
from server.points.services import AdjustRequest, adjust_points
from server.wallet.services import RechargeRequest, recharge
from tests.server.test_cli import PASSWORD, database_url, in_database, migrated, tessera  # noqa: F401 - fixtures


async def _activity() -> int:
    """A member with a card recharged 100.00 and two lots of points (500 and 200); their id."""
    hq = actor_for(await create_staff(None, "hq.admin", PASSWORD, StaffScope(Role.HQ), system=True))
    region = await create_region(hq, "EAST", "华东")
    store = await create_store(hq, "SH001", "上海一店", region.id)
    member = await create_member(hq, MemberDraft(name="顾客", phone="13900001111", home_store_id=store.id))
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    await issue_card(hq, IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no="C0001"))
    await recharge(hq, RechargeRequest(card_no="C0001", amount=10_000, idempotency_key="r-1", store_id=store.id))
    await adjust_points(hq, AdjustRequest(member.id, 500, "开业礼", "a-1"))
    await adjust_points(hq, AdjustRequest(member.id, 200, "生日礼", "a-2"))
    return member.id


def test_verify_ledger_on_a_sound_database_says_what_it_checked(migrated: str) -> None:
    # given six accounts (card principal and bonus, store takings, bonus funding, member points,
    # points issued) and three transfers
    in_database(migrated, _activity)
    # when
    result = tessera("verify-ledger")
    # then
    assert result.exit_code == 0, result.output
    assert result.output == "The ledger is sound: 6 accounts and 3 transfers checked.\n"


def test_verify_ledger_on_an_empty_database_is_sound(migrated: str) -> None:
    result = tessera("verify-ledger")

    assert result.exit_code == 0, result.output
    assert result.output == "The ledger is sound: 0 accounts and 0 transfers checked.\n"


def test_verify_ledger_prints_each_mismatch_and_exits_non_zero(migrated: str) -> None:
    # given a card balance and a points lot changed behind the ledger's back
    member_id = in_database(migrated, _activity)

    async def tamper() -> None:
        await Account.filter(key="CARD_PRINCIPAL:card:1").update(balance=F("balance") + 1)
        await PointsLot.filter(member_id=member_id, amount=200).update(remaining=150)

    in_database(migrated, tamper)
    # when
    result = tessera("verify-ledger")
    # then
    assert result.exit_code == 1
    assert result.stdout == (
        "balance: CARD_PRINCIPAL:card:1: balance 10001 ≠ entries 10000\n"
        f"points_lots: member {member_id}: points 700 ≠ lots 650\n"
    )
    assert result.stderr == "Error: The ledger has 2 problems.\n"


def test_verify_ledger_finds_a_transfer_that_moves_nothing(migrated: str) -> None:
    # given the recharge's transfer rewritten to move 0 (and the card's balance to match)
    in_database(migrated, _activity)

    async def tamper() -> None:
        first = await Transfer.all().order_by("id").first()
        assert first is not None
        await Transfer.filter(id=first.id).update(amount=0)
        await Account.filter(key="CARD_PRINCIPAL:card:1").update(balance=0)

    in_database(migrated, tamper)
    # when
    result = tessera("verify-ledger")
    # then
    assert result.exit_code == 1
    assert result.stdout == "transfer: transfer 1 is not a positive move between two accounts\n"
    assert result.stderr == "Error: The ledger has 1 problem.\n"


def test_verify_ledger_on_an_unmigrated_database_says_to_migrate(database_url: str) -> None:  # noqa: F811
    result = tessera("verify-ledger")

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert result.stderr.endswith(" (has `tessera migrate` run?)\n")


def test_expire_points_expires_due_lots_once(migrated: str) -> None:
    # given the 500-point lot expired yesterday
    member_id = in_database(migrated, _activity)

    async def expire_first() -> None:
        await PointsLot.filter(member_id=member_id, amount=500).update(expires_at=now() - timedelta(days=1))

    in_database(migrated, expire_first)
    # when
    first = tessera("expire-points")
    second = tessera("expire-points")
    # then
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.output == "Expired 500 points from 1 lot.\n"
    assert second.output == "Expired 0 points from 0 lots.\n"

    async def remaining() -> list[int]:
        return [lot.remaining for lot in await PointsLot.filter(member_id=member_id).order_by("id")]

    assert in_database(migrated, remaining) == [0, 200]
    assert tessera("verify-ledger").output == "The ledger is sound: 6 accounts and 4 transfers checked.\n"


def test_expire_points_at_a_given_time_takes_only_lots_due_by_then(migrated: str) -> None:
    # given the 500-point lot expired three days ago and the 200-point one yesterday
    member_id = in_database(migrated, _activity)

    async def expire_both() -> None:
        await PointsLot.filter(member_id=member_id, amount=500).update(expires_at=now() - timedelta(days=3))
        await PointsLot.filter(member_id=member_id, amount=200).update(expires_at=now() - timedelta(days=1))

    in_database(migrated, expire_both)
    two_days_ago = (now() - timedelta(days=2)).replace(tzinfo=None).isoformat()
    # when
    result = tessera("expire-points", "--at", two_days_ago)
    # then
    assert result.exit_code == 0, result.output
    assert result.output == "Expired 500 points from 1 lot.\n"


def test_expire_points_refuses_a_future_time(migrated: str) -> None:
    result = tessera("expire-points", "--at", (now() + timedelta(hours=1)).isoformat())

    assert result.exit_code == 1
    assert result.stderr == "Error: Points can't be expired ahead of time.\n"


def test_expire_points_with_a_malformed_time_is_a_usage_error() -> None:
    result = tessera("expire-points", "--at", "next tuesday")

    assert result.exit_code == 2
    assert "not an ISO 8601 time: 'next tuesday'" in result.stderr
