"""Partner apps' API clients: listing, issuing, changing, re-keying and revoking them (HQ)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from graphql import GraphQLSchema, is_object_type
from strawberry import relay

from schema.access.operations import StaffScopeInput, permission_values
from schema.access.types import Permission, Staff
from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.nodes import ModelNode
from schema.core.permissions import IsAuthenticated, Requires, payload_mutation
from server.access import api_clients as service
from server.access import models
from server.access.policy import Permission as DomainPermission


@strawberry.type(description="A partner app (POS, ERP, e-shop) calling the API with its own key.")
class ApiClient(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="What the client is, e.g. 'POS 上海一店'.")
    key_prefix: str = strawberry.field(description="The key's first characters, to tell keys apart.")
    allowed_fields: list[str] = strawberry.field(
        description="The fields it may use, as schema coordinates (`Member.phone`, `Mutation.consume`, `Member.*`)."
    )
    rate_limit_per_minute: int = strawberry.field(description="Requests a minute; more are answered 429.")
    created_at: datetime = strawberry.field(description="When it was issued.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked; its key no longer works.")
    expires_at: datetime | None = strawberry.field(description="When its current key stops working, if ever.")
    identity: Staff = strawberry.field(
        description="Who it acts as: role, scope and permissions; ledger and audit entries name it."
    )

    @classmethod
    def from_model(cls, row: models.ApiClient, info: Any = None) -> ApiClient:
        expires_at = row.session.expires_at
        return cls(
            id=row.id,
            name=row.name,
            key_prefix=row.key_prefix,
            allowed_fields=list(row.allowed_fields),
            rate_limit_per_minute=row.rate_limit_per_minute,
            created_at=row.created_at,
            revoked_at=row.revoked_at,
            expires_at=None if expires_at >= service.NO_EXPIRY else expires_at,
            identity=Staff.from_model(row.staff),
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        actor = info.context.actor
        query = models.ApiClient.all().prefetch_related("staff", "session")
        return query if actor is not None and actor.can(DomainPermission.MANAGE_STAFF) else query.none()


@strawberry.type(description="Result of issuing or re-keying an API client.")
class ApiClientKeyPayload:
    api_client: ApiClient | None = strawberry.field(default=None, description="The client.")
    key: str | None = strawberry.field(
        default=None, description="Its key, for `Authorization: Bearer …`: shown this once, stored only hashed."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="Result of changing or revoking an API client.")
class ApiClientPayload:
    api_client: ApiClient | None = strawberry.field(default=None, description="The client after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.input(description="A new API client.")
class CreateApiClientInput:
    name: str = strawberry.field(description="What the client is.")
    scope: StaffScopeInput = strawberry.field(description="Its role and scope, as a staff account's.")
    allowed_fields: list[str] = strawberry.field(
        description="Schema coordinates it may use; `Type.*` for all of a type."
    )
    rate_limit_per_minute: int = strawberry.field(default=service.DEFAULT_RATE, description="Requests a minute.")
    grants: list[Permission] | None = strawberry.field(default=None, description="Sensitive operations to add.")
    withholds: list[Permission] | None = strawberry.field(default=None, description="Operations to take away.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the key stops working; never if null."
    )


@strawberry.input(description="Changes to an API client; omitted fields stay as they are.")
class UpdateApiClientInput:
    name: str | None = strawberry.field(default=None, description="What the client is.")
    allowed_fields: list[str] | None = strawberry.field(default=None, description="Replaces the allowed fields.")
    rate_limit_per_minute: int | None = strawberry.field(default=None, description="Requests a minute.")
    grants: list[Permission] | None = strawberry.field(default=None, description="Replaces the granted operations.")
    withholds: list[Permission] | None = strawberry.field(default=None, description="Replaces the withheld operations.")


def _known(info: Info) -> service.KnownField:
    """Whether the API has `type_name.field_name` (or, for "*", the object type at all)."""
    schema: GraphQLSchema = info.schema._schema

    def known(type_name: str, field_name: str) -> bool:
        named = schema.type_map.get(type_name)
        if named is None or not is_object_type(named) or type_name.startswith("__"):
            return False
        return field_name == "*" or field_name in named.fields  # type: ignore[union-attr]

    return known


async def _shown(client: models.ApiClient) -> ApiClient:
    await client.fetch_related("staff", "session")
    return ApiClient.from_model(client)


@strawberry.type
class ApiClientQuery:
    @strawberry.field(
        description="Every API client, newest first. Null with an error for accounts that may not manage staff.",
        permission_classes=[IsAuthenticated, Requires(DomainPermission.MANAGE_STAFF)],
    )
    async def api_clients(self, info: Info) -> list[ApiClient] | None:
        return [ApiClient.from_model(c) for c in await service.api_clients(info.context.actor)]


@strawberry.type
class ApiClientMutation:
    @payload_mutation(description="Issues an API client and its key.", requires=DomainPermission.MANAGE_STAFF)
    async def create_api_client(self, info: Info, input: CreateApiClientInput) -> ApiClientKeyPayload:  # noqa: A002
        spec = service.ApiClientSpec(
            name=input.name,
            scope=input.scope.to_scope(),
            allowed_fields=input.allowed_fields,
            rate_limit_per_minute=input.rate_limit_per_minute,
            grants=permission_values(input.grants),
            withholds=permission_values(input.withholds),
            expires_at=input.expires_at,
        )
        key, client = await service.create_api_client(info.context.actor, spec, _known(info))
        return ApiClientKeyPayload(api_client=await _shown(client), key=key)

    @payload_mutation(
        description="Changes an API client; its key stays the same.", requires=DomainPermission.MANAGE_STAFF
    )
    async def update_api_client(
        self, info: Info, id: relay.GlobalID, input: UpdateApiClientInput  # noqa: A002
    ) -> ApiClientPayload:
        client = await service.update_api_client(
            info.context.actor,
            decode_id(id, "ApiClient"),
            _known(info),
            name=input.name,
            allowed_fields=input.allowed_fields,
            rate_limit_per_minute=input.rate_limit_per_minute,
            grants=permission_values(input.grants),
            withholds=permission_values(input.withholds),
        )
        return ApiClientPayload(api_client=await _shown(client))

    @payload_mutation(
        description="Gives an API client a new key; the old one stops working at once.",
        requires=DomainPermission.MANAGE_STAFF,
    )
    async def rotate_api_client_key(
        self,
        info: Info,
        id: relay.GlobalID,
        expires_at: datetime | None = None,  # noqa: A002
    ) -> ApiClientKeyPayload:
        key, client = await service.rotate_api_client_key(info.context.actor, decode_id(id, "ApiClient"), expires_at)
        return ApiClientKeyPayload(api_client=await _shown(client), key=key)

    @payload_mutation(
        description="Revokes an API client: its key is refused and its live connections closed.",
        requires=DomainPermission.MANAGE_STAFF,
    )
    async def revoke_api_client(self, info: Info, id: relay.GlobalID) -> ApiClientPayload:  # noqa: A002
        client = await service.revoke_api_client(info.context.actor, decode_id(id, "ApiClient"))
        return ApiClientPayload(api_client=await _shown(client))
