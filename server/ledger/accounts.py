"""Naming and resolving accounts: every account has a unique key (`CARD_BONUS:card:42`), and a
posting resolves all the accounts it needs in one query, creating the missing ones."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from server.core.joined import select
from server.core.sql import sql, values
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


async def find(refs: list[AccountRef]) -> dict[AccountRef, Account]:
    """Those of the accounts for `refs` that exist, in one SELECT; creates nothing (a quote)."""
    by_key = {a.key: a for a in await select(Account, sql("x.key IN ") + values([r.key for r in refs]))}
    return {ref: by_key[ref.key] for ref in refs if ref.key in by_key}


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
