"""How failures reach clients: bad input is a typed error, never a 500; bugs are masked and logged once."""

from __future__ import annotations

import pytest
from graphql import GraphQLError
from strawberry.relay import GlobalID

from schema.core.errors import expected_error
from server.member import services
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from tests.logs import captured_logs

CREATE = """
mutation($input: CreateMemberInput!) {
  createMember(input: $input) { member { name } errors { field code message } }
}
"""
UPDATE = """
mutation($id: ID!, $input: UpdateMemberInput!) {
  updateMember(id: $id, input: $input) { member { name } errors { field code message } }
}
"""


def gid(type_name: str, pk: int | str) -> str:
    return str(GlobalID(type_name, str(pk)))


async def a_member(org) -> Member:
    store = org.stores["SH001"]
    return await create_member(org.actors["hq.admin"], MemberDraft(name="王五", phone="13900139000", home_store_id=store.id))


async def test_an_unexpected_error_is_masked_and_logged_once_with_its_traceback_and_request_id(api, org, monkeypatch):
    hq = await api.login("hq.admin")

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire at 10.0.0.7")

    monkeypatch.setattr(services, "create_member", broken)

    with captured_logs() as logs:
        response = await api.client.post(
            "/graphql",
            json={"query": CREATE, "variables": {"input": {"name": "张三", "phone": "13800138000"}}},
            headers={"authorization": f"Bearer {hq.token}", "x-request-id": "req-42"},
        )

    assert response.status_code == 200
    assert response.json() == {
        "data": None,
        "errors": [{"message": "Unexpected error.", "locations": [{"line": 3, "column": 3}], "path": ["createMember"]}],
    }
    errors = logs.at("error")
    assert len(errors) == 1
    assert errors[0]["event"] == "unexpected_error"
    assert errors[0]["request_id"] == "req-42"
    assert errors[0]["path"] == ["createMember"]
    assert errors[0]["exception"].startswith("Traceback (most recent call last):")
    assert errors[0]["exception"].rstrip().endswith("RuntimeError: disk on fire at 10.0.0.7")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(GraphQLError("Cannot query field 'x'."), True, id="validation error"),
        pytest.param(GraphQLError("Variable '$n'...", original_error=GraphQLError("Int cannot...")), True, id="variable error"),
        pytest.param(GraphQLError("Sign in first.", path=["members"], original_error=GraphQLError("Sign in first."), extensions={"code": "UNAUTHENTICATED"}), True, id="permission class"),
        pytest.param(GraphQLError("Abstract type 'Node' must resolve...", path=["node"], original_error=GraphQLError("Abstract type")), False, id="graphql-core error while executing a field"),
        pytest.param(GraphQLError("boom", path=["members"], original_error=KeyError("boom")), False, id="exception in a resolver"),
        pytest.param(GraphQLError("boom", original_error=KeyError("boom")), False, id="exception in an extension"),
    ],
)
def test_only_errors_of_the_clients_making_are_expected(error, expected):
    assert expected_error(error) is expected


async def test_a_domain_error_is_shown_as_it_is_and_not_logged_as_an_error(api, org):
    hq = await api.login("hq.admin")
    await a_member(org)

    with captured_logs() as logs:
        body = await hq(CREATE, input={"name": "张三", "phone": "13900139000", "homeStoreId": gid("Store", org.stores["SH001"].id)})

    assert body["data"]["createMember"]["errors"] == [
        {"field": ["phone"], "code": "DUPLICATE_PHONE", "message": body["data"]["createMember"]["errors"][0]["message"]}
    ]
    assert await Member.all().count() == 1
    assert logs.at("error") == []
    assert "Traceback" not in logs.text


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("{ members { totalCount } }", id="not signed in"),
        pytest.param("{ nope }", id="validation error"),
        pytest.param("{ members(first: 1000) { totalCount } }", id="domain error in a query"),
        pytest.param('{ node(id: "!!!") { id } }', id="undecodable global id"),
    ],
)
async def test_expected_errors_log_no_error_and_no_traceback(api, org, query):
    with captured_logs() as logs:
        await api(query)

    assert logs.at("error") == []
    assert "Traceback" not in logs.text


async def test_a_permission_denial_is_not_logged_by_strawberry(api, org, caplog):
    clerk = await api.login("sh001.clerk")

    with caplog.at_level("DEBUG", logger="strawberry.execution"):
        body = await clerk('mutation { createTag(name: "VIP") { errors { code } } }')

    assert body == {"data": {"createTag": {"errors": [{"code": "PERMISSION_DENIED"}]}}}
    assert [r for r in caplog.records if r.name == "strawberry.execution"] == []


async def test_a_megabyte_name_is_invalid_in_the_payload(api, org):
    hq = await api.login("hq.admin")

    body = await hq(CREATE, input={"name": "张" * 300_000, "phone": "13800138000", "homeStoreId": gid("Store", org.stores["SH001"].id)})

    assert hq.last_response.status_code == 200
    assert body == {
        "data": {"createMember": {"member": None, "errors": [
            {"field": ["name"], "code": "INVALID", "message": "name must be at most 100 characters."}
        ]}}
    }
    assert await Member.all().count() == 0


