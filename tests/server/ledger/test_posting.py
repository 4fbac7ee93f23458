from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from server.core.errors import ErrorCode
from server.ledger import accounts
from server.ledger.models import Account, Operation, Transfer, TransferCode
from server.ledger.posting import InsufficientFunds, Leg, _balance_changes, lock_balances, post
from tests.conftest import ON_POSTGRES
from tests.server.ledger.conftest import CARD, MEMBER, STORE, account, balance, credit, new_operation
from tests.statements import recorded_statements


async def test_a_posting_moves_the_amount_and_records_one_transfer_per_leg(principal):
    takings = await account(accounts.store_takings(STORE))
    operation = await new_operation()

    await post(operation, [Leg(await account(principal), takings, 2_500, TransferCode.CONSUME_PRINCIPAL)])

    assert await balance(principal) == 7_500
    stored = await Transfer.filter(operation_id=operation.id).values("debit_id", "credit_id", "amount", "code")
    assert stored == [
        {"debit_id": (await account(principal)).id, "credit_id": takings.id, "amount": 2_500, "code": "CONSUME_PRINCIPAL"}
    ]


async def test_counterparty_accounts_keep_no_running_balance(principal):
    takings = await account(accounts.store_takings(STORE))

    await post(await new_operation(), [Leg(await account(principal), takings, 1_000, TransferCode.CONSUME_PRINCIPAL)])

    assert await balance(accounts.store_takings(STORE)) is None


async def test_a_debit_beyond_the_balance_is_refused_and_changes_nothing(principal):
    takings = await account(accounts.store_takings(STORE))

    with pytest.raises(InsufficientFunds) as caught:
        async with in_transaction():
            operation = await new_operation()
            await post(operation, [Leg(await account(principal), takings, 10_001, TransferCode.CONSUME_PRINCIPAL)])

    assert (caught.value.code, caught.value.account.key) == (ErrorCode.INSUFFICIENT_BALANCE, principal.key)
    assert await balance(principal) == 10_000
    assert await Transfer.filter(code=TransferCode.CONSUME_PRINCIPAL).count() == 0
    assert await Operation.all().count() == 1


async def test_a_debit_of_the_whole_balance_leaves_zero(principal):
    takings = await account(accounts.store_takings(STORE))

    await post(await new_operation(), [Leg(await account(principal), takings, 10_000, TransferCode.CONSUME_PRINCIPAL)])

    assert await balance(principal) == 0


async def test_points_that_would_go_negative_are_insufficient_points(db):
    points = accounts.member_points(MEMBER)
    await credit(points, 50)

    with pytest.raises(InsufficientFunds) as caught:
        async with in_transaction():
            await post(
                await new_operation(),
                [Leg(await account(points), await account(accounts.POINTS_ISSUED), 51, TransferCode.POINTS_SPEND)],
            )

    assert caught.value.code is ErrorCode.INSUFFICIENT_POINTS
    assert await balance(points) == 50


async def test_a_refused_leg_rolls_back_the_legs_applied_before_it(db):
    bonus = await account(accounts.card_bonus(CARD))
    principal = await account(accounts.card_principal(CARD))
    assert bonus.id < principal.id
    await credit(accounts.card_principal(CARD), 100)
    funding = await account(accounts.BONUS_FUNDING)
    takings = await account(accounts.store_takings(STORE))

    with pytest.raises(InsufficientFunds):
        async with in_transaction():
            await post(
                await new_operation(),
                [
                    Leg(funding, bonus, 50, TransferCode.RECHARGE_BONUS),
                    Leg(principal, takings, 200, TransferCode.CONSUME_PRINCIPAL),
                ],
            )

    assert (await balance(accounts.card_bonus(CARD)), await balance(accounts.card_principal(CARD))) == (0, 100)
    assert await Transfer.all().count() == 1
    assert await Operation.all().count() == 1


