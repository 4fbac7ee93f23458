import { describe, expect, it } from 'vitest'

import { checkTier, emptyTierForm, tierForm } from './tier'

const gold = {
  id: 'VGllcjoz',
  name: '金卡',
  rank: 20,
  discountPercent: 95,
  pointsMultiplier: '1.5',
  perks: ['9.5折', '生日礼券'],
  rules: {} as never,
}

describe('checkTier', () => {
  it('sends back the tier it was filled with', () => {
    expect(checkTier(tierForm(gold))).toEqual({
      ok: true,
      input: {
        id: 'VGllcjoz',
        input: { name: '金卡', rank: 20, discountPercent: 95, pointsMultiplier: '1.5', perks: ['9.5折', '生日礼券'] },
      },
    })
  })

  it('builds a new tier, dropping blank perks', () => {
    const form = { ...emptyTierForm(), name: ' 钻石 ', rank: '40', pointsMultiplier: '2.50', perks: [' 专属客服 ', ' '] }

    expect(checkTier(form)).toEqual({
      ok: true,
      input: { id: null, input: { name: '钻石', rank: 40, discountPercent: 100, pointsMultiplier: '2.50', perks: ['专属客服'] } },
    })
  })

  it('allows no points at all, and names what is out of range', () => {
    expect(checkTier({ ...emptyTierForm(), name: '体验', rank: '0', pointsMultiplier: '0' }).ok).toBe(true)
    expect(
      checkTier({ ...emptyTierForm(), rank: '1001', discountPercent: '0', pointsMultiplier: '10.5', perks: ['x'.repeat(101)] }),
    ).toEqual({
      ok: false,
      problems: { name: 'required', rank: 'range', discountPercent: 'range', pointsMultiplier: 'multiplier', perks: 'range' },
    })
  })
})
