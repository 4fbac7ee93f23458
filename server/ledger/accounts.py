"""Naming and resolving accounts: every account has a unique key (`CARD_BONUS:card:42`), and a
posting resolves all the accounts it needs in one query, creating the missing ones — on
PostgreSQL a payment's accounts ride along the read of its card (`with_owned_accounts`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from tortoise.exceptions import IntegrityError

from server.core.joined import Join, select
from server.core.sql import current_dialect, sql, values
from server.ledger.models import TRACKED, Account, AccountCode, Unit

_UNITS = {
    AccountCode.CARD_PRINCIPAL: Unit.FEN,
    AccountCode.CARD_BONUS: Unit.FEN,
    AccountCode.MEMBER_POINTS: Unit.POINTS,
    AccountCode.STORE_TAKINGS: Unit.FEN,
    AccountCode.BONUS_FUNDING: Unit.FEN,
    AccountCode.POINTS_ISSUED: Unit.POINTS,
}


@dataclass(frozen=True)
class AccountRef:
    code: AccountCode
    card_id: int | None = None
    member_id: int | None = None
    store_id: int | None = None

    @property
    def key(self) -> str:
        if self.card_id is not None:
            owner = f"card:{self.card_id}"
        elif self.member_id is not None:
            owner = f"member:{self.member_id}"
        elif self.store_id is not None:
            owner = f"store:{self.store_id}"
        else:
            owner = "hq"
        return f"{self.code.value}:{owner}"


def card_principal(card_id: int) -> AccountRef:
    return AccountRef(AccountCode.CARD_PRINCIPAL, card_id=card_id)


def card_bonus(card_id: int) -> AccountRef:
    return AccountRef(AccountCode.CARD_BONUS, card_id=card_id)


def member_points(member_id: int) -> AccountRef:
    return AccountRef(AccountCode.MEMBER_POINTS, member_id=member_id)


def store_takings(store_id: int) -> AccountRef:
    return AccountRef(AccountCode.STORE_TAKINGS, store_id=store_id)


BONUS_FUNDING = AccountRef(AccountCode.BONUS_FUNDING)
POINTS_ISSUED = AccountRef(AccountCode.POINTS_ISSUED)


def matching(refs: list[AccountRef], found: list[Account]) -> dict[AccountRef, Account]:
    """Those of `found` that are accounts for `refs`, by ref."""
    by_key = {a.key: a for a in found}
    return {ref: by_key[ref.key] for ref in refs if ref.key in by_key}


async def find(refs: list[AccountRef]) -> dict[AccountRef, Account]:
    """Those of the accounts for `refs` that exist, in one SELECT; creates nothing (a quote)."""
    return matching(refs, await select(Account, sql("x.key IN ") + values([r.key for r in refs])))


def _owned_columns() -> list[str]:
    return sorted(Account._meta.db_fields)


def with_owned_accounts(card: Join, keys: list[str]) -> Join:
    """On PostgreSQL, `card` (a read of one card under alias c) with the accounts of the card its
    money sits in (its parent's for a subsidiary card, as `server.card.services.money_card` says),
    of its member, and those keyed `keys`: one LATERAL read after the card's, each column an array
    under `acct.<column>` (`owned_accounts` makes the accounts). Elsewhere `card` as it is.

    The keys are listed, not passed as one array (`= ANY(?)`): PostgreSQL then scanned the whole
    table, ~250 µs of its CPU per payment against ~10 for the index look-ups."""
    if current_dialect() != "postgres":
        return card
    aggregated = ", ".join(f'array_agg(a."{column}") AS "acct.{column}"' for column in _owned_columns())
    lateral = (
        sql(
            f" LEFT JOIN LATERAL (SELECT {aggregated} FROM ledger_account a WHERE a.card_id = COALESCE(c.parent_id, c.id)"
            " OR a.member_id = c.member_id OR a.key IN "
        )
        + values(keys)
        + sql(") acct ON TRUE")
    )
    selected = ", ".join(f'acct."acct.{column}"' for column in _owned_columns())
    return replace(card, columns=f"{card.columns}, {selected}", lateral=card.lateral + lateral)


def owned_accounts(row: dict[str, Any]) -> list[Account] | None:
    """The accounts `with_owned_accounts` read into `row`, or None when it read none (not PostgreSQL)."""
    if "acct.id" not in row:
        return None
    arrays = {column: row[f"acct.{column}"] or [] for column in _owned_columns()}
    return [Account._init_from_db(**{column: arrays[column][n] for column in arrays}) for n in range(len(arrays["id"]))]


async def resolve(refs: list[AccountRef], found: dict[AccountRef, Account] | None = None) -> dict[AccountRef, Account]:
    """The accounts for `refs`, creating the missing ones: one SELECT when they all exist, none
    when `found` (what `find()` returned for them) has them all."""
    found = await find(refs) if found is None else found
    return {ref: found[ref] if ref in found else await _create(ref) for ref in refs}


async def _create(ref: AccountRef) -> Account:
    try:
        return await Account.create(
            key=ref.key,
            code=ref.code,
            unit=_UNITS[ref.code],
            card_id=ref.card_id,
            member_id=ref.member_id,
            store_id=ref.store_id,
            balance=0 if ref.code in TRACKED else None,
        )
    except IntegrityError:
        return await Account.get(key=ref.key)
