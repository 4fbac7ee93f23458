/**
 * A staff account as HQ creates it: a login name, a first password, a role with its scope (a
 * region manager's region, a clerk's store), and sensitive operations granted beyond the role's
 * defaults or withheld from them. A withhold wins over a grant (server/access/policy.py). Editing
 * an account changes its name and operations only. A new role or scope and a new password sign
 * the person out at once (the server revokes their sessions), so each is a change of its own,
 * sent alone behind its own warning rather than beside a routine change of operations.
 */
import type { CreateStaffInput, Permission, Role, StaffScopeInput, UpdateStaffInput } from '@/generated/schema'

import { checkName, type Checked, type SettingsProblem } from './forms'

/** The operations HQ may grant or withhold per account (policy.SENSITIVE). */
export const SENSITIVE: readonly Permission[] = ['RECHARGE', 'REFUND', 'CARD_OPS', 'RESET_PIN', 'ADJUST', 'EXPORT']

const USERNAME = /^[a-z0-9._-]{3,64}$/
const PASSWORD_MIN = 8
const PASSWORD_MAX = 256

export interface StaffForm {
  /** Set when editing an account. */
  id: string | null
  username: string
  displayName: string
  password: string
  role: Role
  regionId: string | null
  storeId: string | null
  grants: Permission[]
  withholds: Permission[]
}

export function emptyStaffForm(): StaffForm {
  return { id: null, username: '', displayName: '', password: '', role: 'STORE', regionId: null, storeId: null, grants: [], withholds: [] }
}

/** The form filled with an account's name and operations, for editing. */
export function staffForm(staff: {
  id: string
  username: string
  displayName: string
  role: Role
  grants: readonly Permission[]
  withholds: readonly Permission[]
}): StaffForm {
  return {
    ...emptyStaffForm(),
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    grants: [...staff.grants],
    withholds: [...staff.withholds],
  }
}

/** A change to an existing account, as `updateStaff` takes it. */
export interface StaffUpdate {
  id: string
  update: UpdateStaffInput
}

export type StaffChange = { id: null; create: CreateStaffInput } | StaffUpdate

/** A role and the region or store it is scoped to. */
export type ScopeFields = Pick<StaffForm, 'role' | 'regionId' | 'storeId'>

/** The role's scope, noting in `problems` the region or store the role needs but lacks (API clients' too). */
export function checkScope(form: ScopeFields, problems: Partial<Record<keyof ScopeFields, SettingsProblem>>): StaffScopeInput {
  if (form.role === 'REGION' && !form.regionId) problems.regionId = 'required'
  if (form.role === 'STORE' && !form.storeId) problems.storeId = 'required'
  return {
    role: form.role,
    regionId: form.role === 'REGION' ? form.regionId : null,
    storeId: form.role === 'STORE' ? form.storeId : null,
  }
}

function passwordProblem(password: string): SettingsProblem | null {
  return password.length < PASSWORD_MIN || password.length > PASSWORD_MAX ? 'password' : null
}

/** Operations granted beyond a role's defaults and withheld from them (an account's or an API client's). */
export type Operations = Pick<StaffForm, 'grants' | 'withholds'>

/** A grant that is also withheld is dropped: the withhold wins anyway. */
export function operations(form: Operations): { grants: Permission[]; withholds: Permission[] } {
  return { grants: form.grants.filter((permission) => !form.withholds.includes(permission)), withholds: [...form.withholds] }
}

export function checkStaff(form: StaffForm): Checked<StaffForm, StaffChange> {
  const problems: Partial<Record<keyof StaffForm, SettingsProblem>> = {}
  const displayName = form.displayName.trim() ? checkName(form.displayName) : null
  if (displayName?.problem) problems.displayName = displayName.problem
  if (form.id) {
    if (Object.keys(problems).length) return { ok: false, problems }
    return { ok: true, input: { id: form.id, update: { displayName: displayName?.name ?? null, ...operations(form) } } }
  }
  const username = form.username.trim().toLowerCase()
  if (!username) problems.username = 'required'
  else if (!USERNAME.test(username)) problems.username = 'username'
  const password = passwordProblem(form.password)
  if (password) problems.password = password
  const scope = checkScope(form, problems)
  if (Object.keys(problems).length) return { ok: false, problems }
  return {
    ok: true,
    input: {
      id: null,
      create: {
        username,
        password: form.password,
        displayName: displayName?.name ?? null,
        scope,
        ...operations(form),
      },
    },
  }
}

/** An account moved to another role or scope; the username only names it in the dialog. */
export interface StaffScopeForm extends ScopeFields {
  id: string
  username: string
}

export function staffScopeForm(staff: {
  id: string
  username: string
  role: Role
  region?: { id: string } | null
  store?: { id: string } | null
}): StaffScopeForm {
  return { id: staff.id, username: staff.username, role: staff.role, regionId: staff.region?.id ?? null, storeId: staff.store?.id ?? null }
}

export function checkStaffScope(form: StaffScopeForm): Checked<StaffScopeForm, StaffUpdate> {
  const problems: Partial<Record<keyof ScopeFields, SettingsProblem>> = {}
  const scope = checkScope(form, problems)
  if (Object.keys(problems).length) return { ok: false, problems }
  return { ok: true, input: { id: form.id, update: { scope } } }
}

/** A new password HQ sets for an account; the username only names it in the dialog. */
export interface StaffPasswordForm {
  id: string
  username: string
  password: string
}

export function staffPasswordForm(staff: { id: string; username: string }): StaffPasswordForm {
  return { id: staff.id, username: staff.username, password: '' }
}

export function checkStaffPassword(form: StaffPasswordForm): Checked<StaffPasswordForm, StaffUpdate> {
  const problem = passwordProblem(form.password)
  if (problem) return { ok: false, problems: { password: problem } }
  return { ok: true, input: { id: form.id, update: { password: form.password } } }
}
