/**
 * A tier's rules as HQ edits them: upgrade and retention conditions (any or all of spend, visits,
 * points within a rolling window of N days or a calendar month/quarter/year), how far a member
 * falls who no longer qualifies, the gift package an upgrade brings, and the price of a paid tier.
 * A blank condition is no condition; a tier with no upgrade condition is reached only by hand or
 * by purchase.
 */
import { parseMoney } from '@/core/money'
import type { TierDowngrade, TierMatch, TierRulesInput, TierWindow } from '@/generated/schema'

import { parseWhole, type Checked, type SettingsProblem } from './forms'
import type { SettingsTiersQuery } from './tiers.generated'

type Rules = SettingsTiersQuery['tiers'][number]['rules']

/** The server's bounds (server/tier/rules.py). */
const MAX_DAYS = 3660
const MAX_GIFT_POINTS = 10_000_000
const MAX_COUNT = 1_000_000_000

export interface TierRulesForm {
  window: TierWindow
  windowDays: string
  upgradeMatch: TierMatch
  upgradeSpend: string
  upgradeVisits: string
  upgradePoints: string
  retentionMatch: TierMatch
  retentionSpend: string
  retentionVisits: string
  retentionPoints: string
  downgrade: TierDowngrade
  giftCouponTemplateIds: string[]
  giftPoints: string
  price: string
  paidDays: string
}

const text = (value: string | number | null | undefined): string => (value == null ? '' : String(value))

/** The form filled with a tier's current rules. */
export function tierRulesForm(rules: Rules): TierRulesForm {
  return {
    window: rules.window,
    windowDays: text(rules.windowDays),
    upgradeMatch: rules.upgrade.match,
    upgradeSpend: text(rules.upgrade.spend),
    upgradeVisits: text(rules.upgrade.visits),
    upgradePoints: text(rules.upgrade.points),
    retentionMatch: rules.retention.match,
    retentionSpend: text(rules.retention.spend),
    retentionVisits: text(rules.retention.visits),
    retentionPoints: text(rules.retention.points),
    downgrade: rules.downgrade,
    giftCouponTemplateIds: [...rules.giftCouponTemplateIds],
    giftPoints: text(rules.giftPoints),
    price: text(rules.price),
    paidDays: text(rules.paidDays),
  }
}

export function emptyTierRulesForm(): TierRulesForm {
  return tierRulesForm({
    window: 'ROLLING',
    windowDays: 365,
    upgrade: { match: 'ANY', spend: null, visits: null, points: null },
    retention: { match: 'ANY', spend: null, visits: null, points: null },
    downgrade: 'ONE_LEVEL',
    giftCouponTemplateIds: [],
    giftPoints: 0,
    price: null,
    paidDays: null,
  })
}

type Problems = Partial<Record<keyof TierRulesForm, SettingsProblem>>

/** An optional whole number: blank is null, else checked into problems under `field`. */
function optionalWhole(form: TierRulesForm, field: keyof TierRulesForm, min: number, max: number, problems: Problems): number | null {
  const value = String(form[field]).trim()
  if (!value) return null
  const parsed = parseWhole(value, min, max)
  if (parsed.ok) return parsed.value
  problems[field] = parsed.problem
  return null
}

function optionalMoney(form: TierRulesForm, field: 'upgradeSpend' | 'retentionSpend' | 'price', problems: Problems): string | null {
  if (!form[field].trim()) return null
  const parsed = parseMoney(form[field])
  if (parsed.ok) return parsed.value
  problems[field] = parsed.problem
  return null
}

function conditions(form: TierRulesForm, side: 'upgrade' | 'retention', problems: Problems) {
  return {
    match: form[`${side}Match`],
    spend: optionalMoney(form, `${side}Spend`, problems),
    visits: optionalWhole(form, `${side}Visits`, 1, MAX_COUNT, problems),
    points: optionalWhole(form, `${side}Points`, 1, MAX_COUNT, problems),
  }
}

export function checkTierRules(form: TierRulesForm): Checked<TierRulesForm, TierRulesInput> {
  const problems: Problems = {}
  // Calendar windows ignore the day count, but the API still wants a valid one.
  const windowDays = form.window === 'ROLLING' ? optionalWhole(form, 'windowDays', 1, MAX_DAYS, problems) : null
  if (form.window === 'ROLLING' && !form.windowDays.trim()) problems.windowDays = 'required'
  const upgrade = conditions(form, 'upgrade', problems)
  const retention = conditions(form, 'retention', problems)
  const giftPoints = optionalWhole(form, 'giftPoints', 0, MAX_GIFT_POINTS, problems) ?? 0
  const price = optionalMoney(form, 'price', problems)
  const paidDays = optionalWhole(form, 'paidDays', 1, MAX_DAYS, problems)
  if (!problems.price && !problems.paidDays && (price === null) !== (paidDays === null)) {
    problems[price === null ? 'price' : 'paidDays'] = 'pricePair'
  }
  if (Object.keys(problems).length) return { ok: false, problems }
  return {
    ok: true,
    input: {
      window: form.window,
      windowDays: windowDays ?? (parseWhole(form.windowDays, 1, MAX_DAYS).ok ? Number(form.windowDays.trim()) : 365),
      upgrade,
      retention,
      downgrade: form.downgrade,
      giftCouponTemplateIds: form.giftCouponTemplateIds,
      giftPoints,
      price,
      paidDays,
    },
  }
}
