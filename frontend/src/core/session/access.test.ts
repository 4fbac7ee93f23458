import { describe, expect, it } from 'vitest'

import { mayEnter, type Grantee } from './access'

const hq: Grantee = { role: 'HQ', permissions: ['MANAGE_MEMBERS', 'RECHARGE', 'REFUND', 'MANAGE_ORG'] }
const region: Grantee = { role: 'REGION', permissions: ['MANAGE_MEMBERS', 'CARD_OPS', 'EXPORT'] }
const clerk: Grantee = { role: 'STORE', permissions: ['MANAGE_MEMBERS', 'RECHARGE', 'REFUND', 'CARD_OPS'] }
const clerkWithoutRecharge: Grantee = { role: 'STORE', permissions: ['MANAGE_MEMBERS', 'REFUND', 'CARD_OPS'] }

describe('mayEnter', () => {
  it('lets every signed-in role into an open page and nobody signed out', () => {
    expect([hq, region, clerk].map((staff) => mayEnter({}, staff))).toEqual([true, true, true])
    expect(mayEnter({}, null)).toBe(false)
  })

  it('keeps out roles that are not listed', () => {
    const cashier = { roles: ['HQ', 'STORE'] as const }

    expect([hq, region, clerk].map((staff) => mayEnter(cashier, staff))).toEqual([true, false, true])
  })

  it('needs every listed permission, withholds included', () => {
    const recharge = { permissions: ['RECHARGE'] as const }

    expect(mayEnter(recharge, clerk)).toBe(true)
    expect(mayEnter(recharge, clerkWithoutRecharge)).toBe(false)
    expect(mayEnter({ roles: ['HQ'], permissions: ['MANAGE_ORG', 'RECHARGE'] }, hq)).toBe(true)
  })
})
