"""The till: the store a payment is taken at, the programme's settings and the store's earn terms,
read in one statement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.card.services import card_from_row, card_join
from server.core.errors import DomainError, ErrorCode
from server.org.models import Store
from server.program.models import ProgramSettings
from server.program.services import set_earn_rule, update_settings
from server.wallet.stores import till
from tests.statements import recorded_statements

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)


async def test_a_clerks_till_is_its_own_store_with_the_settings_and_the_store_rule_in_one_statement(org) -> None:
    hq, clerk = org.actors["hq.admin"], org.actors["sh001.clerk"]
    await update_settings(hq, max_amount=123_456)
    await set_earn_rule(hq, None, 2)
    await set_earn_rule(hq, org.stores["SH001"].id, 5, 200, NOW - timedelta(days=1), NOW + timedelta(days=1))

    with recorded_statements() as statements:
        found, _ = await till(clerk, None, NOW)

    assert len(statements) == 1
    assert found.store.id == org.stores["SH001"].id
    assert found.settings.max_amount == 123_456
    assert (found.terms.points_per_yuan, found.terms.promotion_pct) == (5, 200)


async def test_a_store_without_its_own_rule_earns_by_the_brand_default_and_without_either_one_point(org) -> None:
    hq = org.actors["hq.admin"]
    sh002 = org.stores["SH002"].id

    assert (await till(hq, sh002, NOW))[0].terms.points_per_yuan == 1
    await set_earn_rule(hq, None, 3, 150, NOW + timedelta(days=1), None)
    terms = (await till(hq, sh002, NOW))[0].terms
    assert (terms.points_per_yuan, terms.promotion_pct) == (3, 100)  # the promotion has not begun


async def test_the_settings_row_is_created_with_its_defaults_when_missing(org) -> None:
    await ProgramSettings.all().delete()

    found, _ = await till(org.actors["sh001.clerk"], None, NOW)

    assert found.settings.max_amount == ProgramSettings._meta.fields_map["max_amount"].default
    assert await ProgramSettings.filter(id=1).count() == 1


@pytest.mark.parametrize(
    ("who", "store", "code"),
    [
        ("sh001.clerk", "CD001", ErrorCode.PERMISSION_DENIED),
        ("east.manager", "CD001", ErrorCode.PERMISSION_DENIED),
        ("hq.admin", "CLOSED", ErrorCode.NOT_FOUND),
        ("hq.admin", "NOWHERE", ErrorCode.NOT_FOUND),
    ],
)
async def test_a_till_elsewhere_is_refused(org, who, store, code) -> None:
    await Store.filter(id=org.stores["SH002"].id).update(is_active=False)
    store_id = {"CD001": org.stores["CD001"].id, "CLOSED": org.stores["SH002"].id, "NOWHERE": 999_999}[store]

    with pytest.raises(DomainError) as refused:
        await till(org.actors[who], store_id, NOW)

    assert refused.value.code is code


async def test_the_payments_card_rides_along_in_the_same_statement(org, wallet) -> None:
    await update_settings(org.actors["hq.admin"], max_amount=123_456)

    with recorded_statements() as statements:
        found, row = await till(org.actors["sh001.clerk"], None, NOW, card_join("c0001", with_member=True))
        card = card_from_row(row, with_member=True)

    assert len(statements) == 1
    assert found.store.id == org.stores["SH001"].id
    assert (card.card_no, card.card_type.code, card.member.id) == ("C0001", wallet.card_type.code, wallet.member.id)


async def test_an_unknown_card_beside_a_known_store_is_not_found(org) -> None:
    found, row = await till(org.actors["sh001.clerk"], None, NOW, card_join("NOCARD1"))

    with pytest.raises(DomainError) as refused:
        card_from_row(row)

    assert found.store.id == org.stores["SH001"].id
    assert (refused.value.code, refused.value.field) == (ErrorCode.NOT_FOUND, ["cardNo"])
