/**
 * The campaign wizard's form and the checks of each step, mirroring what the server refuses
 * (server/campaign/services.py, templates.py) so a mistake is shown on its step before saving:
 *
 *     audience   name; a segment (one-shot) or a trigger with its days (inactivity, points expiring)
 *     message    channel, subject and each variant's text, variables {name} {memberNo} {store} {tier};
 *                a reward (points, a coupon) for each member sent to
 *     split      variants' shares and the holdout adding up to 100, attribution window
 *     schedule   when a one-shot goes out (now when left empty); quiet hours hold sends back
 */
import type { CampaignInput, CampaignKind, CampaignTrigger, DeliveryChannel } from '@/generated/schema'

export const VARIABLES = ['name', 'memberNo', 'store', 'tier'] as const
export const TRIGGERS: readonly CampaignTrigger[] = [
  'WELCOME',
  'BIRTHDAY',
  'ANNIVERSARY',
  'INACTIVITY',
  'POINTS_EXPIRING',
  'REFERRAL_SUCCESS',
  'TIER_UPGRADE',
  'TIER_ABOUT_TO_DOWNGRADE',
]
export const CHANNELS: readonly DeliveryChannel[] = ['SMS', 'EMAIL', 'WEBHOOK', 'LOG']
/** Triggers whose occasion takes a number of days, and the most the server allows. */
export const TRIGGER_DAYS: Partial<Record<CampaignTrigger, number>> = { INACTIVITY: 3650, POINTS_EXPIRING: 365, TIER_ABOUT_TO_DOWNGRADE: 90 }
/** The most points a campaign may give each member. */
export const MAX_REWARD_POINTS = 10_000_000
export const MAX_VARIANTS = 5
export const MAX_HOLDOUT = 50
const HOLDOUT = 'HOLDOUT'

export interface VariantForm {
  name: string
  percent: number
  body: string
}

export interface CampaignForm {
  name: string
  kind: CampaignKind
  segmentId: string | null
  trigger: CampaignTrigger | null
  triggerDays: number
  /** null: each member's best channel. */
  channel: DeliveryChannel | null
  subject: string
  variants: VariantForm[]
  holdoutPercent: number
  attributionDays: number
  /** ISO instant with offset, or null for "at launch". */
  scheduledAt: string | null
  /** Points each member sent to receives; 0 for none. */
  rewardPoints: number
  /** A coupon template each member sent to receives, or null. */
  couponTemplateId: string | null
}

export function emptyCampaignForm(): CampaignForm {
  return {
    name: '',
    kind: 'ONE_SHOT',
    segmentId: null,
    trigger: null,
    triggerDays: 30,
    channel: null,
    subject: '',
    variants: [{ name: 'A', percent: 100, body: '' }],
    holdoutPercent: 0,
    attributionDays: 7,
    scheduledAt: null,
    rewardPoints: 0,
    couponTemplateId: null,
  }
}

export const STEPS = ['audience', 'message', 'split', 'schedule'] as const
export type Step = (typeof STEPS)[number]

export type WizardProblem =
  | 'required'
  | 'tooLong'
  | 'segment'
  | 'trigger'
  | 'triggerDays'
  | 'unknownVariable'
  | 'brace'
  | 'variantName'
  | 'percent'
  | 'total'
  | 'holdout'
  | 'attribution'
  | 'scheduledTrigger'
  | 'rewardPoints'

/** A problem, keyed by field: `name`, `variants.1.body`, `variants` (the split as a whole) … */
export type WizardProblems = Record<string, WizardProblem>

/** The first problem of a message template: an unknown `{variable}` or a brace that encloses none. */
export function templateProblem(text: string): 'unknownVariable' | 'brace' | null {
  const placeholders = /\{([^{}]*)\}/g
  for (const [, name] of text.matchAll(placeholders)) {
    if (!(VARIABLES as readonly string[]).includes(name ?? '')) return 'unknownVariable'
  }
  const rest = text.replace(placeholders, '')
  return rest.includes('{') || rest.includes('}') ? 'brace' : null
}

function text(problems: WizardProblems, field: string, value: string, max: number, required: boolean): void {
  const trimmed = value.trim()
  if (required && !trimmed) problems[field] = 'required'
  else if (trimmed.length > max) problems[field] = 'tooLong'
}

