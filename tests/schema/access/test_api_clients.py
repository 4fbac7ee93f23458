"""Partner apps over GraphQL: HQ issues keys; a client sees only its allowed fields, within its
role and scope, at its request rate."""

from __future__ import annotations

from typing import Any

from server.access.models import ApiClient
from server.audit.models import AuditEntry
from server.ledger.models import Operation
from server.member.models import Member
from tests.conftest import Api, Org, People
from tests.schema.access.conftest import gid
from tests.server.wallet.conftest import wallet  # noqa: F401 - the card C0001 at SH001

CLIENT_FIELDS = "id name keyPrefix allowedFields rateLimitPerMinute revokedAt expiresAt identity { username displayName role store { code } permissions }"
CREATE = f"""
mutation($input: CreateApiClientInput!) {{
  createApiClient(input: $input) {{ key apiClient {{ {CLIENT_FIELDS} }} errors {{ field code message }} }}
}}
"""
UPDATE = f"""
mutation($id: ID!, $input: UpdateApiClientInput!) {{
  updateApiClient(id: $id, input: $input) {{ apiClient {{ {CLIENT_FIELDS} }} errors {{ field code message }} }}
}}
"""
REVOKE = "mutation($id: ID!) { revokeApiClient(id: $id) { apiClient { revokedAt } errors { code } } }"
ROTATE = "mutation($id: ID!) { rotateApiClientKey(id: $id) { key apiClient { keyPrefix } errors { code } } }"
LOOKUP = "query($phone: String!) { memberLookup(phone: $phone) { name birthday memberNo } }"
PHONE = "query($phone: String!) { memberLookup(phone: $phone) { phone birthdayMonthDay } }"
RECHARGE = """
mutation($input: RechargeInput!) {
  recharge(input: $input) { transfer { amount operator store { code } } errors { field code message } }
}
"""
POS_FIELDS = [
    "Query.memberLookup",
    "Member.name",
    "Member.memberNo",
    "Mutation.recharge",
    "TransferPayload.*",
    "Transfer.*",
    "UserError.*",
]


async def issue(api: Api, org: Org, **changes: Any) -> tuple[Api, dict[str, Any]]:
    """HQ issues a STORE client at SH001; returns an Api acting with its key, and the payload."""
    hq = await api.login("hq.admin")
    body = {
        "name": "POS 上海一店",
        "scope": {"role": "STORE", "storeId": gid("Store", org.stores["SH001"].id)},
        "allowedFields": POS_FIELDS,
        "rateLimitPerMinute": 100,
        **changes,
    }
    payload = (await hq(CREATE, input=body))["data"]["createApiClient"]
    assert payload["errors"] == [], payload
    return api.as_(payload["key"]), payload


async def test_hq_issues_a_client_and_sees_it_listed_but_never_its_key_again(api: Api, org: Org) -> None:
    # when
    _, payload = await issue(api, org)

    # then
    client = payload["apiClient"]
    assert payload["key"].startswith(client["keyPrefix"]) and client["keyPrefix"].startswith("tsk_")
    assert client["identity"]["role"] == "STORE" and client["identity"]["store"] == {"code": "SH001"}
    assert client["identity"]["displayName"] == "POS 上海一店" and client["expiresAt"] is None
    assert "RECHARGE" in client["identity"]["permissions"]
    hq = await api.login("hq.admin")
    listed = await hq(f"{{ apiClients {{ {CLIENT_FIELDS} }} staffMembers {{ username }} }}")
    assert listed["data"]["apiClients"] == [client]
    assert client["identity"]["username"] not in [s["username"] for s in listed["data"]["staffMembers"]]
    assert payload["key"] not in str(listed)


async def test_unknown_fields_are_refused_in_the_payload(api: Api, org: Org) -> None:
    # given
    hq = await api.login("hq.admin")

    # when
    body = await hq(
        CREATE,
        input={"name": "ERP", "scope": {"role": "HQ"}, "allowedFields": ["Member.name", "Member.salary"]},
    )

    # then
    assert body["data"]["createApiClient"]["errors"] == [
        {"field": ["allowedFields"], "code": "INVALID", "message": "The API has no Member.salary."}
    ]
    assert await ApiClient.all().count() == 0


async def test_a_client_reads_its_allowed_fields_and_gets_null_with_an_error_for_others(
    api: Api, org: Org, people: People
) -> None:
    # given
    pos, _ = await issue(api, org)

    # when
    body = await pos(LOOKUP, phone=people.phones["SH001"])

    # then: the member is SH001's, so the clerk-scoped client may see it; `birthday` is not allowed
    assert body["data"]["memberLookup"] == {
        "name": "会员SH001",
        "birthday": None,
        "memberNo": people.by_store["SH001"].member_no,
    }
    [error] = body["errors"]
    assert error["path"] == ["memberLookup", "birthday"]
    assert error["extensions"]["code"] == "PERMISSION_DENIED"
    assert error["message"] == "This API client may not use Member.birthday."


