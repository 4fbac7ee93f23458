/**
 * A staff account as HQ creates it: a login name, a first password, a role with its scope (a
 * region manager's region, a clerk's store), and sensitive operations granted beyond the role's
 * defaults or withheld from them. A withhold wins over a grant (server/access/policy.py). Editing
 * an account changes its name and operations only: a new scope would sign the person out, so it
 * is not offered beside a routine change of operations.
 */
import type { CreateStaffInput, Permission, Role, UpdateStaffInput } from '@/generated/schema'

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

export type StaffChange = { id: null; create: CreateStaffInput } | { id: string; update: UpdateStaffInput }

/** A grant that is also withheld is dropped: the withhold wins anyway. */
function operations(form: StaffForm): { grants: Permission[]; withholds: Permission[] } {
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
  if (form.password.length < PASSWORD_MIN || form.password.length > PASSWORD_MAX) problems.password = 'password'
  if (form.role === 'REGION' && !form.regionId) problems.regionId = 'required'
  if (form.role === 'STORE' && !form.storeId) problems.storeId = 'required'
  if (Object.keys(problems).length) return { ok: false, problems }
  return {
    ok: true,
    input: {
      id: null,
      create: {
        username,
        password: form.password,
        displayName: displayName?.name ?? null,
        scope: {
          role: form.role,
          regionId: form.role === 'REGION' ? form.regionId : null,
          storeId: form.role === 'STORE' ? form.storeId : null,
        },
        ...operations(form),
      },
    },
  }
}
