"""Shared GraphQL documents and helpers for the access API tests."""

from __future__ import annotations

from typing import Any

import pytest

from schema.core.ids import encode_id
from tests.conftest import Api

LOGIN = """
mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) { token staff { username } errors { field code message } }
}
"""

ME = "{ me { username role isActive permissions region { code } store { code } } }"


@pytest.fixture
def login(api: Api) -> Any:
    """Calls the login mutation and returns its payload."""

    async def call(username: str, password: str) -> dict[str, Any]:
        body = await api(LOGIN, u=username, p=password)
        return body["data"]["login"]

    return call

STAFF_FIELDS = "id username displayName role isActive grants withholds permissions region { code } store { code }"

CREATE_STAFF = f"""
mutation($input: CreateStaffInput!) {{
  createStaff(input: $input) {{ staff {{ {STAFF_FIELDS} }} errors {{ field code message }} }}
}}
"""

UPDATE_STAFF = f"""
mutation($id: ID!, $input: UpdateStaffInput!) {{
  updateStaff(id: $id, input: $input) {{ staff {{ {STAFF_FIELDS} }} errors {{ field code message }} }}
}}
"""


def gid(type_name: str, pk: int) -> str:
    """The global ID clients use for a row."""
    return str(encode_id(type_name, pk))
