"""Managing staff accounts: roles, scopes and per-staff grants (HQ only; the CLI acts as system)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.access.models import Role, Staff, StaffKind, StaffSession
from server.access.passwords import MIN_PASSWORD_LENGTH, hash_password
from server.access.policy import SENSITIVE, Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.core.text import clean_text
from server.events.publishing import sessions_revoked
from server.org.models import Region, Store

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")


@dataclass
class StaffScope:
    role: Role
    region_id: int | None = None
    store_id: int | None = None


def staff_snapshot(staff: Staff) -> dict[str, object]:
    return {
        "username": staff.username,
        "display_name": staff.display_name,
        "role": staff.role.value if isinstance(staff.role, Role) else staff.role,
        "region_id": staff.region_id,
        "store_id": staff.store_id,
        "is_active": staff.is_active,
        "grants": sorted(staff.grants),
        "withholds": sorted(staff.withholds),
    }


def clean_permissions(values: list[str] | None, field: str) -> list[str]:
    result: set[str] = set()
    for value in values or []:
        try:
            permission = Permission(value)
        except ValueError as exc:
            raise invalid(field, f"Unknown permission {value}.") from exc
        if permission not in SENSITIVE:
            raise invalid(field, f"{value} is a role permission and can't be granted or withheld.")
        result.add(permission.value)
    return sorted(result)


async def resolve_scope(scope: StaffScope) -> tuple[int | None, int | None]:
    """Checks that the scope matches the role, naming the offending field; STORE staff also carry
    their store's region."""
    if scope.role is Role.HQ:
        if scope.region_id is not None:
            raise invalid("regionId", "HQ staff have no region.")
        if scope.store_id is not None:
            raise invalid("storeId", "HQ staff have no store.")
        return None, None
    if scope.role is Role.REGION:
        if scope.region_id is None:
            raise invalid("regionId", "REGION staff need a region.")
        if scope.store_id is not None:
            raise invalid("storeId", "REGION staff have no store.")
        if not await Region.exists(id=scope.region_id):
            raise not_found("Region", "regionId")
        return scope.region_id, None
    if scope.store_id is None:
        raise invalid("storeId", "STORE staff need a store.")
    store = await Store.get_or_none(id=scope.store_id)
    if store is None:
        raise not_found("Store", "storeId")
    if scope.region_id is not None and scope.region_id != store.region_id:
        raise invalid("regionId", "A STORE account's region is its store's region.")
    return store.region_id, store.id


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH or len(password) > 256:
        raise invalid("password", f"Passwords are {MIN_PASSWORD_LENGTH}-256 characters.")


async def create_staff(
    actor: Actor | None,
    username: str,
    password: str,
    scope: StaffScope,
    *,
    display_name: str | None = None,
    grants: list[str] | None = None,
    withholds: list[str] | None = None,
    system: bool = False,
) -> Staff:
    """`system=True` is the CLI bootstrapping the first HQ account, with no actor."""
    if not system:
        require(actor, Permission.MANAGE_STAFF)
    username = (username or "").strip().lower()
    if not _USERNAME.fullmatch(username):
        raise invalid("username", "Usernames are 3-64 of a-z, 0-9, '.', '_' or '-'.")
    _check_password(password)
    region_id, store_id = await resolve_scope(scope)
    password_hash = await hash_password(password)
    try:
        async with in_transaction():
            staff = await Staff.create(
                username=username,
                display_name=clean_text(display_name, "displayName", max_length=100),
                password_hash=password_hash,
                role=scope.role,
                region_id=region_id,
                store_id=store_id,
                grants=clean_permissions(grants, "grants"),
                withholds=clean_permissions(withholds, "withholds"),
            )
            await audit.record(actor, "staff.create", "Staff", staff.id, None, staff_snapshot(staff))
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, f"Username {username} is taken.", "username") from exc
    return staff


async def _keep_an_hq_manager(staff: Staff) -> None:
    """Refuses a change that would leave no active HQ person (nobody could manage staff)."""
    if staff.is_active and staff.role == Role.HQ:
        return
    if not await Staff.filter(role=Role.HQ, kind=StaffKind.PERSON, is_active=True).exclude(id=staff.id).exists():
        raise invalid("id", "This would leave no active HQ account.")


async def update_staff(
    actor: Actor | None,
    staff_id: int,
    *,
    display_name: str | None = None,
    scope: StaffScope | None = None,
    is_active: bool | None = None,
    grants: list[str] | None = None,
    withholds: list[str] | None = None,
    password: str | None = None,
) -> Staff:
    """Deactivating, re-scoping (a different role, region or store) or a new password also revokes
    the account's sessions; saving the scope it already has does not."""
    require(actor, Permission.MANAGE_STAFF)
    if password is not None:
        _check_password(password)
    new_hash = await hash_password(password) if password is not None else None
    async with in_transaction():
        staff = await Staff.get_or_none(id=staff_id, kind=StaffKind.PERSON)
        if staff is None:
            raise not_found("Staff", "id")
        before = staff_snapshot(staff)
        placed = (staff.role, staff.region_id, staff.store_id)
        if display_name is not None:
            staff.display_name = clean_text(display_name, "displayName", max_length=100)
        if scope is not None:
            staff.region_id, staff.store_id = await resolve_scope(scope)
            staff.role = scope.role
        if is_active is not None:
            staff.is_active = is_active
        if grants is not None:
            staff.grants = clean_permissions(grants, "grants")
        if withholds is not None:
            staff.withholds = clean_permissions(withholds, "withholds")
        if new_hash is not None:
            staff.password_hash = new_hash
            staff.failed_logins = 0
            staff.locked_until = None
        await _keep_an_hq_manager(staff)
        await staff.save()
        rescoped = (staff.role, staff.region_id, staff.store_id) != placed
        revoking = rescoped or is_active is False or new_hash is not None
        if revoking:
            await StaffSession.filter(staff_id=staff.id, revoked_at=None).update(revoked_at=now())
        after = staff_snapshot(staff)
        if new_hash is not None:
            after["password"] = "changed"
        await audit.record(actor, "staff.update", "Staff", staff.id, *audit.changed_only(before, after))
    if revoking:
        await sessions_revoked()
    return staff
