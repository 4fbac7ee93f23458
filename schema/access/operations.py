"""Sign-in, sign-out, `me`, and staff administration."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.access.types import Permission, Role, Staff
from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.permissions import IsAuthenticated, Requires, payload_mutation
from server.access import services, sessions
from server.access.models import Staff as StaffModel
from server.access.models import StaffKind
from server.access.policy import Permission as DomainPermission
from server.access.policy import require


@strawberry.type(description="Result of signing in.")
class LoginPayload:
    token: str | None = strawberry.field(default=None, description="Bearer token for the Authorization header.")
    staff: Staff | None = strawberry.field(default=None, description="The signed-in account.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of signing out.")
class LogoutPayload:
    ok: bool = strawberry.field(default=False, description="The session was revoked.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of a staff mutation.")
class StaffPayload:
    staff: Staff | None = strawberry.field(default=None, description="The account after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.input(description="Role and scope of a staff account.")
class StaffScopeInput:
    role: Role = strawberry.field(description="HQ, REGION or STORE.")
    region_id: relay.GlobalID | None = strawberry.field(default=None, description="Required for REGION.")
    store_id: relay.GlobalID | None = strawberry.field(default=None, description="Required for STORE.")

    def to_scope(self) -> services.StaffScope:
        return services.StaffScope(
            role=self.role,
            region_id=decode_id(self.region_id, "Region", "regionId") if self.region_id else None,
            store_id=decode_id(self.store_id, "Store", "storeId") if self.store_id else None,
        )


@strawberry.input(description="A new staff account.")
class CreateStaffInput:
    username: str = strawberry.field(description="Login name: 3-64 of a-z, 0-9, '.', '_', '-'.")
    password: str = strawberry.field(description="At least 8 characters.")
    scope: StaffScopeInput = strawberry.field(description="Role and scope.")
    display_name: str | None = strawberry.field(default=None, description="Name shown in the console.")
    grants: list[Permission] | None = strawberry.field(default=None, description="Sensitive operations to add.")
    withholds: list[Permission] | None = strawberry.field(default=None, description="Operations to take away.")


@strawberry.input(description="Changes to a staff account; omitted fields stay as they are.")
class UpdateStaffInput:
    display_name: str | None = strawberry.field(default=None, description="Name shown in the console.")
    scope: StaffScopeInput | None = strawberry.field(default=None, description="New role and scope.")
    is_active: bool | None = strawberry.field(default=None, description="False deactivates the account.")
    grants: list[Permission] | None = strawberry.field(default=None, description="Replaces the granted operations.")
    withholds: list[Permission] | None = strawberry.field(
        default=None, description="Replaces the withheld operations."
    )
    password: str | None = strawberry.field(default=None, description="A new password, at least 8 characters.")


def permission_values(perms: list[DomainPermission] | None) -> list[str] | None:
    return None if perms is None else [p.value for p in perms]


@strawberry.type
class AccessQuery:
    @strawberry.field(description="The signed-in staff account, or null when not signed in.")
    async def me(self, info: Info) -> Staff | None:
        actor = info.context.actor
        if actor is None:
            return None
        return Staff.from_model(await StaffModel.get(id=actor.staff_id))

    @strawberry.field(
        description="All staff accounts (not API clients), by username. Null with an error for accounts that may not manage staff.",
        permission_classes=[IsAuthenticated, Requires(DomainPermission.MANAGE_STAFF)],
    )
    async def staff_members(self, info: Info) -> list[Staff] | None:
        return [Staff.from_model(s) for s in await StaffModel.filter(kind=StaffKind.PERSON).order_by("username")]


@strawberry.type
class AccessMutation:
    @payload_mutation(description="Signs in; returns a bearer token.", authenticated=False)
    async def login(self, info: Info, username: str, password: str) -> LoginPayload:
        token, staff = await sessions.login(info.context.settings, username, password, ip=info.context.ip)
        return LoginPayload(token=token, staff=Staff.from_model(staff))

    @payload_mutation(description="Signs out, revoking the current token.")
    async def logout(self, info: Info) -> LogoutPayload:
        await sessions.logout(require(info.context.actor))
        return LogoutPayload(ok=True)

    @payload_mutation(description="Creates a staff account.", requires=DomainPermission.MANAGE_STAFF)
    async def create_staff(self, info: Info, input: CreateStaffInput) -> StaffPayload:  # noqa: A002
        staff = await services.create_staff(
            info.context.actor,
            input.username,
            input.password,
            input.scope.to_scope(),
            display_name=input.display_name,
            grants=permission_values(input.grants),
            withholds=permission_values(input.withholds),
        )
        return StaffPayload(staff=Staff.from_model(staff))

    @payload_mutation(
        description="Changes a staff account; re-scoping, deactivating or a new password revokes its sessions.",
        requires=DomainPermission.MANAGE_STAFF,
    )
    async def update_staff(self, info: Info, id: relay.GlobalID, input: UpdateStaffInput) -> StaffPayload:  # noqa: A002
        staff = await services.update_staff(
            info.context.actor,
            decode_id(id, "Staff"),
            display_name=input.display_name,
            scope=input.scope.to_scope() if input.scope else None,
            is_active=input.is_active,
            grants=permission_values(input.grants),
            withholds=permission_values(input.withholds),
            password=input.password,
        )
        return StaffPayload(staff=Staff.from_model(staff))
