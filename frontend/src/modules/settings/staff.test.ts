import { describe, expect, it } from 'vitest'

import {
  checkStaff,
  checkStaffPassword,
  checkStaffScope,
  emptyStaffForm,
  staffForm,
  staffPasswordForm,
  staffScopeForm,
} from './staff'

const clerk = { ...emptyStaffForm(), username: ' SH002.Clerk ', password: 'counter-pass', storeId: 'U3RvcmU6Mg==' }

describe('checkStaff', () => {
  it('builds a store account scoped to its store, the username lower-cased', () => {
    expect(checkStaff({ ...clerk, regionId: 'UmVnaW9uOjE=', grants: ['REFUND'] })).toEqual({
      ok: true,
      input: {
        id: null,
        create: {
          username: 'sh002.clerk',
          password: 'counter-pass',
          displayName: null,
          scope: { role: 'STORE', regionId: null, storeId: 'U3RvcmU6Mg==' },
          grants: ['REFUND'],
          withholds: [],
        },
      },
    })
  })

  it('scopes a region manager to a region and HQ to nothing', () => {
    const region = checkStaff({ ...clerk, role: 'REGION', regionId: 'UmVnaW9uOjE=' })
    expect(region.ok && region.input.id === null && region.input.create.scope).toEqual({
      role: 'REGION',
      regionId: 'UmVnaW9uOjE=',
      storeId: null,
    })
    const hq = checkStaff({ ...clerk, role: 'HQ', regionId: 'UmVnaW9uOjE=' })
    expect(hq.ok && hq.input.id === null && hq.input.create.scope).toEqual({ role: 'HQ', regionId: null, storeId: null })
  })

  it('drops a grant that is also withheld (the withhold wins anyway)', () => {
    const checked = checkStaff({ ...clerk, grants: ['ADJUST', 'EXPORT'], withholds: ['EXPORT'] })
    expect(checked.ok && checked.input.id === null && [checked.input.create.grants, checked.input.create.withholds]).toEqual([
      ['ADJUST'],
      ['EXPORT'],
    ])
  })

  it('names every problem', () => {
    expect(checkStaff(emptyStaffForm())).toEqual({
      ok: false,
      problems: { username: 'required', password: 'password', storeId: 'required' },
    })
    expect(checkStaff({ ...clerk, username: 'a b', password: 'short', role: 'REGION', displayName: '名'.repeat(51) })).toEqual({
      ok: false,
      problems: { username: 'username', password: 'password', displayName: 'tooLong', regionId: 'required' },
    })
  })
})

describe('checkStaff for an account being edited', () => {
  const account = { id: 'U3RhZmY6Mw==', username: 'sh001.clerk', displayName: '店员', role: 'STORE' as const, grants: [], withholds: [] }

  it('changes only the name and operations, asking for no password', () => {
    const form = { ...staffForm(account), displayName: ' 收银组长 ', grants: ['ADJUST' as const], withholds: ['REFUND' as const] }

    expect(checkStaff(form)).toEqual({
      ok: true,
      input: { id: 'U3RhZmY6Mw==', update: { displayName: '收银组长', grants: ['ADJUST'], withholds: ['REFUND'] } },
    })
  })

  it('still checks the name', () => {
    expect(checkStaff({ ...staffForm(account), displayName: '名'.repeat(51) })).toEqual({ ok: false, problems: { displayName: 'tooLong' } })
  })
})

describe('checkStaffScope', () => {
  const clerk = {
    id: 'U3RhZmY6Mw==',
    username: 'sh001.clerk',
    role: 'STORE' as const,
    region: { id: 'UmVnaW9uOjE=' },
    store: { id: 'U3RvcmU6MQ==' },
  }

  it('starts from the account’s role, region and store', () => {
    expect(staffScopeForm(clerk)).toEqual({
      id: 'U3RhZmY6Mw==',
      username: 'sh001.clerk',
      role: 'STORE',
      regionId: 'UmVnaW9uOjE=',
      storeId: 'U3RvcmU6MQ==',
    })
    expect(staffScopeForm({ id: 'U3RhZmY6MQ==', username: 'hq.admin', role: 'HQ', region: null, store: null })).toMatchObject({
      regionId: null,
      storeId: null,
    })
  })

  it('sends only the new scope: a clerk moved to another store', () => {
    expect(checkStaffScope({ ...staffScopeForm(clerk), storeId: 'U3RvcmU6Mg==' })).toEqual({
      ok: true,
      input: { id: 'U3RhZmY6Mw==', update: { scope: { role: 'STORE', regionId: null, storeId: 'U3RvcmU6Mg==' } } },
    })
  })

  it('promotes a clerk to region manager, dropping the store, and HQ to no scope at all', () => {
    expect(checkStaffScope({ ...staffScopeForm(clerk), role: 'REGION' })).toEqual({
      ok: true,
      input: { id: 'U3RhZmY6Mw==', update: { scope: { role: 'REGION', regionId: 'UmVnaW9uOjE=', storeId: null } } },
    })
    const hq = checkStaffScope({ ...staffScopeForm(clerk), role: 'HQ' })
    expect(hq.ok && hq.input.update.scope).toEqual({ role: 'HQ', regionId: null, storeId: null })
  })

  it('asks for the region or store the role needs', () => {
    const unscoped = { ...staffScopeForm(clerk), regionId: null, storeId: null }
    expect(checkStaffScope({ ...unscoped, role: 'REGION' })).toEqual({ ok: false, problems: { regionId: 'required' } })
    expect(checkStaffScope(unscoped)).toEqual({ ok: false, problems: { storeId: 'required' } })
  })
})

describe('checkStaffPassword', () => {
  const form = staffPasswordForm({ id: 'U3RhZmY6Mw==', username: 'sh001.clerk' })

  it('starts empty, never filled with anything of the account’s', () => {
    expect(form).toEqual({ id: 'U3RhZmY6Mw==', username: 'sh001.clerk', password: '' })
  })

  it('sends only the new password, as typed', () => {
    expect(checkStaffPassword({ ...form, password: ' new pass ' })).toEqual({
      ok: true,
      input: { id: 'U3RhZmY6Mw==', update: { password: ' new pass ' } },
    })
  })

  it('takes 8 to 256 characters, as a first password', () => {
    expect(checkStaffPassword(form)).toEqual({ ok: false, problems: { password: 'password' } })
    expect(checkStaffPassword({ ...form, password: 'x'.repeat(7) })).toEqual({ ok: false, problems: { password: 'password' } })
    expect(checkStaffPassword({ ...form, password: 'x'.repeat(257) })).toEqual({ ok: false, problems: { password: 'password' } })
    expect(checkStaffPassword({ ...form, password: 'x'.repeat(8) }).ok).toBe(true)
    expect(checkStaffPassword({ ...form, password: 'x'.repeat(256) }).ok).toBe(true)
  })
})
