"""staffMembers: HQ lists every account; other roles get null and PERMISSION_DENIED."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api

STAFF_MEMBERS = "{ staffMembers { username role } }"


async def test_hq_lists_every_account_by_username(api: Api, org: Any) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(STAFF_MEMBERS)

    # then
    assert body["data"]["staffMembers"] == [
        {"username": "cd001.clerk", "role": "STORE"},
        {"username": "east.manager", "role": "REGION"},
        {"username": "hq.admin", "role": "HQ"},
        {"username": "sh001.clerk", "role": "STORE"},
    ]
    assert "errors" not in body


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_region_and_store_staff_get_null_and_permission_denied(api: Api, org: Any, username: str) -> None:
    # given an anonymous attempt first: a denial must not depend on who was refused before
    await api(STAFF_MEMBERS)
    client = await api.login(username)

    # when
    body = await client("{ staffMembers { username } me { username } }")

    # then
    assert body["data"] == {"staffMembers": None, "me": {"username": username}}
    assert [(e["path"], e["extensions"]["code"], e["message"]) for e in body["errors"]] == [
        (["staffMembers"], "PERMISSION_DENIED", "Your account may not manage staff.")
    ]
