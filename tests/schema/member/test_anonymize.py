"""anonymizeMember over GraphQL: HQ only, with a reason; the member reads as erased afterwards."""

from __future__ import annotations

from tests.conftest import Api, Org, People
from tests.schema.member.conftest import gid

ANONYMIZE = """
mutation($id: ID!, $reason: String!) {
  anonymizeMember(id: $id, reason: $reason) {
    member { memberNo name phone email birthday status }
    errors { field code message }
  }
}
"""


async def test_hq_anonymizes_a_member(api: Api, org: Org, people: People) -> None:
    # given
    hq = await api.login("hq.admin")
    member = people.by_store["SH001"]

    # when
    body = await hq(ANONYMIZE, id=gid("Member", member.id), reason="会员申请删除个人信息")

    # then
    payload = body["data"]["anonymizeMember"]
    assert payload["errors"] == []
    assert payload["member"] == {
        "memberNo": member.member_no,
        "name": "已注销会员",
        "phone": "",
        "email": "",
        "birthday": None,
        "status": "ANONYMIZED",
    }
    found = await hq("query($p: String!) { memberLookup(phone: $p) { id } }", p=people.phones["SH001"])
    assert found["data"]["memberLookup"] is None


async def test_staff_below_hq_may_not(api: Api, org: Org, people: People) -> None:
    # given
    manager = await api.login("east.manager")

    # when
    body = await manager(ANONYMIZE, id=gid("Member", people.by_store["SH001"].id), reason="删除")

    # then
    assert body["data"]["anonymizeMember"] == {
        "member": None,
        "errors": [{"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not anonymize members."}],
    }
