import { describe, expect, it } from 'vitest'

import { newIdempotencyKey } from './idempotency'

describe('newIdempotencyKey', () => {
  it('names the operation and carries 128 random bits in hex', () => {
    const key = newIdempotencyKey('recharge', (bytes) => bytes.fill(171))

    expect(key).toBe(`spa-recharge-${'ab'.repeat(16)}`)
  })

  it('differs every time and fits the server limit of 100 characters', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey('consume')))

    expect(keys.size).toBe(50)
    expect([...keys].every((key) => /^spa-consume-[0-9a-f]{32}$/.test(key) && key.length <= 100)).toBe(true)
  })
})
