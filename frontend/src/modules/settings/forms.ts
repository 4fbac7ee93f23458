/**
 * The HQ settings forms, checked before they are sent: card types (a code, a name, what the card
 * does) and recharge promotions (pay at least X, get Y bonus, optionally at one store and within
 * dates). Money goes through parseMoney, so what HQ types is exactly what the server stores.
 */
import type { Translator } from '@/core/graphql/errors'
import { parseMoney, type MoneyProblem } from '@/core/money'
import type { CardKind, CardTypeInput, DeductionOrder, RechargeRuleInput } from '@/generated/schema'

const CODE = /^[A-Za-z0-9_-]{1,32}$/
const NAME_MAX = 50

export interface CardTypeForm {
  code: string
  name: string
  kind: CardKind
  storesValue: boolean
  earnsPoints: boolean
  givesDiscount: boolean
  requiresPin: boolean
  dailyLimit: string
  deductionOrder: DeductionOrder
}

export function emptyCardTypeForm(): CardTypeForm {
  return {
    code: '',
    name: '',
    kind: 'PERSONAL',
    storesValue: true,
    earnsPoints: true,
    givesDiscount: true,
    requiresPin: false,
    dailyLimit: '',
    deductionOrder: 'PRINCIPAL_FIRST',
  }
}

export type SettingsProblem =
  | 'required'
  | 'code'
  | 'tooLong'
  | 'bonusOverMin'
  | 'endsBeforeStart'
  | WholeProblem
  | 'pricePair'
  | 'password'
  | 'username'
  | 'multiplier'
  | 'coordinate'
  | MoneyProblem

export type WholeProblem = 'required' | 'whole' | 'range'

export type ParsedWhole = { ok: true; value: number } | { ok: false; problem: WholeProblem }

/** A whole number typed into a form (counts, days, points), within [min, max]. */
export function parseWhole(input: string, min: number, max: number): ParsedWhole {
  const text = input.trim()
  if (text === '') return { ok: false, problem: 'required' }
  if (!/^\d{1,12}$/.test(text)) return { ok: false, problem: 'whole' }
  const value = Number(text)
  return value < min || value > max ? { ok: false, problem: 'range' } : { ok: true, value }
}

const MULTIPLIER = /^(\d{1,2})(?:\.(\d{1,2}))?$/

/** A multiplier as typed ("1.5"): `min` to 10, at most two decimals, as the API's Decimal string. */
export function parseMultiplier(input: string, min: number): { ok: true; value: string } | { ok: false; problem: SettingsProblem } {
  const text = input.trim()
  if (!text) return { ok: false, problem: 'required' }
  const match = MULTIPLIER.exec(text)
  if (!match) return { ok: false, problem: 'multiplier' }
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  if (hundredths > 1000) return { ok: false, problem: 'multiplier' }
  if (hundredths < min * 100) return { ok: false, problem: 'range' }
  return { ok: true, value: match[2] ? `${Number(match[1])}.${match[2]}` : String(Number(match[1])) }
}

/** A checked name: required, trimmed, at most 50 characters. */
export function checkName(input: string): { name: string; problem?: SettingsProblem } {
  const name = input.trim()
  if (!name) return { name, problem: 'required' }
  return name.length > NAME_MAX ? { name, problem: 'tooLong' } : { name }
}

/** Each problem in words: the settings' own, else the money parser's. */
export function describeProblems<F extends string>(
  problems: Partial<Record<F, SettingsProblem>>,
  i18n: Translator,
): Partial<Record<F, string>> {
  const described: Partial<Record<F, string>> = {}
  for (const [field, problem] of Object.entries(problems) as [F, SettingsProblem][]) {
    const own = `settings.problem.${problem}`
    described[field] = i18n.te(own) ? i18n.t(own) : i18n.t(`money.${problem}`)
  }
  return described
}

export type Checked<F, I> = { ok: true; input: I } | { ok: false; problems: Partial<Record<keyof F, SettingsProblem>> }

export function checkCardType(form: CardTypeForm): Checked<CardTypeForm, CardTypeInput> {
  const problems: Partial<Record<keyof CardTypeForm, SettingsProblem>> = {}
  const code = form.code.trim()
  const name = form.name.trim()
  if (!code) problems.code = 'required'
  else if (!CODE.test(code)) problems.code = 'code'
  if (!name) problems.name = 'required'
  else if (name.length > NAME_MAX) problems.name = 'tooLong'
  const limit = form.dailyLimit.trim() ? parseMoney(form.dailyLimit) : null
  if (limit && !limit.ok) problems.dailyLimit = limit.problem
  if (Object.keys(problems).length) return { ok: false, problems }
  return {
    ok: true,
    input: {
      code: code.toUpperCase(),
      name,
      kind: form.kind,
      storesValue: form.storesValue,
      earnsPoints: form.earnsPoints,
      givesDiscount: form.givesDiscount,
      requiresPin: form.requiresPin,
      dailyLimit: limit?.ok ? limit.value : null,
      deductionOrder: form.deductionOrder,
    },
  }
}

export interface RechargeRuleForm {
  name: string
  minAmount: string
  bonusAmount: string
  storeId: string | null
  /** The date picker's ISO strings (with offset), or null for open. */
  startsAt: string | null
  endsAt: string | null
}

export function emptyRechargeRuleForm(): RechargeRuleForm {
  return { name: '', minAmount: '', bonusAmount: '', storeId: null, startsAt: null, endsAt: null }
}

export function checkRechargeRule(form: RechargeRuleForm): Checked<RechargeRuleForm, RechargeRuleInput> {
  const problems: Partial<Record<keyof RechargeRuleForm, SettingsProblem>> = {}
  const name = form.name.trim()
  if (!name) problems.name = 'required'
  else if (name.length > NAME_MAX) problems.name = 'tooLong'
  const min = parseMoney(form.minAmount)
  const bonus = parseMoney(form.bonusAmount)
  if (!min.ok) problems.minAmount = min.problem
  if (!bonus.ok) problems.bonusAmount = bonus.problem
  else if (min.ok && bonus.fen > min.fen) problems.bonusAmount = 'bonusOverMin'
  if (form.startsAt && form.endsAt && Date.parse(form.endsAt) <= Date.parse(form.startsAt)) problems.endsAt = 'endsBeforeStart'
  if (Object.keys(problems).length || !min.ok || !bonus.ok) return { ok: false, problems }
  return {
    ok: true,
    input: {
      name,
      minAmount: min.value,
      bonusAmount: bonus.value,
      storeId: form.storeId,
      startsAt: form.startsAt,
      endsAt: form.endsAt,
    },
  }
}
