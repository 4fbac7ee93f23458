"""Org services refuse callers without an actor, and codes are unique across the whole brand."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from server.core.errors import DomainError, ErrorCode
from server.org import services
from tests.server.audit.recorded import database_rows

CALLS: dict[str, Callable[[Any], Awaitable[object]]] = {
    "create_region": lambda org: services.create_region(None, "NORTH", "华北"),
    "update_region": lambda org: services.update_region(None, org.regions["EAST"].id, "改名"),
    "create_store": lambda org: services.create_store(None, "SH003", "上海三店", org.regions["EAST"].id),
    "update_store": lambda org: services.update_store(None, org.stores["SH001"].id, is_active=False),
}


@pytest.mark.parametrize("name", list(CALLS))
async def test_org_changes_without_an_actor_are_unauthenticated(org: Any, name: str) -> None:
    # given
    before = await database_rows()

    # when
    with pytest.raises(DomainError) as raised:
        await CALLS[name](org)

    # then
    assert raised.value.code is ErrorCode.UNAUTHENTICATED
    assert await database_rows() == before


async def test_store_code_taken_in_another_region_is_duplicate(org: Any) -> None:
    # given
    before = await database_rows()

    # when
    with pytest.raises(DomainError) as raised:
        await services.create_store(org.actors["hq.admin"], "cd001", "上海的成都店", org.regions["EAST"].id)

    # then
    assert (raised.value.code, raised.value.field) == (ErrorCode.DUPLICATE, ["code"])
    assert await database_rows() == before
