/** Regions and stores as HQ creates them: an upper-case code that never changes, and a name. */
import { checkName, type Checked, type SettingsProblem } from './forms'

/** The server's code rule (server/core/text.py): a letter or digit first, then - or _ too. */
const CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/

function checkCode(input: string): { code: string; problem?: SettingsProblem } {
  const code = input.trim().toUpperCase()
  if (!code) return { code, problem: 'required' }
  return CODE.test(code) ? { code } : { code, problem: 'code' }
}

export interface RegionForm {
  /** Set when renaming: a region's code never changes. */
  id: string | null
  code: string
  name: string
}

export function emptyRegionForm(): RegionForm {
  return { id: null, code: '', name: '' }
}

export function checkRegion(form: RegionForm): Checked<RegionForm, RegionForm> {
  const problems: Partial<Record<keyof RegionForm, SettingsProblem>> = {}
  const code = checkCode(form.code)
  const name = checkName(form.name)
  if (code.problem) problems.code = code.problem
  if (name.problem) problems.name = name.problem
  if (Object.keys(problems).length) return { ok: false, problems }
  return { ok: true, input: { id: form.id, code: code.code, name: name.name } }
}

export interface StoreForm {
  /** Set when editing: the code and region of a store never change. */
  id: string | null
  code: string
  name: string
  regionId: string | null
  address: string
}

export function emptyStoreForm(): StoreForm {
  return { id: null, code: '', name: '', regionId: null, address: '' }
}

export interface StoreInput {
  id: string | null
  code: string
  name: string
  regionId: string
  address: string
}

export function checkStore(form: StoreForm): Checked<StoreForm, StoreInput> {
  const problems: Partial<Record<keyof StoreForm, SettingsProblem>> = {}
  const code = checkCode(form.code)
  const name = checkName(form.name)
  const address = form.address.trim()
  if (code.problem) problems.code = code.problem
  if (name.problem) problems.name = name.problem
  if (!form.regionId) problems.regionId = 'required'
  if (Object.keys(problems).length || !form.regionId) return { ok: false, problems }
  return { ok: true, input: { id: form.id, code: code.code, name: name.name, regionId: form.regionId, address } }
}
