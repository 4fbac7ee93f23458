import { describe, expect, it } from 'vitest'

import { storesInScope } from './scope'

const east = { id: 'R1' }
const south = { id: 'R2' }
const stores = [
  { id: 'S1', isActive: true, region: east },
  { id: 'S2', isActive: true, region: east },
  { id: 'S3', isActive: false, region: east },
  { id: 'S4', isActive: true, region: south },
]

describe('storesInScope', () => {
  it('gives HQ every active store', () => {
    expect(storesInScope(stores, { role: 'HQ', region: null, store: null }).map((s) => s.id)).toEqual(['S1', 'S2', 'S4'])
  })

  it("gives a region manager the region's active stores", () => {
    expect(storesInScope(stores, { role: 'REGION', region: east, store: null }).map((s) => s.id)).toEqual(['S1', 'S2'])
  })

  it('gives a clerk their own store', () => {
    expect(storesInScope(stores, { role: 'STORE', region: east, store: { id: 'S2' } }).map((s) => s.id)).toEqual(['S2'])
  })
})