@pytest.mark.parametrize("credit_first", [True, False])
async def test_debits_are_applied_before_credits_so_an_operation_cannot_pay_with_what_it_earns(db, credit_first):
    points = await account(accounts.member_points(MEMBER))
    issued = await account(accounts.POINTS_ISSUED)
    earn = Leg(issued, points, 100, TransferCode.POINTS_EARN)
    spend = Leg(points, issued, 100, TransferCode.POINTS_SPEND)

    with pytest.raises(InsufficientFunds):
        async with in_transaction():
            await post(await new_operation(), [earn, spend] if credit_first else [spend, earn])

    assert await balance(accounts.member_points(MEMBER)) == 0
    assert await Transfer.all().count() == 0


async def test_balance_changes_are_one_per_account_in_id_order_with_their_debits_apart(db):
    late = await account(accounts.card_principal(CARD))
    early = await account(accounts.member_points(MEMBER))
    late.id, early.id = 20, 10
    issued = await account(accounts.POINTS_ISSUED)
    takings = await account(accounts.store_takings(STORE))
    legs = [
        Leg(late, takings, 5, TransferCode.CONSUME_PRINCIPAL),
        Leg(issued, early, 7, TransferCode.POINTS_EARN),
        Leg(early, issued, 3, TransferCode.POINTS_SPEND),
    ]

    changes = _balance_changes(legs)

    assert [(c.account.id, c.net, c.debited) for c in changes] == [(10, 4, 3), (20, -5, 5)]


async def test_a_posting_is_two_statements_whatever_its_legs(db):
    await credit(accounts.card_principal(CARD), 1_000)
    await credit(accounts.member_points(MEMBER), 500)
    principal = await account(accounts.card_principal(CARD))
    points = await account(accounts.member_points(MEMBER))
    issued = await account(accounts.POINTS_ISSUED)
    takings = await account(accounts.store_takings(STORE))
    operation = await new_operation()
    legs = [
        Leg(principal, takings, 400, TransferCode.CONSUME_PRINCIPAL),
        Leg(points, issued, 300, TransferCode.POINTS_SPEND),
        Leg(issued, points, 40, TransferCode.POINTS_EARN),
    ]

    async with in_transaction():
        with recorded_statements() as statements:
            await post(operation, legs)

    assert [s.split()[0] for s in statements] == ["WITH", "INSERT"]
    assert (await balance(accounts.card_principal(CARD)), await balance(accounts.member_points(MEMBER))) == (600, 240)
    assert await Transfer.filter(operation_id=operation.id).count() == 3


@pytest.mark.parametrize(
    "malformed",
    ["zero", "negative", "same_account", "mixed_units"],
)
async def test_malformed_legs_are_rejected_before_anything_moves(principal, malformed):
    card = await account(principal)
    takings = await account(accounts.store_takings(STORE))
    points = await account(accounts.member_points(MEMBER))
    leg = {
        "zero": Leg(card, takings, 0, TransferCode.CONSUME_PRINCIPAL),
        "negative": Leg(card, takings, -100, TransferCode.CONSUME_PRINCIPAL),
        "same_account": Leg(card, card, 100, TransferCode.CONSUME_PRINCIPAL),
        "mixed_units": Leg(card, points, 100, TransferCode.CONSUME_PRINCIPAL),
    }[malformed]
    good = Leg(card, takings, 100, TransferCode.CONSUME_PRINCIPAL)

    with pytest.raises(ValueError, match="malformed leg"):
        await post(await new_operation(), [good, leg])

    assert await balance(principal) == 10_000
    assert await balance(accounts.member_points(MEMBER)) == 0
    assert await Transfer.filter(code=TransferCode.CONSUME_PRINCIPAL).count() == 0
    assert await Account.filter(balance__lt=0).count() == 0


async def test_locking_balances_returns_them_and_locks_only_tracked_accounts_in_id_order(principal):
    bonus = await account(accounts.card_bonus(CARD))
    card = await account(principal)
    takings = await account(accounts.store_takings(STORE))

    async with in_transaction():
        with recorded_statements() as statements:
            held = await lock_balances([bonus, takings, card])

    assert held == {card.id: 10_000, bonus.id: 0}
    [sql] = statements
    assert sql.count("?") + sql.count("$") == 2
    assert "ORDER BY id" in sql.replace('"', '')
    assert sql.rstrip().endswith("FOR UPDATE") is ON_POSTGRES
