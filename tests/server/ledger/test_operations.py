from __future__ import annotations

import pytest

from server.core.errors import DomainError, ErrorCode
from server.ledger.models import Operation, OperationKind
from server.ledger.operations import check_key, execute_once, find_replay, fingerprint, run_once, system_key

PRINT = fingerprint({"op": "consume", "amount": 100})


def _creating(key: str, print_: str = PRINT, *, then_fail: DomainError | None = None):
    async def execute() -> Operation:
        operation = await Operation.create(kind=OperationKind.CONSUME, idempotency_key=key, fingerprint=print_)
        if then_fail is not None:
            raise then_fail
        return operation

    return execute


def _prepared(execute, calls: list[str] | None = None, *, fail: DomainError | None = None):
    async def prepare():
        if calls is not None:
            calls.append("prepare")
        if fail is not None:
            raise fail
        return execute

    return prepare


_SPENT = DomainError(ErrorCode.INSUFFICIENT_BALANCE, "The card doesn't hold enough stored value.")


def test_a_fingerprint_ignores_the_order_of_the_request_fields():
    assert fingerprint({"a": 1, "b": "x"}) == fingerprint({"b": "x", "a": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})


@pytest.mark.parametrize("bad", ["", "   ", "k" * 101])
def test_keys_are_one_to_a_hundred_characters(bad):
    with pytest.raises(DomainError) as caught:
        check_key(bad)

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["idempotencyKey"])
    assert check_key("  pos-1  ") == "pos-1"


@pytest.mark.parametrize("taken", ["points-expire:lot:1", "card_cash_out:card:7", "reward", "referral:3:referrer", "tier-gift:x"])
def test_a_client_key_in_a_system_scope_is_refused(taken):
    with pytest.raises(DomainError) as caught:
        check_key(taken)

    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, ["idempotencyKey"])


def test_keys_that_only_look_alike_are_the_clients():
    alike = ["rewards:1", "REWARD:1", "pos-17:points-expire"]

    assert [check_key(key) for key in alike] == alike


def test_system_keys_are_made_only_in_their_scopes():
    assert system_key("points-expire", "lot", 42) == "points-expire:lot:42"
    with pytest.raises(ValueError):
        system_key("pos", 1)
    with pytest.raises(ValueError):
        system_key("reward", "x" * 100)


async def test_a_new_key_has_no_replay(db):
    assert await find_replay("new", PRINT) is None


async def test_execute_once_commits_the_body_and_reports_a_first_run(db):
    outcome = await execute_once("k1", PRINT, _creating("k1"))

    assert outcome.replayed is False
    assert await Operation.filter(idempotency_key="k1").values_list("id", flat=True) == [outcome.operation.id]


async def test_a_replay_returns_the_first_operation(db):
    first = await execute_once("k1", PRINT, _creating("k1"))

    replay = await find_replay("k1", PRINT)

    assert replay is not None
    assert (replay.operation.id, replay.replayed) == (first.operation.id, True)


async def test_the_same_key_for_a_different_request_is_an_idempotency_conflict(db):
    await execute_once("k1", PRINT, _creating("k1"))

    with pytest.raises(DomainError) as caught:
        await find_replay("k1", fingerprint({"op": "consume", "amount": 200}))

    assert (caught.value.code, caught.value.field) == (ErrorCode.IDEMPOTENCY_CONFLICT, ["idempotencyKey"])


async def test_a_failing_body_leaves_nothing_behind(db):
    with pytest.raises(DomainError) as caught:
        await execute_once("k1", PRINT, _creating("k1", then_fail=_SPENT))

    assert caught.value is _SPENT
    assert await Operation.all().count() == 0


async def test_losing_the_race_for_the_key_returns_the_winner_and_rolls_back_the_loser(db):
    winner = await Operation.create(kind=OperationKind.CONSUME, idempotency_key="k1", fingerprint=PRINT)

    async def loser() -> Operation:
        await Operation.create(kind=OperationKind.CONSUME, idempotency_key="side-effect", fingerprint=PRINT)
        return await _creating("k1")()

    outcome = await execute_once("k1", PRINT, loser)

    assert (outcome.operation.id, outcome.replayed) == (winner.id, True)
    assert await Operation.all().values_list("idempotency_key", flat=True) == ["k1"]


async def test_losing_the_race_to_a_different_request_is_an_idempotency_conflict(db):
    await Operation.create(kind=OperationKind.CONSUME, idempotency_key="k1", fingerprint="another request")

    with pytest.raises(DomainError) as caught:
        await execute_once("k1", PRINT, _creating("k1"))

    assert caught.value.code is ErrorCode.IDEMPOTENCY_CONFLICT
    assert await Operation.all().count() == 1


async def test_a_body_that_fails_because_the_winner_spent_the_balance_returns_the_winner(db):
    winner = await Operation.create(kind=OperationKind.CONSUME, idempotency_key="k1", fingerprint=PRINT)

    outcome = await execute_once("k1", PRINT, _creating("other", then_fail=_SPENT))

    assert (outcome.operation.id, outcome.replayed) == (winner.id, True)
    assert await Operation.all().count() == 1


async def test_run_once_prepares_and_executes_a_new_key(db):
    calls: list[str] = []

    outcome = await run_once("k1", PRINT, _prepared(_creating("k1"), calls))

    assert (outcome.replayed, calls) == (False, ["prepare"])
    assert await Operation.all().count() == 1


async def test_run_once_answers_a_replay_with_the_first_outcome_without_a_look_up_first(db):
    first = await run_once("k1", PRINT, _prepared(_creating("k1")))
    calls: list[str] = []

    replay = await run_once("k1", PRINT, _prepared(_creating("k1"), calls))

    assert (replay.operation.id, replay.replayed, calls) == (first.operation.id, True, ["prepare"])
    assert await Operation.all().count() == 1


async def test_run_once_refuses_the_key_of_a_different_request_and_moves_nothing(db):
    await run_once("k1", PRINT, _prepared(_creating("k1")))

    with pytest.raises(DomainError) as caught:
        await run_once("k1", "another request", _prepared(_creating("k1", "another request")))

    assert caught.value.code is ErrorCode.IDEMPOTENCY_CONFLICT
    assert await Operation.all().count() == 1


async def test_a_preparation_that_fails_because_a_twin_won_meanwhile_returns_the_twin(db):
    twin: list[Operation] = []

    async def prepare():
        twin.append(await Operation.create(kind=OperationKind.CONSUME, idempotency_key="k1", fingerprint=PRINT))
        raise _SPENT

    outcome = await run_once("k1", PRINT, prepare)

    assert (outcome.operation.id, outcome.replayed) == (twin[0].id, True)
    assert await Operation.all().count() == 1


async def test_a_preparation_that_fails_on_its_own_raises_and_leaves_nothing(db):
    with pytest.raises(DomainError) as caught:
        await run_once("k1", PRINT, _prepared(_creating("k1"), fail=_SPENT))

    assert caught.value is _SPENT
    assert await Operation.all().count() == 0
