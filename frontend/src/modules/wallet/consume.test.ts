import { describe, expect, it } from 'vitest'

import { checkConsume, confirmConsume, emptyConsumeForm, sameTerms, type ConsumeTarget } from './consume'

const target: ConsumeTarget = { cardNo: '880012345678', storeId: 'U3RvcmU6MQ==', points: 300, requiresPin: false }

describe('checkConsume', () => {
  it('builds the quote request from a filled form', () => {
    const form = { ...emptyConsumeForm(), amount: '88.8', orderRef: ' POS-1 ', couponCode: ' ', pointsToUse: '100' }

    expect(checkConsume(form, target)).toEqual({
      ok: true,
      terms: {
        cardNo: '880012345678',
        amount: '88.80',
        storeId: 'U3RvcmU6MQ==',
        orderRef: 'POS-1',
        couponCode: null,
        pointsToUse: 100,
        payment: 'STORED_VALUE',
        dryRun: true,
      },
    })
  })

  it('reads blank points as none', () => {
    const checked = checkConsume({ ...emptyConsumeForm(), amount: '10' }, target)

    expect(checked.ok && checked.terms.pointsToUse).toBe(0)
  })

  it('names every problem', () => {
    const form = { ...emptyConsumeForm(), amount: '10.001', pointsToUse: '1.5' }

    expect(checkConsume(form, target)).toEqual({ ok: false, problems: { amount: 'format', pointsToUse: 'wholeNumber' } })
  })

  it('refuses more points than the member has', () => {
    const form = { ...emptyConsumeForm(), amount: '10', pointsToUse: '301' }

    expect(checkConsume(form, target)).toEqual({ ok: false, problems: { pointsToUse: 'tooMany' } })
  })

  it('asks for a 6-digit PIN when the card needs one for stored value', () => {
    const pinCard = { ...target, requiresPin: true }

    expect(checkConsume({ ...emptyConsumeForm(), amount: '10' }, pinCard)).toEqual({
      ok: false,
      problems: { pin: 'required' },
    })
    expect(checkConsume({ ...emptyConsumeForm(), amount: '10', pin: '12a456' }, pinCard)).toEqual({
      ok: false,
      problems: { pin: 'pin' },
    })
    expect(checkConsume({ ...emptyConsumeForm(), amount: '10', payment: 'EXTERNAL' }, pinCard).ok).toBe(true)
  })
})

describe('confirmConsume and sameTerms', () => {
  const quoted = checkConsume({ ...emptyConsumeForm(), amount: '50' }, target)
  if (!quoted.ok) throw new Error('fixture')

  it('confirms the quoted terms with a key and the PIN', () => {
    expect(confirmConsume(quoted.terms, 'spa-consume-1', '123456')).toEqual({
      ...quoted.terms,
      dryRun: false,
      idempotencyKey: 'spa-consume-1',
      pin: '123456',
    })
  })

  it('holds the quote while the terms are the same, whatever the key and PIN', () => {
    expect(sameTerms(quoted.terms, confirmConsume(quoted.terms, 'k', '000000'))).toBe(true)
  })

  it('drops the quote when an amount, coupon, points or payment changes', () => {
    expect(sameTerms(quoted.terms, { ...quoted.terms, amount: '50.01' })).toBe(false)
    expect(sameTerms(quoted.terms, { ...quoted.terms, couponCode: 'C1' })).toBe(false)
    expect(sameTerms(quoted.terms, { ...quoted.terms, pointsToUse: 1 })).toBe(false)
    expect(sameTerms(quoted.terms, { ...quoted.terms, payment: 'EXTERNAL' })).toBe(false)
  })
})
