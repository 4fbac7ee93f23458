"""regions / stores: every signed-in role reads the whole organisation (members are served everywhere)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api


@pytest.mark.parametrize("username", ["hq.admin", "east.manager", "sh001.clerk", "cd001.clerk"])
async def test_every_role_reads_all_regions_and_stores(api: Api, org: Any, username: str) -> None:
    # given
    client = await api.login(username)

    # when
    body = await client("{ regions { code name } stores { code name isActive region { code } } }")

    # then
    assert body == {
        "data": {
            "regions": [{"code": "EAST", "name": "华东"}, {"code": "WEST", "name": "西部"}],
            "stores": [
                {"code": "CD001", "name": "成都一店", "isActive": True, "region": {"code": "WEST"}},
                {"code": "SH001", "name": "上海一店", "isActive": True, "region": {"code": "EAST"}},
                {"code": "SH002", "name": "上海二店", "isActive": True, "region": {"code": "EAST"}},
            ],
        }
    }
