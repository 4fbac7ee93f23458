from __future__ import annotations

from server.ledger import accounts
from server.ledger.models import Account, Transfer
from server.ledger.verify import Problem, verify_ledger
from server.points.lots import NEVER
from server.points.models import PointsLot
from tests.server.ledger.conftest import MEMBER, STORE, account, credit, execute_sql, new_operation


async def _points_with_lot(amount: int) -> Account:
    points = accounts.member_points(MEMBER)
    await credit(points, amount)
    operation = await new_operation()
    await PointsLot.create(member_id=MEMBER, operation_id=operation.id, amount=amount, remaining=amount, expires_at=NEVER)
    return await account(points)


async def _raw_transfer(debit: Account, credit_: Account, amount: int) -> int:
    operation = await new_operation()
    await execute_sql(
        "INSERT INTO ledger_transfer (operation_id, debit_id, credit_id, amount, code, created_at) "
        f"VALUES ({operation.id}, {debit.id}, {credit_.id}, {amount}, 'CARD_MOVE', CURRENT_TIMESTAMP)"
    )
    return (await Transfer.get(operation_id=operation.id)).id


async def test_a_ledger_written_through_postings_is_sound(principal):
    await _points_with_lot(300)

    assert await verify_ledger() == []


async def test_a_tampered_balance_is_reported(principal):
    card = await account(principal)

    await execute_sql(f"UPDATE ledger_account SET balance = balance + 1 WHERE id = {card.id}")

    assert await verify_ledger() == [Problem("balance", "CARD_PRINCIPAL:card:42: balance 10001 ≠ entries 10000")]


async def test_a_negative_balance_is_reported_even_when_the_entries_agree(principal):
    card = await account(principal)
    takings = await account(accounts.store_takings(STORE))

    await _raw_transfer(card, takings, 10_005)
    await execute_sql(f"UPDATE ledger_account SET balance = -5 WHERE id = {card.id}")

    assert await verify_ledger() == [Problem("negative", "CARD_PRINCIPAL:card:42: balance -5 < 0")]


async def test_transfers_that_are_not_a_positive_move_between_two_accounts_of_one_unit_are_reported(db):
    takings = await account(accounts.store_takings(STORE))
    funding = await account(accounts.BONUS_FUNDING)
    issued = await account(accounts.POINTS_ISSUED)

    non_positive = await _raw_transfer(takings, funding, 0)
    to_itself = await _raw_transfer(takings, takings, 100)
    across_units = await _raw_transfer(takings, issued, 100)

    assert await verify_ledger() == [
        Problem("transfer", f"transfer {non_positive} is not a positive move between two accounts"),
        Problem("transfer", f"transfer {to_itself} is not a positive move between two accounts"),
        Problem("transfer", f"transfer {across_units} is not a positive move between two accounts"),
    ]


async def test_points_that_disagree_with_their_lots_are_reported(db):
    await _points_with_lot(300)

    await execute_sql(f"UPDATE points_lot SET remaining = remaining - 1 WHERE member_id = {MEMBER}")

    assert await verify_ledger() == [Problem("points_lots", "member 7: points 300 ≠ lots 299")]


async def test_every_problem_is_reported_at_once(principal):
    card = await account(principal)
    await _points_with_lot(300)

    await execute_sql(f"UPDATE ledger_account SET balance = 9000 WHERE id = {card.id}")
    await execute_sql("DELETE FROM points_lot")

    assert await verify_ledger() == [
        Problem("balance", "CARD_PRINCIPAL:card:42: balance 9000 ≠ entries 10000"),
        Problem("points_lots", "member 7: points 300 ≠ lots 0"),
    ]
