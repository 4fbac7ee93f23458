import { describe, expect, it } from 'vitest'

import { checkTierRules, emptyTierRulesForm, tierRulesForm } from './tierRules'

const gold = {
  window: 'QUARTER' as const,
  windowDays: 90,
  upgrade: { match: 'ALL' as const, spend: '5000.00', visits: 10, points: null },
  retention: { match: 'ANY' as const, spend: '3000.00', visits: null, points: null },
  downgrade: 'QUALIFIED' as const,
  giftCouponTemplateIds: ['Q291cG9uVGVtcGxhdGU6MQ=='],
  giftPoints: 500,
  price: '199.00',
  paidDays: 365,
}

describe('checkTierRules', () => {
  it('sends back the rules it was filled with', () => {
    expect(checkTierRules(tierRulesForm(gold))).toEqual({ ok: true, input: gold })
  })

  it('reads blank conditions as none and typed amounts as money', () => {
    const form = { ...emptyTierRulesForm(), upgradeSpend: '¥5,000', upgradeVisits: ' 12 ' }

    expect(checkTierRules(form)).toEqual({
      ok: true,
      input: {
        window: 'ROLLING',
        windowDays: 365,
        upgrade: { match: 'ANY', spend: '5000.00', visits: 12, points: null },
        retention: { match: 'ANY', spend: null, visits: null, points: null },
        downgrade: 'ONE_LEVEL',
        giftCouponTemplateIds: [],
        giftPoints: 0,
        price: null,
        paidDays: null,
      },
    })
  })

  it('asks for a rolling window’s days but not a calendar one’s', () => {
    expect(checkTierRules({ ...emptyTierRulesForm(), windowDays: '' })).toEqual({ ok: false, problems: { windowDays: 'required' } })
    expect(checkTierRules({ ...emptyTierRulesForm(), windowDays: '3661' })).toEqual({ ok: false, problems: { windowDays: 'range' } })
    const calendar = checkTierRules({ ...emptyTierRulesForm(), window: 'YEAR', windowDays: 'x' })
    expect(calendar.ok && calendar.input.windowDays).toBe(365)
  })

  it('names every bad number', () => {
    const form = {
      ...emptyTierRulesForm(),
      upgradeSpend: '1.234',
      upgradeVisits: '0',
      retentionPoints: '2.5',
      giftPoints: '-1',
    }

    expect(checkTierRules(form)).toEqual({
      ok: false,
      problems: { upgradeSpend: 'format', upgradeVisits: 'range', retentionPoints: 'whole', giftPoints: 'whole' },
    })
  })

  it('wants a paid tier’s price and days together', () => {
    expect(checkTierRules({ ...emptyTierRulesForm(), price: '99' })).toEqual({ ok: false, problems: { paidDays: 'pricePair' } })
    expect(checkTierRules({ ...emptyTierRulesForm(), paidDays: '30' })).toEqual({ ok: false, problems: { price: 'pricePair' } })
    expect(checkTierRules({ ...emptyTierRulesForm(), price: '0', paidDays: '30' })).toEqual({
      ok: false,
      problems: { price: 'notPositive' },
    })
  })
})
