from __future__ import annotations

from dataclasses import dataclass

import strawberry

from schema.core.permissions import Requires
from server.access.models import Role
from server.access.policy import Actor, Permission, effective_permissions


@dataclass
class _Context:
    actor: Actor | None


@strawberry.type
class _Query:
    @strawberry.field(permission_classes=[Requires(Permission.VIEW_AUDIT)])
    def secret(self) -> str | None:
        return "s"


def _actor(role: Role) -> Actor:
    return Actor(1, "someone", role, None, None, effective_permissions(role, [], []))


async def test_requires_answers_unauthenticated_then_denied_then_allowed_without_carrying_state():
    schema = strawberry.Schema(query=_Query)

    anonymous = await schema.execute("{ secret }", context_value=_Context(None))
    clerk = await schema.execute("{ secret }", context_value=_Context(_actor(Role.STORE)))
    hq = await schema.execute("{ secret }", context_value=_Context(_actor(Role.HQ)))

    assert [e.extensions["code"] for e in anonymous.errors] == ["UNAUTHENTICATED"]
    assert [e.extensions["code"] for e in clerk.errors] == ["PERMISSION_DENIED"]
    assert clerk.errors[0].message == "Your account may not view the audit log."
    assert hq.data == {"secret": "s"} and hq.errors is None
