/**
 * A tier's benefits as HQ sets them: its name, its rank (higher is better; ranks order the
 * upgrades), the share of list price a member pays (95 = 5% off), the points multiplier and the
 * perks listed to members. How the tier is earned and kept is set apart (tierRules.ts).
 */
import type { TierInput } from '@/generated/schema'

import { checkName, parseMultiplier, parseWhole, type Checked, type SettingsProblem } from './forms'
import type { SettingsTiersQuery } from './tiers.generated'

const MAX_PERKS = 20
const PERK_MAX = 100

export interface TierForm {
  /** Set when editing a tier. */
  id: string | null
  name: string
  rank: string
  discountPercent: string
  pointsMultiplier: string
  perks: string[]
}

export function emptyTierForm(): TierForm {
  return { id: null, name: '', rank: '', discountPercent: '100', pointsMultiplier: '1', perks: [] }
}

export function tierForm(tier: SettingsTiersQuery['tiers'][number]): TierForm {
  return {
    id: tier.id,
    name: tier.name,
    rank: String(tier.rank),
    discountPercent: String(tier.discountPercent),
    pointsMultiplier: tier.pointsMultiplier,
    perks: [...tier.perks],
  }
}

export function checkTier(form: TierForm): Checked<TierForm, { id: string | null; input: TierInput }> {
  const problems: Partial<Record<keyof TierForm, SettingsProblem>> = {}
  const { name, problem } = checkName(form.name)
  if (problem) problems.name = problem
  const rank = parseWhole(form.rank, 0, 1000)
  const discount = parseWhole(form.discountPercent, 1, 100)
  const multiplier = parseMultiplier(form.pointsMultiplier, 0)
  if (!rank.ok) problems.rank = rank.problem
  if (!discount.ok) problems.discountPercent = discount.problem
  if (!multiplier.ok) problems.pointsMultiplier = multiplier.problem
  const perks = form.perks.map((perk) => perk.trim()).filter(Boolean)
  if (perks.length > MAX_PERKS || perks.some((perk) => perk.length > PERK_MAX)) problems.perks = 'range'
  if (Object.keys(problems).length || !rank.ok || !discount.ok || !multiplier.ok) return { ok: false, problems }
  return {
    ok: true,
    input: {
      id: form.id,
      input: { name, rank: rank.value, discountPercent: discount.value, pointsMultiplier: multiplier.value, perks },
    },
  }
}
