import { describe, expect, it } from 'vitest'

import { checkRegion, checkStore, emptyRegionForm, emptyStoreForm } from './org'

describe('checkRegion', () => {
  it('upper-cases the code and trims the name', () => {
    expect(checkRegion({ id: null, code: ' north ', name: ' 华北大区 ' })).toEqual({
      ok: true,
      input: { id: null, code: 'NORTH', name: '华北大区' },
    })
    const renamed = checkRegion({ id: 'UmVnaW9uOjE=', code: 'EAST', name: '华东' })
    expect(renamed.ok && renamed.input.id).toBe('UmVnaW9uOjE=')
  })

  it('refuses a code the server would', () => {
    expect(checkRegion(emptyRegionForm())).toEqual({ ok: false, problems: { code: 'required', name: 'required' } })
    expect(checkRegion({ id: null, code: '-EAST', name: '东' })).toEqual({ ok: false, problems: { code: 'code' } })
    expect(checkRegion({ id: null, code: 'E'.repeat(33), name: '东' })).toEqual({ ok: false, problems: { code: 'code' } })
  })
})

describe('checkStore', () => {
  it('builds a new store, and keeps the id of one being edited', () => {
    const form = { ...emptyStoreForm(), code: 'sh002', name: '静安店', regionId: 'UmVnaW9uOjE=', address: ' 南京西路 1 号 ' }

    expect(checkStore(form)).toEqual({
      ok: true,
      input: { id: null, code: 'SH002', name: '静安店', regionId: 'UmVnaW9uOjE=', address: '南京西路 1 号' },
    })
    const edited = checkStore({ ...form, id: 'U3RvcmU6MQ==' })
    expect(edited.ok && edited.input.id).toBe('U3RvcmU6MQ==')
  })

  it('wants a region', () => {
    expect(checkStore({ ...emptyStoreForm(), code: 'SH002', name: '静安店' })).toEqual({ ok: false, problems: { regionId: 'required' } })
  })
})
