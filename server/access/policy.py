"""Who may see and do what: the one place that decides.

    Actor                     the authenticated staff member (or API client) behind a request
    Permission                what can be done; SENSITIVE ones can be granted/withheld per staff
    ROLE_DEFAULTS             each role's permissions before per-staff grants and withholds
    View                      how much of a member an actor sees (FULL or MASKED)
    FIELD_ACCESS              per member field and view: ALLOW, MASK or DENY
    org_scope()               the part of the chain an actor works in: all, one region, one store
    member_scope()            the filter that limits member lists to an actor's org scope
    owned_scope()             the filter that limits things staff own by org (segments) to the actor's

Services ask this module; the GraphQL layer declares which rule a field or mutation needs and
this module answers. Nothing else re-implements these rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from server.access.models import Role
from server.core.errors import DomainError, ErrorCode, permission_denied


class Permission(str, Enum):
    MANAGE_ORG = "MANAGE_ORG"
    MANAGE_STAFF = "MANAGE_STAFF"
    MANAGE_TIERS = "MANAGE_TIERS"
    MANAGE_TAGS = "MANAGE_TAGS"
    MANAGE_PROGRAM = "MANAGE_PROGRAM"
    MANAGE_MEMBERS = "MANAGE_MEMBERS"
    MANAGE_SEGMENTS = "MANAGE_SEGMENTS"
    MANAGE_CAMPAIGNS = "MANAGE_CAMPAIGNS"
    TAG_MEMBERS = "TAG_MEMBERS"
    VIEW_AUDIT = "VIEW_AUDIT"
    VIEW_JOBS = "VIEW_JOBS"
    ANONYMIZE_MEMBERS = "ANONYMIZE_MEMBERS"
    # Sensitive operations: chains name the operators allowed to take money.
    RECHARGE = "RECHARGE"
    REFUND = "REFUND"
    CARD_OPS = "CARD_OPS"
    RESET_PIN = "RESET_PIN"
    ADJUST = "ADJUST"
    EXPORT = "EXPORT"


SENSITIVE: frozenset[Permission] = frozenset(
    {
        Permission.RECHARGE,
        Permission.REFUND,
        Permission.CARD_OPS,
        Permission.RESET_PIN,
        Permission.ADJUST,
        Permission.EXPORT,
    }
)

ROLE_DEFAULTS: dict[Role, frozenset[Permission]] = {
    Role.HQ: frozenset(Permission),
    Role.REGION: frozenset(
        {
            Permission.MANAGE_MEMBERS,
            Permission.MANAGE_SEGMENTS,
            Permission.MANAGE_CAMPAIGNS,
            Permission.TAG_MEMBERS,
            Permission.CARD_OPS,
            Permission.EXPORT,
        }
    ),
    Role.STORE: frozenset(
        {
            Permission.MANAGE_MEMBERS,
            Permission.MANAGE_SEGMENTS,
            Permission.MANAGE_CAMPAIGNS,
            Permission.TAG_MEMBERS,
            Permission.RECHARGE,
            Permission.REFUND,
            Permission.CARD_OPS,
            # The member is at the counter with proof of identity; REGION staff aren't.
            Permission.RESET_PIN,
        }
    ),
}


_ACTIVITIES: dict[Permission, str] = {
    Permission.MANAGE_ORG: "manage regions and stores",
    Permission.MANAGE_STAFF: "manage staff",
    Permission.MANAGE_TIERS: "manage tiers",
    Permission.MANAGE_TAGS: "manage tags",
    Permission.MANAGE_PROGRAM: "manage the loyalty program",
    Permission.MANAGE_MEMBERS: "manage members",
    Permission.MANAGE_SEGMENTS: "manage segments",
    Permission.MANAGE_CAMPAIGNS: "run campaigns",
    Permission.TAG_MEMBERS: "tag members",
    Permission.VIEW_AUDIT: "view the audit log",
    Permission.VIEW_JOBS: "view jobs",
    Permission.ANONYMIZE_MEMBERS: "anonymize members",
    Permission.RECHARGE: "recharge",
    Permission.REFUND: "refund",
    Permission.CARD_OPS: "operate cards",
    Permission.RESET_PIN: "reset card PINs",
    Permission.ADJUST: "adjust balances or points",
    Permission.EXPORT: "export data",
}


def denial(permission: Permission) -> str:
    """The message for an actor lacking `permission`, e.g. "Your account may not operate cards."."""
    return f"Your account may not {_ACTIVITIES.get(permission, permission.value.lower().replace('_', ' '))}."


def effective_permissions(role: Role, grants: list[str], withholds: list[str]) -> frozenset[Permission]:
    """Role defaults, plus granted sensitive operations, minus withheld ones (withhold wins)."""
    granted = {Permission(p) for p in grants if Permission(p) in SENSITIVE}
    withheld = {Permission(p) for p in withholds}
    return frozenset((ROLE_DEFAULTS[role] | granted) - withheld)


@dataclass(frozen=True)
class Actor:
    staff_id: int
    username: str
    role: Role
    region_id: int | None
    store_id: int | None
    permissions: frozenset[Permission]
    ip: str = ""
    session_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # An API client's (`server.access.api_clients`); None for staff, who see every field.
    api_client_id: int | None = None
    allowed_fields: frozenset[str] | None = None
    rate_limit_per_minute: int = 0

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


def require(actor: Actor | None, permission: Permission | None = None) -> Actor:
    """Returns the actor or raises UNAUTHENTICATED / PERMISSION_DENIED."""
    if actor is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "Sign in first.")
    if permission is not None and not actor.can(permission):
        raise permission_denied(denial(permission))
    return actor


class View(str, Enum):
    FULL = "FULL"
    MASKED = "MASKED"


class Access(str, Enum):
    ALLOW = "ALLOW"
    MASK = "MASK"
    DENY = "DENY"


class MemberField(str, Enum):
    PHONE = "phone"
    EMAIL = "email"
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    ATTRIBUTES = "attributes"
    VALUE = "value"


FIELD_ACCESS: dict[MemberField, dict[View, Access]] = {
    MemberField.PHONE: {View.FULL: Access.ALLOW, View.MASKED: Access.MASK},
    MemberField.EMAIL: {View.FULL: Access.ALLOW, View.MASKED: Access.MASK},
    MemberField.BIRTHDAY: {View.FULL: Access.ALLOW, View.MASKED: Access.DENY},
    MemberField.ANNIVERSARY: {View.FULL: Access.ALLOW, View.MASKED: Access.DENY},
    MemberField.ATTRIBUTES: {View.FULL: Access.ALLOW, View.MASKED: Access.DENY},
    # RFM scores and CLV are HQ's and the region's marketing data, not the till's.
    MemberField.VALUE: {View.FULL: Access.ALLOW, View.MASKED: Access.DENY},
}


@dataclass(frozen=True)
class OrgScope:
    """All of the chain (both None), one region, or one store."""

    region_id: int | None = None
    store_id: int | None = None


def org_scope(actor: Actor) -> OrgScope:
    if actor.role is Role.REGION:
        return OrgScope(region_id=actor.region_id or 0)
    if actor.role is Role.STORE:
        return OrgScope(store_id=actor.store_id or 0)
    return OrgScope()


def member_scope(actor: Actor, through: str = "") -> dict[str, int]:
    """Filter kwargs limiting members to those an actor may list: its region's or its store's.
    `through` names the relation to the member when filtering rows that belong to one ("member")."""
    prefix = f"{through}__" if through else ""
    scope = org_scope(actor)
    if scope.store_id is not None:
        return {f"{prefix}home_store_id": scope.store_id}
    if scope.region_id is not None:
        return {f"{prefix}home_store__region_id": scope.region_id}
    return {}


def owned_scope(actor: Actor) -> dict[str, int]:
    """Filter kwargs limiting rows owned by an org unit (`region_id`, `store_id` columns, both
    null for HQ's) to those an actor may use: HQ all, REGION its region's, STORE its store's."""
    scope = org_scope(actor)
    if scope.store_id is not None:
        return {"store_id": scope.store_id}
    if scope.region_id is not None:
        return {"region_id": scope.region_id}
    return {}


def in_scope(actor: Actor, home_store_id: int, home_region_id: int) -> bool:
    if actor.role is Role.REGION:
        return home_region_id == actor.region_id
    if actor.role is Role.STORE:
        return home_store_id == actor.store_id
    return True


def member_view(actor: Actor, home_store_id: int, home_region_id: int) -> View:
    """STORE always sees masked; REGION sees its region whole and outsiders masked; HQ sees all."""
    if actor.role is Role.HQ:
        return View.FULL
    if actor.role is Role.REGION and home_region_id == actor.region_id:
        return View.FULL
    return View.MASKED


def field_access(view: View, member_field: MemberField) -> Access:
    return FIELD_ACCESS[member_field][view]


def ensure_writable_fields(view: View, fields_written: list[str]) -> None:
    """A role can't write what it can't see whole."""
    for name in fields_written:
        try:
            member_field = MemberField(name)
        except ValueError:
            continue
        if field_access(view, member_field) is not Access.ALLOW:
            raise permission_denied(f"Your role may not change {name}.", field=name)


def store_allowed(actor: Actor, store_id: int, store_region_id: int) -> bool:
    """Whether an actor may act at (or register members to) a store."""
    return in_scope(actor, store_id, store_region_id)
