"""Permissions declared on fields and mutations; every decision is `server.access.policy`'s.

    IsAuthenticated / Requires(p)   query fields: null + an error entry with `code`
    MemberFieldGuard(field)         member fields: ALLOW, MASK (a masked value) or DENY (null + error)
    payload_mutation(requires=p)    mutations: denial and domain errors become payload `errors`
    AllowedFields                   an API client's requests: fields outside its set are null + error
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission
from strawberry.types.field import StrawberryField

from schema.core.errors import UserError
from server.access.policy import (
    Access,
    MemberField,
    Permission,
    denial,
    field_access,
    require,
)
from server.core.errors import DomainError, ErrorCode, permission_denied


class IsAuthenticated(BasePermission):
    message = "Sign in first."
    error_extensions = {"code": ErrorCode.UNAUTHENTICATED.value}

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return info.context.actor is not None


def Requires(permission: Permission) -> type[BasePermission]:  # noqa: N802 - reads as a declaration
    """A permission class for query fields that need one policy permission."""

    class _Requires(BasePermission):
        message = denial(permission)
        error_extensions = {"code": ErrorCode.PERMISSION_DENIED.value}

        def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
            return require(info.context.actor).can(permission)

    _Requires.__name__ = f"Requires{permission.value.title().replace('_', '')}"
    return _Requires


class MemberFieldGuard(FieldExtension):
    """Applies the policy's field rule for the viewer's view of this member (`source.view`)."""

    def __init__(self, member_field: MemberField, mask: Callable[[Any], Any] | None = None) -> None:
        self.member_field = member_field
        self.mask = mask

    def _access(self, source: Any) -> Access:
        access = field_access(source.view, self.member_field)
        if access is Access.DENY:
            raise DomainError(
                ErrorCode.PERMISSION_DENIED, f"Your role may not see {self.member_field.value} for this member."
            )
        return access

    def _shown(self, access: Access, value: Any) -> Any:
        if access is Access.MASK and value:
            return self.mask(value) if self.mask else None
        return value

    def resolve(self, next_: Callable[..., Any], source: Any, info: strawberry.Info, **kwargs: Any) -> Any:
        access = self._access(source)
        return self._shown(access, next_(source, info, **kwargs))

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: strawberry.Info, **kwargs: Any
    ) -> Any:
        access = self._access(source)
        return self._shown(access, await next_(source, info, **kwargs))


class PayloadErrors(FieldExtension):
    """Checks the declared permission, then turns `DomainError` into the payload's `errors`."""

    def __init__(self, requires: Permission | None, authenticated: bool) -> None:
        self.requires = requires
        self.authenticated = authenticated
        self.field: StrawberryField | None = None

    def apply(self, field: StrawberryField) -> None:
        self.field = field

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: strawberry.Info, **kwargs: Any
    ) -> Any:
        try:
            if self.authenticated:
                require(info.context.actor, self.requires)
            return await next_(source, info, **kwargs)
        except DomainError as error:
            assert self.field is not None
            payload_type: Any = self.field.type
            return payload_type(errors=[UserError.from_domain(error)])


def payload_mutation(
    *, description: str, requires: Permission | None = None, authenticated: bool = True
) -> Any:
    """A mutation whose payload has `errors` and optional result fields."""
    needs = f" Requires {requires.value}." if requires else ""
    return strawberry.mutation(
        description=description + needs, extensions=[PayloadErrors(requires, authenticated)]
    )


class AllowedFields:
    """graphql-core resolve middleware for an API client's request (the executor adds it only for
    those): a field outside the client's allowed set — `Type.field` or `Type.*` — resolves to null
    with a PERMISSION_DENIED error, before its resolver runs (a mutation outside it changes
    nothing). Introspection fields stay open."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self.allowed = allowed

    def resolve(self, next_: Callable[..., Any], root: Any, info: Any, **kwargs: Any) -> Any:
        type_name, field_name = info.parent_type.name, info.field_name
        allowed = f"{type_name}.{field_name}" in self.allowed or f"{type_name}.*" in self.allowed
        if allowed or field_name.startswith("__"):
            return next_(root, info, **kwargs)
        raise permission_denied(f"This API client may not use {type_name}.{field_name}.")
