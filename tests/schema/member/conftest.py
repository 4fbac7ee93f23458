from __future__ import annotations

from strawberry.relay import GlobalID

CREATE = """
mutation($input: CreateMemberInput!) {
  createMember(input: $input) {
    member { id memberNo name phone email birthday birthdayMonthDay view homeStore { code } tier { name } }
    errors { field code message }
  }
}
"""

UPDATE = """
mutation($id: ID!, $input: UpdateMemberInput!) {
  updateMember(id: $id, input: $input) {
    member { id name phone email birthday gender homeStore { code } marketingConsent }
    errors { field code message }
  }
}
"""


def gid(type_name: str, pk: int) -> str:
    return str(GlobalID(type_name, str(pk)))
