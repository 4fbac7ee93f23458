import { describe, expect, it } from 'vitest'

import { checkCouponTemplate, emptyCouponTemplateForm } from './couponTemplate'

const NOW = new Date('2026-11-23T10:00:00Z')

describe('checkCouponTemplate', () => {
  it('builds a cash-off coupon valid for N days, everywhere, unlimited', () => {
    const form = { ...emptyCouponTemplateForm(), name: ' 满100减20 ', amountOff: '20', threshold: '100' }

    expect(checkCouponTemplate(form, NOW)).toEqual({
      ok: true,
      input: {
        name: '满100减20',
        kind: 'CASH_OFF',
        amountOff: '20.00',
        percentOff: null,
        threshold: '100.00',
        validFrom: null,
        validTo: null,
        validDays: 30,
        storeIds: [],
        quantity: null,
        perMemberLimit: 1,
        stackable: false,
      },
    })
  })

  it('builds a percent-off coupon between fixed dates at some stores, and a gift with no value', () => {
    const percent = checkCouponTemplate(
      {
        ...emptyCouponTemplateForm(),
        name: '八折券',
        kind: 'PERCENT_OFF',
        amountOff: 'ignored',
        percentOff: '20',
        validity: 'FIXED',
        validFrom: '2026-12-01T00:00:00+08:00',
        validTo: '2026-12-31T23:59:59+08:00',
        validDays: 'ignored',
        storeIds: ['U3RvcmU6MQ=='],
        quantity: '1000',
        perMemberLimit: '2',
        stackable: true,
      },
      NOW,
    )
    expect(percent.ok && percent.input).toMatchObject({
      kind: 'PERCENT_OFF',
      amountOff: null,
      percentOff: 20,
      threshold: '0.00',
      validFrom: '2026-12-01T00:00:00+08:00',
      validTo: '2026-12-31T23:59:59+08:00',
      validDays: null,
      storeIds: ['U3RvcmU6MQ=='],
      quantity: 1000,
      perMemberLimit: 2,
      stackable: true,
    })
    const gift = checkCouponTemplate({ ...emptyCouponTemplateForm(), name: '咖啡券', kind: 'GIFT' }, NOW)
    expect(gift.ok && [gift.input.amountOff, gift.input.percentOff]).toEqual([null, null])
  })

  it('names every problem', () => {
    expect(
      checkCouponTemplate(
        { ...emptyCouponTemplateForm(), amountOff: '0', threshold: '-1', validDays: '0', quantity: '1.5', perMemberLimit: '101' },
        NOW,
      ),
    ).toEqual({
      ok: false,
      problems: {
        name: 'required',
        amountOff: 'notPositive',
        threshold: 'format',
        validDays: 'range',
        quantity: 'whole',
        perMemberLimit: 'range',
      },
    })
    expect(checkCouponTemplate({ ...emptyCouponTemplateForm(), name: '券', kind: 'PERCENT_OFF', percentOff: '100' }, NOW)).toEqual({
      ok: false,
      problems: { percentOff: 'range' },
    })
  })

  it('wants fixed dates in order and not over', () => {
    const fixed = { ...emptyCouponTemplateForm(), name: '券', kind: 'GIFT' as const, validity: 'FIXED' as const }

    expect(checkCouponTemplate(fixed, NOW)).toEqual({ ok: false, problems: { validFrom: 'required', validTo: 'required' } })
    expect(checkCouponTemplate({ ...fixed, validFrom: '2026-12-02T00:00:00+08:00', validTo: '2026-12-01T00:00:00+08:00' }, NOW)).toEqual({
      ok: false,
      problems: { validTo: 'endsBeforeStart' },
    })
    expect(checkCouponTemplate({ ...fixed, validFrom: '2026-11-01T00:00:00+08:00', validTo: '2026-11-20T00:00:00+08:00' }, NOW)).toEqual({
      ok: false,
      problems: { validTo: 'range' },
    })
  })
})
