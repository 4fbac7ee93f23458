import { describe, expect, it } from 'vitest'

import { checkCardType, checkRechargeRule, describeProblems, emptyCardTypeForm, emptyRechargeRuleForm } from './forms'

describe('checkCardType', () => {
  it('builds the input, the code upper-cased and no daily limit when blank', () => {
    const form = { ...emptyCardTypeForm(), code: ' vip2 ', name: ' 金卡 ', requiresPin: true }

    expect(checkCardType(form)).toEqual({
      ok: true,
      input: {
        code: 'VIP2',
        name: '金卡',
        kind: 'PERSONAL',
        storesValue: true,
        earnsPoints: true,
        givesDiscount: true,
        requiresPin: true,
        dailyLimit: null,
        deductionOrder: 'PRINCIPAL_FIRST',
      },
    })
  })

  it('reads a daily limit as money', () => {
    const checked = checkCardType({ ...emptyCardTypeForm(), code: 'STD', name: '储值卡', dailyLimit: '¥2,000' })

    expect(checked.ok && checked.input.dailyLimit).toBe('2000.00')
  })

  it('names every problem', () => {
    expect(checkCardType({ ...emptyCardTypeForm(), code: 'A B', name: '', dailyLimit: '1.234' })).toEqual({
      ok: false,
      problems: { code: 'code', name: 'required', dailyLimit: 'format' },
    })
    expect(checkCardType({ ...emptyCardTypeForm(), name: '卡'.repeat(51) })).toEqual({
      ok: false,
      problems: { code: 'required', name: 'tooLong' },
    })
  })
})

describe('checkRechargeRule', () => {
  const filled = { ...emptyRechargeRuleForm(), name: '充1000送100', minAmount: '1000', bonusAmount: '100' }

  it('builds the input for every store and no dates', () => {
    expect(checkRechargeRule(filled)).toEqual({
      ok: true,
      input: { name: '充1000送100', minAmount: '1000.00', bonusAmount: '100.00', storeId: null, startsAt: null, endsAt: null },
    })
  })

  it('refuses a bonus above the threshold and an end before the start', () => {
    const form = {
      ...filled,
      bonusAmount: '1000.01',
      startsAt: '2026-12-01T00:00:00+08:00',
      endsAt: '2026-11-30T00:00:00+08:00',
    }

    expect(checkRechargeRule(form)).toEqual({ ok: false, problems: { bonusAmount: 'bonusOverMin', endsAt: 'endsBeforeStart' } })
  })

  it('refuses a zero bonus and a missing threshold', () => {
    expect(checkRechargeRule({ ...filled, minAmount: '', bonusAmount: '0' })).toEqual({
      ok: false,
      problems: { minAmount: 'required', bonusAmount: 'notPositive' },
    })
  })
})

describe('describeProblems', () => {
  it("uses the settings' words, and the money parser's for money problems", () => {
    const messages: Record<string, string> = { 'settings.problem.bonusOverMin': '赠送金额不能超过充值门槛', 'money.format': '金额格式不正确' }
    const i18n = { t: (key: string) => messages[key] ?? key, te: (key: string) => key in messages }

    expect(describeProblems({ bonusAmount: 'bonusOverMin', minAmount: 'format' }, i18n)).toEqual({
      bonusAmount: '赠送金额不能超过充值门槛',
      minAmount: '金额格式不正确',
    })
  })
})
