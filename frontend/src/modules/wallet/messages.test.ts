import { describe, expect, it } from 'vitest'

import { describeUserError, type Translator } from '@/core/graphql/errors'
import core from '@/core/i18n/zh-CN'

import wallet from './locales/zh-CN'

/** The console's Chinese texts with the cashier's under `wallet`, as the router loads them. */
function chinese(): Translator {
  const lookup = (key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], { ...core, wallet })
  return { t: (key) => String(lookup(key)), te: (key) => typeof lookup(key) === 'string' }
}

describe("the till's own messages", () => {
  it("says a PIN lock is the card's, to be reset by staff, not the clerk's sign-in", () => {
    const locked = { field: ['pin'], code: 'ACCOUNT_LOCKED' as const, message: 'Too many wrong PINs…' }

    expect(describeUserError(locked, chinese(), 'wallet.consume')).toBe(
      '支付密码错误次数过多，该卡已停止消费，请由店员重置支付密码。',
    )
    expect(describeUserError(locked, chinese())).toBe('密码错误次数过多，账号已临时锁定，请稍后再试。')
  })

  it('says a wrong PIN is wrong', () => {
    expect(describeUserError({ field: ['pin'], code: 'INVALID', message: 'The PIN is wrong.' }, chinese(), 'wallet.consume')).toBe(
      '支付密码错误。',
    )
  })

  it("says an amount over the card's daily limit is over the daily limit", () => {
    const over = { field: ['amount'], code: 'LIMIT_EXCEEDED' as const, message: "…the card's daily limit of 500.00." }

    expect(describeUserError(over, chinese(), 'wallet.consume')).toBe('这笔消费会超出该卡的每日消费限额。')
  })

  it('says a refund over what is left, or a recharge over the cap, in its own words', () => {
    const refund = { field: ['amount'], code: 'INVALID' as const, message: 'At most 12.00 is left to refund.' }
    const recharge = { field: ['amount'], code: 'INVALID' as const, message: 'The amount is over the 50000.00 limit.' }

    expect(describeUserError(refund, chinese(), 'wallet.refund')).toBe('退款金额不能超过这笔消费剩余可退的金额。')
    expect(describeUserError(recharge, chinese(), 'wallet.recharge')).toBe('充值金额超出单笔上限。')
  })
})