async def test_an_absurd_phone_is_invalid_in_the_payload(api, org):
    hq = await api.login("hq.admin")

    body = await hq(CREATE, input={"name": "张三", "phone": "1" * 100_000, "homeStoreId": gid("Store", org.stores["SH001"].id)})

    errors = body["data"]["createMember"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [(["phone"], "INVALID")]
    assert await Member.all().count() == 0


NUL_ERROR = {"errors": [{"message": "Text must not contain the NUL character (U+0000)."}]}


async def test_a_nul_character_in_a_variable_is_400_and_changes_nothing(api, org):
    hq = await api.login("hq.admin")

    body = await hq(CREATE, input={"name": "张\x00三", "phone": "13800138000", "homeStoreId": gid("Store", org.stores["SH001"].id)})

    assert hq.last_response.status_code == 400
    assert body == NUL_ERROR
    assert await Member.all().count() == 0


@pytest.mark.parametrize(
    "query",
    [
        pytest.param('mutation { login(username: "hq\\u0000admin", password: "x") { token } }', id="login name"),
        pytest.param('{ members(filter: {text: "\\u0000"}) { totalCount } }', id="list filter"),
        pytest.param('{ memberLookup(memberNo: "M\\u0000") { id } }', id="lookup"),
        pytest.param('{ memberLookup(memberNo: "M\\u{0}") { id } }', id="variable-width escape"),
        pytest.param('{ memberLookup(memberNo: "M\x00") { id } }', id="the character itself"),
    ],
)
async def test_a_nul_character_in_a_string_literal_is_400(api, org, query):
    hq = await api.login("hq.admin")

    body = await hq(query)

    assert hq.last_response.status_code == 400
    assert body == NUL_ERROR


async def test_a_tag_id_where_a_member_id_is_expected_is_invalid_in_the_payload(api, org):
    hq = await api.login("hq.admin")
    member = await a_member(org)
    created = await hq('mutation { createTag(name: "VIP") { tag { id } errors { code } } }')
    tag_id = created["data"]["createTag"]["tag"]["id"]

    body = await hq(UPDATE, id=tag_id, input={"name": "赵六"})

    assert body == {
        "data": {"updateMember": {"member": None, "errors": [{"field": ["id"], "code": "INVALID", "message": "Not a Member ID."}]}}
    }
    assert (await Member.get(id=member.id)).name == "王五"


async def test_an_unknown_member_id_is_not_found_in_the_payload(api, org):
    hq = await api.login("hq.admin")
    member = await a_member(org)

    body = await hq(UPDATE, id=gid("Member", member.id + 1000), input={"name": "赵六"})

    assert body == {
        "data": {"updateMember": {"member": None, "errors": [{"field": ["id"], "code": "NOT_FOUND", "message": "Member not found."}]}}
    }
    assert (await Member.get(id=member.id)).name == "王五"


@pytest.mark.parametrize(
    "raw_id",
    [
        pytest.param("!!!not-base64", id="not base64"),
        pytest.param("Zm9v", id="base64 without a type"),
        pytest.param("", id="empty"),
    ],
)
async def test_an_undecodable_id_is_an_invalid_error_not_a_crash(api, org, raw_id):
    hq = await api.login("hq.admin")
    member = await a_member(org)

    body = await hq(UPDATE, id=raw_id, input={"name": "赵六"})

    assert hq.last_response.status_code == 200
    assert body["data"] is None
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["updateMember"], "INVALID")]
    assert body["errors"][0]["message"] == f'Value cannot represent a GlobalID: "{raw_id}".'
    assert (await Member.get(id=member.id)).name == "王五"


@pytest.mark.parametrize(
    ("raw_id", "message"),
    [
        pytest.param("!!!", 'Value cannot represent a GlobalID: "!!!".', id="not base64"),
        pytest.param(gid("NoSuchType", 1), "Cannot resolve. GlobalID requires a GraphQL type, received `NoSuchType`.", id="unknown type"),
    ],
)
async def test_node_with_a_bad_id_is_null_with_an_invalid_error(api, org, raw_id, message):
    hq = await api.login("hq.admin")

    body = await hq("query($id: ID!) { node(id: $id) { id } }", id=raw_id)

    assert body["data"] == {"node": None}
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [(message, "INVALID")]


async def test_node_with_a_member_id_that_is_not_a_number_is_null(api, org):
    hq = await api.login("hq.admin")

    body = await hq("query($id: ID!) { node(id: $id) { id } }", id=gid("Member", "abc"))

    assert body == {"data": {"node": None}}


async def test_a_garbage_cursor_is_invalid(api, org):
    hq = await api.login("hq.admin")

    body = await hq('{ members(after: "@@@") { totalCount } }')

    assert body["data"] is None
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["members"], "INVALID")]