function checkAudience(form: CampaignForm, problems: WizardProblems): void {
  text(problems, 'name', form.name, 100, true)
  if (form.kind === 'ONE_SHOT') {
    if (!form.segmentId) problems['segmentId'] = 'segment'
    return
  }
  if (!form.trigger) {
    problems['trigger'] = 'trigger'
    return
  }
  const most = TRIGGER_DAYS[form.trigger]
  if (most !== undefined && !(Number.isInteger(form.triggerDays) && form.triggerDays >= 1 && form.triggerDays <= most)) {
    problems['triggerDays'] = 'triggerDays'
  }
}

function checkMessage(form: CampaignForm, problems: WizardProblems): void {
  text(problems, 'subject', form.subject, 200, false)
  const subject = templateProblem(form.subject)
  if (!problems['subject'] && subject) problems['subject'] = subject
  form.variants.forEach((variant, i) => {
    const field = `variants.${i}.body`
    text(problems, field, variant.body, 1000, true)
    const template = templateProblem(variant.body)
    if (!problems[field] && template) problems[field] = template
  })
  if (!Number.isInteger(form.rewardPoints) || form.rewardPoints < 0 || form.rewardPoints > MAX_REWARD_POINTS) {
    problems['rewardPoints'] = 'rewardPoints'
  }
}

function checkSplit(form: CampaignForm, problems: WizardProblems): void {
  const names = form.variants.map((variant) => variant.name.trim())
  names.forEach((name, i) => {
    if (!name || name.length > 20 || name.toUpperCase() === HOLDOUT || names.indexOf(name) !== i) problems[`variants.${i}.name`] = 'variantName'
  })
  form.variants.forEach((variant, i) => {
    if (!Number.isInteger(variant.percent) || variant.percent < 1) problems[`variants.${i}.percent`] = 'percent'
  })
  if (!Number.isInteger(form.holdoutPercent) || form.holdoutPercent < 0 || form.holdoutPercent > MAX_HOLDOUT) {
    problems['holdoutPercent'] = 'holdout'
  } else if (form.variants.reduce((sum, variant) => sum + variant.percent, 0) + form.holdoutPercent !== 100) {
    problems['variants'] = 'total'
  }
  if (!Number.isInteger(form.attributionDays) || form.attributionDays < 1 || form.attributionDays > 90) {
    problems['attributionDays'] = 'attribution'
  }
}

function checkSchedule(form: CampaignForm, problems: WizardProblems): void {
  if (form.kind === 'TRIGGERED' && form.scheduledAt) problems['scheduledAt'] = 'scheduledTrigger'
}

const CHECKS: Record<Step, (form: CampaignForm, problems: WizardProblems) => void> = {
  audience: checkAudience,
  message: checkMessage,
  split: checkSplit,
  schedule: checkSchedule,
}

/** The problems of one step. */
export function checkStep(form: CampaignForm, step: Step): WizardProblems {
  const problems: WizardProblems = {}
  CHECKS[step](form, problems)
  return problems
}

/** The first step with a problem, and its problems; null when the whole form is fine. */
export function firstFaultyStep(form: CampaignForm): { step: Step; problems: WizardProblems } | null {
  for (const step of STEPS) {
    const problems = checkStep(form, step)
    if (Object.keys(problems).length) return { step, problems }
  }
  return null
}

/** The step where the server's error field is edited (its `body` names no variant: the message step). */
export function stepOfField(field: string): Step | null {
  if (['name', 'segmentId', 'trigger', 'triggerDays', 'kind'].includes(field)) return 'audience'
  if (['subject', 'body', 'channel', 'rewards', 'points', 'couponTemplateId'].includes(field)) return 'message'
  if (['variants', 'holdoutPercent', 'attributionDays'].includes(field)) return 'split'
  if (field === 'scheduledAt') return 'schedule'
  return null
}

/** `parts` shares of what the holdout leaves, as even as whole percents allow (the first ones get the rest). */
export function evenSplit(parts: number, holdout: number): number[] {
  const total = 100 - holdout
  const base = Math.floor(total / parts)
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0))
}

/** The next variant: lettered after the last, with the shares evened out again. */
export function addVariant(form: CampaignForm): void {
  if (form.variants.length >= MAX_VARIANTS) return
  const letter = String.fromCharCode('A'.charCodeAt(0) + form.variants.length)
  form.variants.push({ name: letter, percent: 0, body: form.variants.at(-1)?.body ?? '' })
  rebalance(form)
}

