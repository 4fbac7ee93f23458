"""Effective permissions: role defaults, plus granted sensitive operations, minus withheld ones."""

from __future__ import annotations

import pytest

from server.access.models import Role
from server.access.policy import SENSITIVE as POLICY_SENSITIVE
from server.access.policy import effective_permissions
from tests.server.access.role_matrix import ROLE_PERMISSIONS, SENSITIVE


def _names(role: Role, grants: list[str], withholds: list[str]) -> list[str]:
    return sorted(p.value for p in effective_permissions(role, grants, withholds))


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_each_role_has_exactly_its_default_permissions(role: Role) -> None:
    # when
    names = _names(role, [], [])

    # then
    assert names == ROLE_PERMISSIONS[role]


def test_sensitive_operations_are_the_ones_staff_can_be_granted() -> None:
    # then
    assert sorted(p.value for p in POLICY_SENSITIVE) == SENSITIVE


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("operation", SENSITIVE)
def test_granting_a_sensitive_operation_adds_it(role: Role, operation: str) -> None:
    # when
    names = _names(role, [operation], [])

    # then
    assert names == sorted({*ROLE_PERMISSIONS[role], operation})


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_granting_a_role_permission_has_no_effect(role: Role) -> None:
    # when
    names = _names(role, ["MANAGE_STAFF", "VIEW_AUDIT"], [])

    # then
    assert names == ROLE_PERMISSIONS[role]


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("operation", SENSITIVE)
def test_withholding_wins_over_the_role_default_and_over_a_grant(role: Role, operation: str) -> None:
    # when
    names = _names(role, [operation], [operation])

    # then
    assert names == [p for p in ROLE_PERMISSIONS[role] if p != operation]
