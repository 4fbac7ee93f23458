/**
 * A coupon template as HQ creates it: cash off above a threshold, a percentage off, or a gift;
 * valid between fixed dates or for N days from issue; optionally only at some stores; a total
 * quantity (blank: unlimited), a limit per member, and whether it combines with other coupons.
 */
import { parseMoney } from '@/core/money'
import type { CouponKind, CouponTemplateInput } from '@/generated/schema'

import { checkName, parseWhole, type Checked, type SettingsProblem } from './forms'

export type Validity = 'FIXED' | 'DAYS'

export interface CouponTemplateForm {
  name: string
  kind: CouponKind
  amountOff: string
  percentOff: string
  threshold: string
  validity: Validity
  /** The date picker's ISO strings (with offset). */
  validFrom: string | null
  validTo: string | null
  validDays: string
  storeIds: string[]
  quantity: string
  perMemberLimit: string
  stackable: boolean
}

export function emptyCouponTemplateForm(): CouponTemplateForm {
  return {
    name: '',
    kind: 'CASH_OFF',
    amountOff: '',
    percentOff: '',
    threshold: '',
    validity: 'DAYS',
    validFrom: null,
    validTo: null,
    validDays: '30',
    storeIds: [],
    quantity: '',
    perMemberLimit: '1',
    stackable: false,
  }
}

/** `now` is when the form is sent: a validity already over is refused, as the server would. */
export function checkCouponTemplate(form: CouponTemplateForm, now: Date = new Date()): Checked<CouponTemplateForm, CouponTemplateInput> {
  const problems: Partial<Record<keyof CouponTemplateForm, SettingsProblem>> = {}
  const { name, problem } = checkName(form.name)
  if (problem) problems.name = problem

  let amountOff: string | null = null
  let percentOff: number | null = null
  if (form.kind === 'CASH_OFF') {
    const parsed = parseMoney(form.amountOff)
    if (parsed.ok) amountOff = parsed.value
    else problems.amountOff = parsed.problem
  } else if (form.kind === 'PERCENT_OFF') {
    const parsed = parseWhole(form.percentOff, 1, 99)
    if (parsed.ok) percentOff = parsed.value
    else problems.percentOff = parsed.problem
  }
  const threshold = form.threshold.trim() ? parseMoney(form.threshold, { allowZero: true }) : null
  if (threshold && !threshold.ok) problems.threshold = threshold.problem

  let validDays: number | null = null
  if (form.validity === 'DAYS') {
    const parsed = parseWhole(form.validDays, 1, 3660)
    if (parsed.ok) validDays = parsed.value
    else problems.validDays = parsed.problem
  } else {
    if (!form.validFrom) problems.validFrom = 'required'
    if (!form.validTo) problems.validTo = 'required'
    else if (form.validFrom && Date.parse(form.validTo) <= Date.parse(form.validFrom)) problems.validTo = 'endsBeforeStart'
    else if (Date.parse(form.validTo) <= now.getTime()) problems.validTo = 'range'
  }

  const quantity = form.quantity.trim() ? parseWhole(form.quantity, 1, 100_000_000) : null
  if (quantity && !quantity.ok) problems.quantity = quantity.problem
  const limit = parseWhole(form.perMemberLimit, 1, 100)
  if (!limit.ok) problems.perMemberLimit = limit.problem

  if (Object.keys(problems).length || !limit.ok) return { ok: false, problems }
  const fixed = form.validity === 'FIXED'
  return {
    ok: true,
    input: {
      name,
      kind: form.kind,
      amountOff,
      percentOff,
      threshold: threshold?.ok ? threshold.value : '0.00',
      validFrom: fixed ? form.validFrom : null,
      validTo: fixed ? form.validTo : null,
      validDays,
      storeIds: form.storeIds,
      quantity: quantity?.ok ? quantity.value : null,
      perMemberLimit: limit.value,
      stackable: form.stackable,
    },
  }
}
