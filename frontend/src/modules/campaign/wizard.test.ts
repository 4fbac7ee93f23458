import { describe, expect, it } from 'vitest'

import {
  addVariant,
  businessHour,
  checkStep,
  emptyCampaignForm,
  evenSplit,
  firstFaultyStep,
  formFromCampaign,
  inQuietHours,
  ratioPercent,
  removeVariant,
  stepOfField,
  templateProblem,
  toCampaignInput,
  type CampaignForm,
} from './wizard'

function form(changes: Partial<CampaignForm> = {}): CampaignForm {
  return { ...emptyCampaignForm(), name: '双十一回馈', segmentId: 'U2VnbWVudDox', ...changes }
}

describe('templateProblem', () => {
  it('accepts the four variables and plain text', () => {
    expect(templateProblem('{name}您好，{store}的{tier}会员 {memberNo} 专享')).toBeNull()
    expect(templateProblem('')).toBeNull()
  })

  it('refuses an unknown variable and a stray brace', () => {
    expect(templateProblem('Hi {phone}')).toBe('unknownVariable')
    expect(templateProblem('Hi {name')).toBe('brace')
    expect(templateProblem('Hi name}')).toBe('brace')
  })
})

describe('checkStep', () => {
  it('asks a one-shot campaign for a name and a segment', () => {
    expect(checkStep(form({ name: ' ', segmentId: null }), 'audience')).toEqual({ name: 'required', segmentId: 'segment' })
  })

  it('asks a triggered campaign for its trigger, and the days of the triggers that take them', () => {
    const triggered = form({ kind: 'TRIGGERED', segmentId: null })

    expect(checkStep(triggered, 'audience')).toEqual({ trigger: 'trigger' })
    expect(checkStep({ ...triggered, trigger: 'BIRTHDAY', triggerDays: 0 }, 'audience')).toEqual({})
    expect(checkStep({ ...triggered, trigger: 'INACTIVITY', triggerDays: 0 }, 'audience')).toEqual({ triggerDays: 'triggerDays' })
    expect(checkStep({ ...triggered, trigger: 'POINTS_EXPIRING', triggerDays: 366 }, 'audience')).toEqual({ triggerDays: 'triggerDays' })
    expect(checkStep({ ...triggered, trigger: 'INACTIVITY', triggerDays: 90 }, 'audience')).toEqual({})
  })

  it("checks every variant's text and the subject as templates", () => {
    const message = form({
      subject: '{coupon}',
      variants: [
        { name: 'A', percent: 50, body: '' },
        { name: 'B', percent: 50, body: '{name} {' },
      ],
    })

    expect(checkStep(message, 'message')).toEqual({ subject: 'unknownVariable', 'variants.0.body': 'required', 'variants.1.body': 'brace' })
  })

  it('needs the shares and the holdout to add up to 100, with distinct names that are not HOLDOUT', () => {
    const split = form({
      variants: [
        { name: 'A', percent: 40, body: 'x' },
        { name: 'A', percent: 40, body: 'x' },
        { name: 'holdout', percent: 0, body: 'x' },
      ],
      holdoutPercent: 10,
    })

    expect(checkStep(split, 'split')).toEqual({
      'variants.1.name': 'variantName',
      'variants.2.name': 'variantName',
      'variants.2.percent': 'percent',
      variants: 'total',
    })
    expect(checkStep(form({ holdoutPercent: 60 }), 'split')).toEqual({ holdoutPercent: 'holdout' })
    expect(checkStep(form({ attributionDays: 91 }), 'split')).toEqual({ attributionDays: 'attribution' })
  })

  it('does not schedule a triggered campaign', () => {
    expect(checkStep(form({ kind: 'TRIGGERED', scheduledAt: '2026-12-01T10:00:00+08:00' }), 'schedule')).toEqual({
      scheduledAt: 'scheduledTrigger',
    })
  })
})

describe('rewards', () => {
  it('sends points and a coupon only when there is one, and refuses points out of range', () => {
    expect(toCampaignInput(form()).rewards).toBeNull()
    expect(toCampaignInput(form({ rewardPoints: 50 })).rewards).toEqual({ points: 50, couponTemplateId: null })
    expect(toCampaignInput(form({ couponTemplateId: 'Q291cG9uVGVtcGxhdGU6MQ==' })).rewards).toEqual({
      points: 0,
      couponTemplateId: 'Q291cG9uVGVtcGxhdGU6MQ==',
    })
    const ok = { variants: [{ name: 'A', percent: 100, body: 'hi' }] }
    expect(checkStep(form({ ...ok, rewardPoints: -1 }), 'message')).toEqual({ rewardPoints: 'rewardPoints' })
    expect(checkStep(form({ ...ok, rewardPoints: 10_000_001 }), 'message')).toEqual({ rewardPoints: 'rewardPoints' })
    expect(checkStep(form({ ...ok, rewardPoints: 10_000_000 }), 'message')).toEqual({})
  })

  it('reads a saved campaign\'s rewards back into the form', () => {
    const saved = {
      ...toCampaignInput(form()),
      segment: null,
      triggerDays: 0,
      rewards: { points: 20, couponTemplate: { id: 'Q291cG9uVGVtcGxhdGU6MQ==' } },
    }

    expect(formFromCampaign(saved)).toMatchObject({ rewardPoints: 20, couponTemplateId: 'Q291cG9uVGVtcGxhdGU6MQ==' })
  })

  it('takes 1 to 90 days for a tier about to drop', () => {
    const triggered = form({ kind: 'TRIGGERED', segmentId: null, trigger: 'TIER_ABOUT_TO_DOWNGRADE' })
    expect(checkStep({ ...triggered, triggerDays: 91 }, 'audience')).toEqual({ triggerDays: 'triggerDays' })
    expect(checkStep({ ...triggered, triggerDays: 30 }, 'audience')).toEqual({})
  })
})

