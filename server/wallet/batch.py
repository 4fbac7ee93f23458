"""HQ batch recharge (批量充值): one list of (card, amount) credited at one store.

Who: HQ only — the caller needs RECHARGE (it takes money) and MANAGE_PROGRAM (which only the HQ
role holds), so a store clerk with RECHARGE can't push money onto cards across the chain.

How: every row is checked before anything moves; one bad row (unknown or inactive card, a card
without stored value, a bad amount, a card listed twice) refuses the whole batch with one error
per bad row, its field path naming the row (`["items", "3", "cardNo"]`). Then each row runs as its
own idempotent recharge under the key `"{batch key}:{row index}"`, so a batch interrupted half-way
is finished by sending it again, and a batch sent twice moves nothing the second time. A row that
already ran is only checked to be the same recharge (card, amount, store, method, staff) — its
card may have been frozen since — and replays; a batch key reused for other rows is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.card.errors import card_not_active, no_stored_value, subsidiary_recharge
from server.card.models import Card, CardStatus
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.ledger.models import Operation, OperationKind
from server.ledger.operations import Outcome, check_key
from server.program import services as program
from server.wallet.services import PaymentMethod, RechargeRequest, recharge
from server.wallet.stores import acting_store

MAX_ROWS = 1000
MAX_KEY_LENGTH = 90


@dataclass(frozen=True)
class BatchItem:
    card_no: str
    amount: int


@dataclass(frozen=True)
class BatchRow:
    """What happened to one row: its recharge, or the error that stopped it."""

    index: int
    card_no: str
    amount: int
    outcome: Outcome | None = None
    error: DomainError | None = None


class BatchRefused(DomainError):
    """The batch was refused before anything moved; `rows` holds one error per bad row."""

    def __init__(self, rows: list[DomainError]) -> None:
        super().__init__(ErrorCode.INVALID, f"{len(rows)} row(s) can't be recharged; nothing was recharged.", "items")
        self.rows = rows


def _row_error(index: int, error: DomainError) -> DomainError:
    """The same error with its field path under the row (`items.3.cardNo`)."""
    return DomainError(error.code, error.message, ["items", str(index), *(error.field or [])])


def row_key(batch_key: str, index: int) -> str:
    return f"{batch_key}:{index}"


async def batch_recharge(
    actor: Actor | None,
    items: list[BatchItem],
    store_id: int | None,
    idempotency_key: str,
    payment_method: PaymentMethod = PaymentMethod.OTHER,
) -> list[BatchRow]:
    """Recharges every row or, when any row is bad, none (raising BatchRefused); one BatchRow per row."""
    actor = require(actor, Permission.RECHARGE)
    require(actor, Permission.MANAGE_PROGRAM)
    key = check_key(idempotency_key)
    if len(key) > MAX_KEY_LENGTH:
        raise invalid("idempotencyKey", f"A batch key is at most {MAX_KEY_LENGTH} characters.")
    if not 1 <= len(items) <= MAX_ROWS:
        raise invalid("items", f"A batch has between 1 and {MAX_ROWS} rows.")
    store = await acting_store(actor, store_id)
    done = await _rows_already_run(key, len(items))
    problems = await _check_rows(actor, items, done, store.id, payment_method)
    if problems:
        raise BatchRefused(problems)
    rows = [await _run_row(actor, item, index, key, store.id, payment_method) for index, item in enumerate(items)]
    await audit.record(
        actor,
        "wallet.batch_recharge",
        "Store",
        store.id,
        None,
        {
            "idempotency_key": key,
            "rows": len(rows),
            "recharged": sum(r.amount for r in rows if r.outcome and not r.outcome.replayed),
            "failed": [r.index for r in rows if r.error][:50],
        },
    )
    return rows


async def _rows_already_run(key: str, count: int) -> dict[int, Operation]:
    keys = {row_key(key, i): i for i in range(count)}
    ran = await Operation.filter(idempotency_key__in=list(keys))
    return {keys[op.idempotency_key]: op for op in ran}


async def _check_rows(
    actor: Actor, items: list[BatchItem], done: dict[int, Operation], store_id: int, payment_method: PaymentMethod
) -> list[DomainError]:
    """One error per bad row, in row order. A row that already ran is only checked to be the same
    recharge as before, so a batch key reused for a different batch is refused whole too."""
    cap = (await program.settings()).max_amount
    numbers = {item.card_no.strip().upper() for item in items}
    cards = {c.card_no: c for c in await Card.filter(card_no__in=list(numbers)).select_related("card_type")}
    first_row: dict[str, int] = {}
    problems: list[DomainError] = []
    for index, item in enumerate(items):
        number = item.card_no.strip().upper()
        earlier = first_row.setdefault(number, index)
        card = cards.get(number)
        if index in done:
            problem = _replay_problem(done[index], actor, card, (item.amount, store_id, payment_method.value))
        else:
            problem = _card_problem(card, earlier, index) or _amount_problem(item.amount, cap)
        if problem is not None:
            problems.append(_row_error(index, problem))
    return problems


def _replay_problem(ran: Operation, actor: Actor, card: Card | None, terms: tuple[int, int, str]) -> DomainError | None:
    """None when the row's earlier run was this very recharge (card, amount, store, method, staff)."""
    same = (
        ran.kind == OperationKind.RECHARGE
        and card is not None
        and (ran.card_id, ran.staff_id) == (card.id, actor.staff_id)
        and (ran.amount, ran.store_id, ran.result.get("payment_method")) == terms
    )
    if same:
        return None
    return DomainError(
        ErrorCode.IDEMPOTENCY_CONFLICT, "This row's idempotency key was already used for a different recharge.", "idempotencyKey"
    )


def _card_problem(card: Card | None, first_row: int, index: int) -> DomainError | None:
    if card is None:
        return not_found("Card", "cardNo")
    if first_row != index:
        return invalid("cardNo", f"The card is already in row {first_row}: a batch takes each card once.")
    if card.status != CardStatus.ACTIVE:
        return card_not_active(CardStatus(card.status))
    if not card.card_type.stores_value:
        return no_stored_value()
    if card.parent_id is not None:
        return subsidiary_recharge()
    return None


def _amount_problem(amount: int, cap: int) -> DomainError | None:
    if amount <= 0:
        return invalid("amount", "The amount must be more than 0.00.")
    if amount > cap:
        return invalid("amount", f"The amount is over the {cap / 100:.2f} limit.")
    return None


async def _run_row(
    actor: Actor, item: BatchItem, index: int, key: str, store_id: int, payment_method: PaymentMethod
) -> BatchRow:
    """One row's recharge; an error here (the card frozen since the check, a key reused for a
    different batch) stops this row only, and a rerun of the batch retries it."""
    request = RechargeRequest(
        card_no=item.card_no,
        amount=item.amount,
        idempotency_key=row_key(key, index),
        payment_method=payment_method,
        store_id=store_id,
    )
    try:
        outcome = await recharge(actor, request)
    except DomainError as error:
        return BatchRow(index, item.card_no, item.amount, error=_row_error(index, error))
    return BatchRow(index, item.card_no, item.amount, outcome=outcome)
