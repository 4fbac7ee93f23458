import { describe, expect, it } from 'vitest'

import { checkEarnRule, checkProgramSettings, earnRuleForm, emptyEarnRuleForm, programSettingsForm } from './points'

describe('checkProgramSettings', () => {
  it('sends back what it was filled with, as numbers and money', () => {
    const form = programSettingsForm({
      maxAmount: '50000.00',
      pointsPerYuanOffset: 100,
      pointsExpiryMonths: 24,
      updatedAt: '2026-11-23T00:00:00Z',
    })

    expect(checkProgramSettings(form)).toEqual({
      ok: true,
      input: { maxAmount: '50000.00', pointsPerYuanOffset: 100, pointsExpiryMonths: 24 },
    })
  })

  it('allows points that never expire, and names what is out of range', () => {
    expect(checkProgramSettings({ pointsPerYuanOffset: '100', pointsExpiryMonths: '0', maxAmount: '1' }).ok).toBe(true)
    expect(checkProgramSettings({ pointsPerYuanOffset: '0', pointsExpiryMonths: '121', maxAmount: '' })).toEqual({
      ok: false,
      problems: { pointsPerYuanOffset: 'range', pointsExpiryMonths: 'range', maxAmount: 'required' },
    })
  })
})

describe('checkEarnRule', () => {
  it('builds the brand default with no promotion', () => {
    expect(checkEarnRule(emptyEarnRuleForm())).toEqual({
      ok: true,
      input: { storeId: null, pointsPerYuan: 1, promotionMultiplier: '1', promotionStartsAt: null, promotionEndsAt: null },
    })
  })

  it('edits a store’s rule with a promotion multiplier within dates', () => {
    const form = earnRuleForm({
      id: 'RWFyblJ1bGU6Mg==',
      pointsPerYuan: 2,
      promotionMultiplier: '1.5',
      promotionStartsAt: '2026-12-01T00:00:00+08:00',
      promotionEndsAt: '2026-12-31T00:00:00+08:00',
      updatedAt: '2026-11-23T00:00:00Z',
      store: { id: 'U3RvcmU6MQ==', name: '南京路店' },
    })

    expect(checkEarnRule({ ...form, promotionMultiplier: '2.25' })).toEqual({
      ok: true,
      input: {
        storeId: 'U3RvcmU6MQ==',
        pointsPerYuan: 2,
        promotionMultiplier: '2.25',
        promotionStartsAt: '2026-12-01T00:00:00+08:00',
        promotionEndsAt: '2026-12-31T00:00:00+08:00',
      },
    })
  })

  it('refuses a multiplier outside 1–10 or with three decimals, and dates out of order', () => {
    expect(checkEarnRule({ ...emptyEarnRuleForm(), promotionMultiplier: '0.5' })).toEqual({
      ok: false,
      problems: { promotionMultiplier: 'range' },
    })
    for (const multiplier of ['10.01', '1.255', 'x']) {
      expect(checkEarnRule({ ...emptyEarnRuleForm(), promotionMultiplier: multiplier })).toEqual({
        ok: false,
        problems: { promotionMultiplier: 'multiplier' },
      })
    }
    expect(
      checkEarnRule({
        ...emptyEarnRuleForm(),
        pointsPerYuan: '1001',
        promotionStartsAt: '2026-12-02T00:00:00Z',
        promotionEndsAt: '2026-12-01T00:00:00Z',
      }),
    ).toEqual({ ok: false, problems: { pointsPerYuan: 'range', promotionEndsAt: 'endsBeforeStart' } })
  })
})
