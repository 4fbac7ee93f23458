import { describe, expect, it } from 'vitest'

import type { Grantee } from '@/core/session/access'

import { chosenExport, mayExport, type ExportChoice } from './exportMenu'

const hq: Grantee = { role: 'HQ', permissions: ['MANAGE_MEMBERS', 'EXPORT'] }
const region: Grantee = { role: 'REGION', permissions: ['MANAGE_MEMBERS', 'EXPORT'] }
const clerk: Grantee = { role: 'STORE', permissions: ['MANAGE_MEMBERS', 'RECHARGE'] }
const grantedClerk: Grantee = { role: 'STORE', permissions: ['MANAGE_MEMBERS', 'EXPORT'] }
const withheldHq: Grantee = { role: 'HQ', permissions: ['MANAGE_MEMBERS'] }

describe('mayExport', () => {
  it('offers downloads to staff with EXPORT, whatever their role', () => {
    expect([hq, region, grantedClerk].map(mayExport)).toEqual([true, true, true])
  })

  it('offers none without it (a clerk by default, EXPORT withheld) or signed out', () => {
    expect([clerk, withheldHq].map(mayExport)).toEqual([false, false])
    expect(mayExport(null)).toBe(false)
  })
})

describe('chosenExport', () => {
  const choices: ExportChoice[] = [
    { key: 'xlsx', label: '导出 Excel', request: { path: '/exports/x', params: { format: 'xlsx' }, fallbackName: 'x.xlsx' } },
    { key: 'stores', label: '导出 CSV', request: { path: '/exports/x', params: { format: 'csv' }, fallbackName: 'x.csv' } },
  ]

  it('gives the download behind the item clicked', () => {
    expect(chosenExport(choices, 'stores')).toBe(choices[1]?.request)
    expect(chosenExport(choices, 'xlsx')?.fallbackName).toBe('x.xlsx')
  })

  it('is null for a command the menu does not list', () => {
    expect(chosenExport(choices, 'debts')).toBeNull()
    expect(chosenExport(choices, 1)).toBeNull()
    expect(chosenExport([], 'xlsx')).toBeNull()
  })
})
