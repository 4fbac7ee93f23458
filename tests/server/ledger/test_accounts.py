from __future__ import annotations

import asyncio

import pytest
from tortoise.exceptions import IntegrityError

from server.ledger import accounts
from server.ledger.models import Account, AccountCode, Unit
from tests.server.ledger.conftest import CARD, MEMBER, STORE
from tests.statements import recorded_statements


def test_keys_name_the_code_and_the_owner():
    refs = [
        accounts.card_principal(CARD),
        accounts.card_bonus(CARD),
        accounts.member_points(MEMBER),
        accounts.store_takings(STORE),
        accounts.BONUS_FUNDING,
        accounts.POINTS_ISSUED,
    ]

    assert [r.key for r in refs] == [
        "CARD_PRINCIPAL:card:42",
        "CARD_BONUS:card:42",
        "MEMBER_POINTS:member:7",
        "STORE_TAKINGS:store:3",
        "BONUS_FUNDING:hq",
        "POINTS_ISSUED:hq",
    ]


async def test_missing_accounts_are_created_with_their_unit_and_a_balance_only_when_tracked(db):
    refs = [accounts.card_bonus(CARD), accounts.member_points(MEMBER), accounts.store_takings(STORE), accounts.POINTS_ISSUED]

    resolved = await accounts.resolve(refs)

    rows = {a.key: (a.code, a.unit, a.card_id, a.member_id, a.store_id, a.balance) for a in await Account.all()}
    assert rows == {
        "CARD_BONUS:card:42": (AccountCode.CARD_BONUS, Unit.FEN, CARD, None, None, 0),
        "MEMBER_POINTS:member:7": (AccountCode.MEMBER_POINTS, Unit.POINTS, None, MEMBER, None, 0),
        "STORE_TAKINGS:store:3": (AccountCode.STORE_TAKINGS, Unit.FEN, None, None, STORE, None),
        "POINTS_ISSUED:hq": (AccountCode.POINTS_ISSUED, Unit.POINTS, None, None, None, None),
    }
    assert {ref.key: account.key for ref, account in resolved.items()} == {r.key: r.key for r in refs}


async def test_resolving_accounts_that_all_exist_takes_one_query(db):
    refs = [accounts.card_principal(CARD), accounts.card_bonus(CARD), accounts.store_takings(STORE), accounts.BONUS_FUNDING]
    first = await accounts.resolve(refs)

    with recorded_statements() as statements:
        again = await accounts.resolve(refs)

    assert len(statements) == 1
    assert statements[0].lstrip().upper().startswith("SELECT")
    assert {r: a.id for r, a in again.items()} == {r: a.id for r, a in first.items()}


async def test_resolving_creates_only_the_missing_accounts(db):
    existing = await accounts.resolve([accounts.card_principal(CARD)])

    both = await accounts.resolve([accounts.card_principal(CARD), accounts.card_bonus(CARD)])

    assert both[accounts.card_principal(CARD)].id == existing[accounts.card_principal(CARD)].id
    assert await Account.all().count() == 2


async def test_an_account_key_exists_once(db):
    await accounts.resolve([accounts.card_principal(CARD)])

    with pytest.raises(IntegrityError):
        await Account.create(key="CARD_PRINCIPAL:card:42", code=AccountCode.CARD_PRINCIPAL, unit=Unit.FEN, balance=0)

    assert await Account.filter(key="CARD_PRINCIPAL:card:42").count() == 1


async def test_concurrent_resolves_of_a_new_account_agree_on_one_row(db):
    ref = accounts.member_points(MEMBER)

    results = await asyncio.gather(*(accounts.resolve([ref]) for _ in range(5)))

    assert len({r[ref].id for r in results}) == 1
    assert await Account.filter(key=ref.key).count() == 1


async def test_finding_accounts_returns_those_that_exist_and_creates_none(db):
    await accounts.resolve([accounts.card_principal(CARD)])

    found = await accounts.find([accounts.card_principal(CARD), accounts.card_bonus(CARD)])

    assert [ref.key for ref in found] == ["CARD_PRINCIPAL:card:42"]
    assert await Account.all().count() == 1


async def test_resolving_what_was_found_creates_only_the_rest_without_reading_again(db):
    refs = [accounts.card_principal(CARD), accounts.card_bonus(CARD)]
    await accounts.resolve(refs[:1])
    found = await accounts.find(refs)

    with recorded_statements() as statements:
        resolved = await accounts.resolve(refs, found)

    assert [s.lstrip().split()[0].upper() for s in statements] == ["INSERT"]
    assert resolved[refs[0]].id == found[refs[0]].id
    assert await Account.filter(key__in=[r.key for r in refs]).count() == 2
