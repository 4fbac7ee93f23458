import { describe, expect, it } from 'vitest'

import { rechargeDetails, rechargeRefundDetails, refundDetails } from './receipt'

describe('rechargeRefundDetails', () => {
  it('reads what was paid back and taken back, the original payment method and the reason', () => {
    const details = { amount: 10000, principal: 10000, bonus: 1000, payment_method: 'ALIPAY', reason: '充错卡' }

    expect(rechargeRefundDetails(details)).toEqual({ principal: '100.00', bonus: '10.00', paymentMethod: 'ALIPAY', reason: '充错卡' })
    expect(rechargeRefundDetails({ principal: 500 })).toEqual({ principal: '5.00', bonus: '0.00', paymentMethod: null, reason: '' })
    expect(rechargeRefundDetails(null)).toBeNull()
  })
})

describe('rechargeDetails', () => {
  it('reads the amounts in fen as Money and the rule and method', () => {
    const details = { principal: 100000, bonus: 15000, rule: '充1000送150', payment_method: 'WECHAT_PAY' }

    expect(rechargeDetails(details)).toEqual({
      principal: '1000.00',
      bonus: '150.00',
      rule: '充1000送150',
      paymentMethod: 'WECHAT_PAY',
    })
  })

  it('reads missing or mistyped fields as nothing', () => {
    expect(rechargeDetails({ principal: '100', rule: null })).toEqual({
      principal: '0.00',
      bonus: '0.00',
      rule: null,
      paymentMethod: null,
    })
  })

  it('is null for details that are not an object', () => {
    expect(rechargeDetails(null)).toBeNull()
    expect(rechargeDetails([1, 2])).toBeNull()
    expect(rechargeDetails('x')).toBeNull()
  })
})

describe('refundDetails', () => {
  it('reads what went back to each bucket and why', () => {
    const details = { amount: 14790, principal: 12000, bonus: 2790, external: 0, reason: '退货' }

    expect(refundDetails(details)).toEqual({ principal: '120.00', bonus: '27.90', external: '0.00', reason: '退货' })
  })
})