export function removeVariant(form: CampaignForm, index: number): void {
  if (form.variants.length <= 1) return
  form.variants.splice(index, 1)
  rebalance(form)
}

export function rebalance(form: CampaignForm): void {
  const shares = evenSplit(form.variants.length, Math.min(Math.max(form.holdoutPercent, 0), MAX_HOLDOUT))
  form.variants.forEach((variant, i) => (variant.percent = shares[i] ?? 0))
}

export function toCampaignInput(form: CampaignForm): CampaignInput {
  const triggered = form.kind === 'TRIGGERED'
  return {
    name: form.name.trim(),
    kind: form.kind,
    segmentId: form.segmentId,
    trigger: triggered ? form.trigger : null,
    triggerDays: triggered && form.trigger && TRIGGER_DAYS[form.trigger] !== undefined ? form.triggerDays : 0,
    scheduledAt: triggered ? null : form.scheduledAt,
    channel: form.channel,
    subject: form.subject.trim(),
    variants: form.variants.map((variant) => ({ name: variant.name.trim(), percent: variant.percent, body: variant.body.trim() })),
    holdoutPercent: form.holdoutPercent,
    attributionDays: form.attributionDays,
    rewards: form.rewardPoints || form.couponTemplateId ? { points: form.rewardPoints, couponTemplateId: form.couponTemplateId } : null,
  }
}

/** The hour of an instant in the brand's time zone (Asia/Shanghai, UTC+8 all year). */
export function businessHour(iso: string): number {
  return (new Date(iso).getUTCHours() + 8) % 24
}

/** Whether an hour falls in quiet time [start, end), which may wrap midnight; start = end means none. */
export function inQuietHours(hour: number, start: number, end: number): boolean {
  if (start === end) return false
  return start < end ? hour >= start && hour < end : hour >= start || hour < end
}

/** A Decimal ratio ("0.1234", "-0.25") as a percent with two places ("12.34%", "-25.00%"), without floats. */
export function ratioPercent(ratio: string | null | undefined, signed = false): string {
  if (ratio == null) return '—'
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(ratio.trim())
  if (!match) return ratio
  const digits = `${match[2]}${(match[3] ?? '').padEnd(4, '0').slice(0, 4)}`.replace(/^0+(?=\d{3})/, '')
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '') || '0'
  const value = `${whole}.${digits.slice(-2)}`
  const zero = /^0\.00$/.test(value)
  const sign = match[1] && !zero ? '-' : signed && !zero ? '+' : ''
  return `${sign}${value}%`
}

/** What the wizard needs of a saved campaign to edit it (a draft, or a paused campaign). */
export interface SavedCampaign {
  name: string
  kind: CampaignKind
  trigger?: CampaignTrigger | null
  triggerDays?: number
  segment?: { id: string } | null
  channel?: DeliveryChannel | null
  subject?: string
  variants: readonly VariantForm[]
  holdoutPercent?: number
  attributionDays?: number
  scheduledAt?: string | null
  rewards?: { points: number; couponTemplate?: { id: string } | null } | null
}

/** The wizard's form for a saved campaign: days kept only for the triggers that take them. */
export function formFromCampaign(campaign: SavedCampaign): CampaignForm {
  const trigger = campaign.trigger ?? null
  const empty = emptyCampaignForm()
  return {
    name: campaign.name,
    kind: campaign.kind,
    segmentId: campaign.segment?.id ?? null,
    trigger,
    triggerDays: trigger && TRIGGER_DAYS[trigger] !== undefined ? (campaign.triggerDays ?? empty.triggerDays) : empty.triggerDays,
    channel: campaign.channel ?? null,
    subject: campaign.subject ?? '',
    variants: campaign.variants.map((variant) => ({ name: variant.name, percent: variant.percent, body: variant.body })),
    holdoutPercent: campaign.holdoutPercent ?? empty.holdoutPercent,
    attributionDays: campaign.attributionDays ?? empty.attributionDays,
    scheduledAt: campaign.scheduledAt ?? null,
    rewardPoints: campaign.rewards?.points ?? 0,
    couponTemplateId: campaign.rewards?.couponTemplate?.id ?? null,
  }
}