async def test_a_wildcard_allows_every_field_of_a_type(api: Api, org: Org, people: People) -> None:
    # given
    pos, _ = await issue(api, org, allowedFields=["Query.memberLookup", "Member.*"])

    # when
    body = await pos(PHONE, phone=people.phones["SH001"])

    # then: the phone comes masked, as the STORE role sees it
    assert "errors" not in body
    assert body["data"]["memberLookup"]["phone"] == "138****5678"
    assert body["data"]["memberLookup"]["birthdayMonthDay"] is not None


async def test_a_mutation_outside_the_set_is_refused_and_changes_nothing(api: Api, org: Org, people: People) -> None:
    # given
    pos, _ = await issue(api, org)

    # when
    body = await pos(
        'mutation($id: ID!) { updateMember(id: $id, input: {name: "改名"}) { member { name } errors { code } } }',
        id=gid("Member", people.by_store["SH001"].id),
    )

    # then
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert body["errors"][0]["message"] == "This API client may not use Mutation.updateMember."
    assert (await Member.get(id=people.by_store["SH001"].id)).name == "会员SH001"


async def test_money_moved_by_a_client_names_it_as_the_operator(api: Api, org: Org, wallet: Any) -> None:
    # given
    pos, payload = await issue(api, org)

    # when
    body = await pos(RECHARGE, input={"cardNo": "C0001", "amount": "50.00", "idempotencyKey": "pos-r1"})

    # then: its role's rules apply (STORE: at its own store) and the ledger names the client
    recharged = body["data"]["recharge"]
    assert recharged["errors"] == [] and recharged["transfer"]["amount"] == "50.00"
    assert recharged["transfer"]["operator"] == payload["apiClient"]["identity"]["username"]
    assert [e["path"] for e in body["errors"]] == [["recharge", "transfer", "store", "code"]]  # Store.* is not allowed
    operation = await Operation.get(idempotency_key="pos-r1")
    client = await ApiClient.get(name="POS 上海一店")
    assert operation.staff_id == client.staff_id
    assert await AuditEntry.filter(action="wallet.recharge", actor_id=client.staff_id).count() == 1


async def test_over_the_rate_limit_a_client_gets_429_with_retry_after(api: Api, org: Org, people: People) -> None:
    # given
    pos, _ = await issue(api, org, rateLimitPerMinute=3)

    # when
    answers = [await pos(LOOKUP, phone=people.phones["SH001"]) for _ in range(3)]
    refused = await pos(LOOKUP, phone=people.phones["SH001"])

    # then
    assert all(a["data"]["memberLookup"]["name"] == "会员SH001" for a in answers)
    response = pos.last_response
    assert response is not None and response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 60
    assert refused["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    hq = await api.login("hq.admin")
    assert all([(await hq("{ me { username } }"))["data"]["me"] for _ in range(5)])  # staff are not limited


async def test_changes_revocation_and_rotation_take_effect_on_the_next_request(
    api: Api, org: Org, people: People
) -> None:
    # given
    pos, payload = await issue(api, org)
    hq = await api.login("hq.admin")
    client_id = payload["apiClient"]["id"]

    # when: the phone is allowed
    changed = await hq(UPDATE, id=client_id, input={"allowedFields": ["Query.memberLookup", "Member.phone"]})
    after_change = await pos(PHONE, phone=people.phones["SH001"])
    rotated = (await hq(ROTATE, id=client_id))["data"]["rotateApiClientKey"]
    with_old_key = await pos("{ me { username } }")
    with_new_key = await api.as_(rotated["key"])("{ me { username } }")
    revoked = await hq(REVOKE, id=client_id)
    after_revocation = await api.as_(rotated["key"])("{ me { username } }")

    # then
    assert changed["data"]["updateApiClient"]["apiClient"]["allowedFields"] == ["Member.phone", "Query.memberLookup"]
    assert after_change["data"]["memberLookup"]["phone"] == "138****5678"
    assert [e["path"] for e in after_change["errors"]] == [["memberLookup", "birthdayMonthDay"]]
    assert rotated["errors"] == [] and rotated["key"].startswith(rotated["apiClient"]["keyPrefix"])
    assert with_old_key["data"]["me"] is None
    assert with_new_key["errors"][0]["message"] == "This API client may not use Query.me."
    assert revoked["data"]["revokeApiClient"]["apiClient"]["revokedAt"] is not None
    assert after_revocation["data"]["me"] is None


async def test_clients_are_managed_by_staff_managers_only(api: Api, org: Org) -> None:
    # given
    _, payload = await issue(api, org)
    clerk = await api.login("sh001.clerk")

    # when
    listed = await clerk("{ apiClients { id } }")
    revoked = await clerk(REVOKE, id=payload["apiClient"]["id"])

    # then
    assert listed["data"]["apiClients"] is None
    assert listed["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert revoked["data"]["revokeApiClient"]["errors"] == [{"code": "PERMISSION_DENIED"}]
    assert (await ApiClient.get()).revoked_at is None


async def test_downloads_are_for_staff_not_api_clients(api: Api, org: Org) -> None:
    # given: a client whose identity holds EXPORT
    pos, _ = await issue(api, org, grants=["EXPORT"])

    # when
    response = await api.client.get(
        "/exports/liability", params={"asOf": "2026-03-01"}, headers={"Authorization": f"Bearer {pos.token}"}
    )

    # then
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"
    assert await AuditEntry.filter(action="liability.export").count() == 0
