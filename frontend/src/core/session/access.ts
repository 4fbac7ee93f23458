/**
 * Who may enter a page. Routes declare it in `meta` (roles, permissions); the router guard and the
 * menu both ask `mayEnter`, so a page a role may not use is neither listed nor reachable by URL.
 * The server still decides every call: this only keeps people away from pages that would fail.
 */
import type { Permission, Role } from '@/generated/schema'

export interface AccessRule {
  /** Roles that may enter; every signed-in role when absent. */
  roles?: readonly Role[]
  /** Permissions all needed (after the staff's grants and withholds). */
  permissions?: readonly Permission[]
}

export interface Grantee {
  role: Role
  permissions: readonly Permission[]
}

export function mayEnter(rule: AccessRule, staff: Grantee | null): boolean {
  if (!staff) return false
  if (rule.roles && !rule.roles.includes(staff.role)) return false
  return (rule.permissions ?? []).every((permission) => staff.permissions.includes(permission))
}
