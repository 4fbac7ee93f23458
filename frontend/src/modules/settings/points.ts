/**
 * Points settings: the brand-wide terms (points worth ¥1 when paying with points, months before
 * earned points expire, 0 for never; the cap on any single amount) and the earn rules — points
 * per yuan at the brand by default or at one store, times an optional promotion multiplier within
 * its dates. The tier multiplier applies on top and is set on each tier.
 */
import { parseMoney } from '@/core/money'
import type { EarnRuleInput, ProgramSettingsInput } from '@/generated/schema'

import { parseMultiplier, parseWhole, type Checked, type SettingsProblem } from './forms'
import type { SettingsPointsQuery } from './points.generated'

export interface ProgramSettingsForm {
  pointsPerYuanOffset: string
  pointsExpiryMonths: string
  maxAmount: string
}

export function programSettingsForm(settings: SettingsPointsQuery['programSettings']): ProgramSettingsForm {
  return {
    pointsPerYuanOffset: String(settings.pointsPerYuanOffset),
    pointsExpiryMonths: String(settings.pointsExpiryMonths),
    maxAmount: settings.maxAmount,
  }
}

export function checkProgramSettings(form: ProgramSettingsForm): Checked<ProgramSettingsForm, ProgramSettingsInput> {
  const problems: Partial<Record<keyof ProgramSettingsForm, SettingsProblem>> = {}
  const offset = parseWhole(form.pointsPerYuanOffset, 1, 100_000)
  const expiry = parseWhole(form.pointsExpiryMonths, 0, 120)
  const cap = parseMoney(form.maxAmount)
  if (!offset.ok) problems.pointsPerYuanOffset = offset.problem
  if (!expiry.ok) problems.pointsExpiryMonths = expiry.problem
  if (!cap.ok) problems.maxAmount = cap.problem
  if (!offset.ok || !expiry.ok || !cap.ok) return { ok: false, problems }
  return { ok: true, input: { pointsPerYuanOffset: offset.value, pointsExpiryMonths: expiry.value, maxAmount: cap.value } }
}

export interface EarnRuleForm {
  /** null: the brand's default rule. */
  storeId: string | null
  pointsPerYuan: string
  promotionMultiplier: string
  promotionStartsAt: string | null
  promotionEndsAt: string | null
}

export function emptyEarnRuleForm(): EarnRuleForm {
  return { storeId: null, pointsPerYuan: '1', promotionMultiplier: '1', promotionStartsAt: null, promotionEndsAt: null }
}

export function earnRuleForm(rule: SettingsPointsQuery['earnRules'][number]): EarnRuleForm {
  return {
    storeId: rule.store?.id ?? null,
    pointsPerYuan: String(rule.pointsPerYuan),
    promotionMultiplier: rule.promotionMultiplier,
    promotionStartsAt: rule.promotionStartsAt ?? null,
    promotionEndsAt: rule.promotionEndsAt ?? null,
  }
}

export function checkEarnRule(form: EarnRuleForm): Checked<EarnRuleForm, EarnRuleInput> {
  const problems: Partial<Record<keyof EarnRuleForm, SettingsProblem>> = {}
  const rate = parseWhole(form.pointsPerYuan, 0, 1000)
  const multiplier = parseMultiplier(form.promotionMultiplier, 1)
  if (!rate.ok) problems.pointsPerYuan = rate.problem
  if (!multiplier.ok) problems.promotionMultiplier = multiplier.problem
  const { promotionStartsAt: startsAt, promotionEndsAt: endsAt } = form
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) problems.promotionEndsAt = 'endsBeforeStart'
  if (Object.keys(problems).length || !rate.ok || !multiplier.ok) return { ok: false, problems }
  return {
    ok: true,
    input: {
      storeId: form.storeId,
      pointsPerYuan: rate.value,
      promotionMultiplier: multiplier.value,
      promotionStartsAt: startsAt,
      promotionEndsAt: endsAt,
    },
  }
}