describe('firstFaultyStep', () => {
  it('is the first step with a problem, or null for a complete form', () => {
    expect(firstFaultyStep(form({ variants: [{ name: 'A', percent: 100, body: '' }] }))).toEqual({
      step: 'message',
      problems: { 'variants.0.body': 'required' },
    })
    expect(firstFaultyStep(form({ variants: [{ name: 'A', percent: 100, body: '{name}您好' }] }))).toBeNull()
  })
})

describe('stepOfField', () => {
  it("finds the step where the server's error can be fixed", () => {
    expect(['segmentId', 'body', 'variants', 'scheduledAt', 'id'].map(stepOfField)).toEqual(['audience', 'message', 'split', 'schedule', null])
  })
})

describe('variants', () => {
  it('splits what the holdout leaves evenly, the first ones taking the rest', () => {
    expect(evenSplit(3, 10)).toEqual([30, 30, 30])
    expect(evenSplit(3, 0)).toEqual([34, 33, 33])
    expect(evenSplit(1, 20)).toEqual([80])
  })

  it('adds lettered variants up to five and evens the shares, never removing the last', () => {
    const draft = form({ holdoutPercent: 10 })

    addVariant(draft)
    addVariant(draft)
    expect(draft.variants.map((v) => [v.name, v.percent])).toEqual([['A', 30], ['B', 30], ['C', 30]])
    addVariant(draft)
    addVariant(draft)
    addVariant(draft)
    expect(draft.variants).toHaveLength(5)

    removeVariant(draft, 0)
    expect(draft.variants.map((v) => [v.name, v.percent])).toEqual([['B', 23], ['C', 23], ['D', 22], ['E', 22]])
    const single = form()
    removeVariant(single, 0)
    expect(single.variants).toHaveLength(1)
  })
})

describe('toCampaignInput', () => {
  it('sends a one-shot without trigger, and a triggered campaign without schedule or unused days', () => {
    const oneShot = toCampaignInput(form({ trigger: 'INACTIVITY', scheduledAt: '2026-12-01T10:00:00+08:00', variants: [{ name: ' A ', percent: 100, body: ' hi ' }] }))
    expect(oneShot).toMatchObject({ kind: 'ONE_SHOT', trigger: null, triggerDays: 0, scheduledAt: '2026-12-01T10:00:00+08:00', variants: [{ name: 'A', percent: 100, body: 'hi' }] })

    const birthday = toCampaignInput(form({ kind: 'TRIGGERED', trigger: 'BIRTHDAY', triggerDays: 30, scheduledAt: '2026-12-01T10:00:00+08:00', segmentId: null }))
    expect(birthday).toMatchObject({ kind: 'TRIGGERED', trigger: 'BIRTHDAY', triggerDays: 0, scheduledAt: null, segmentId: null })

    const inactive = toCampaignInput(form({ kind: 'TRIGGERED', trigger: 'INACTIVITY', triggerDays: 60 }))
    expect(inactive).toMatchObject({ trigger: 'INACTIVITY', triggerDays: 60 })
  })
})

describe('quiet hours', () => {
  it('reads the hour in China and handles quiet time across midnight', () => {
    expect(businessHour('2026-11-23T14:30:00Z')).toBe(22)
    expect(businessHour('2026-11-23T10:00:00+08:00')).toBe(10)
    expect([20, 21, 23, 0, 8, 9].map((hour) => inQuietHours(hour, 21, 9))).toEqual([false, true, true, true, true, false])
    expect(inQuietHours(13, 12, 14)).toBe(true)
    expect(inQuietHours(3, 0, 0)).toBe(false)
  })
})

describe('ratioPercent', () => {
  it('shows a Decimal ratio as a percent without rounding through floats', () => {
    expect(ratioPercent('0.1234')).toBe('12.34%')
    expect(ratioPercent('0.0500')).toBe('5.00%')
    expect(ratioPercent('1.5000')).toBe('150.00%')
    expect(ratioPercent('0')).toBe('0.00%')
    expect(ratioPercent('-0.2500', true)).toBe('-25.00%')
    expect(ratioPercent('0.3333', true)).toBe('+33.33%')
    expect(ratioPercent(null)).toBe('—')
  })
})

describe('formFromCampaign', () => {
  it('gives back the input a saved campaign came from', () => {
    const draft = form({
      kind: 'TRIGGERED',
      trigger: 'INACTIVITY',
      triggerDays: 45,
      channel: 'SMS',
      subject: '{name}',
      variants: [
        { name: 'A', percent: 45, body: '{name}您好' },
        { name: 'B', percent: 45, body: '{store}见' },
      ],
      holdoutPercent: 10,
      attributionDays: 14,
    })
    const saved = { ...toCampaignInput(draft), segment: { id: 'U2VnbWVudDox' }, triggerDays: 45, rewards: null }

    expect(toCampaignInput(formFromCampaign(saved))).toEqual(toCampaignInput(draft))
  })

  it('starts the days at 30 for a trigger without them, should HQ switch it to one with days', () => {
    const saved = { ...toCampaignInput(form({ kind: 'TRIGGERED', trigger: 'BIRTHDAY' })), segment: null, triggerDays: 0, rewards: null }

    expect(formFromCampaign(saved)).toMatchObject({ trigger: 'BIRTHDAY', triggerDays: 30, segmentId: null })
  })
})
