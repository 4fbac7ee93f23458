/**
 * The cashier's purchase: checked at the till, quoted by the server (`dryRun`), then confirmed
 * with exactly the quoted terms. A quote stays valid only while the terms the member agreed to
 * (amount, coupon, points, payment kind, card, store) are unchanged; editing any of them asks
 * for a new quote before money moves.
 */
import { parseMoney, type MoneyProblem } from '@/core/money'
import type { ConsumeInput, PaymentKind } from '@/generated/schema'

export interface ConsumeForm {
  amount: string
  orderRef: string
  couponCode: string
  pointsToUse: string
  payment: PaymentKind
  pin: string
}

export interface ConsumeTarget {
  cardNo: string
  storeId: string | null
  /** Points the member can spend now. */
  points: number
  requiresPin: boolean
}

export type ConsumeProblems = {
  amount?: MoneyProblem
  pointsToUse?: 'wholeNumber' | 'tooMany'
  pin?: 'required' | 'pin'
}

export function emptyConsumeForm(): ConsumeForm {
  return { amount: '', orderRef: '', couponCode: '', pointsToUse: '', payment: 'STORED_VALUE', pin: '' }
}

export type CheckedConsume = { ok: true; terms: ConsumeInput } | { ok: false; problems: ConsumeProblems }

/** The quote request for the form, or what is wrong with it. */
export function checkConsume(form: ConsumeForm, target: ConsumeTarget): CheckedConsume {
  const problems: ConsumeProblems = {}
  const amount = parseMoney(form.amount)
  if (!amount.ok) problems.amount = amount.problem
  const pointsText = form.pointsToUse.trim()
  const points = pointsText === '' ? 0 : Number(pointsText)
  if (!/^\d*$/.test(pointsText) || !Number.isSafeInteger(points)) problems.pointsToUse = 'wholeNumber'
  else if (points > target.points) problems.pointsToUse = 'tooMany'
  if (target.requiresPin && form.payment === 'STORED_VALUE') {
    if (form.pin === '') problems.pin = 'required'
    else if (!/^\d{6}$/.test(form.pin)) problems.pin = 'pin'
  }
  if (!amount.ok || Object.keys(problems).length) return { ok: false, problems }
  const couponCode = form.couponCode.trim()
  return {
    ok: true,
    terms: {
      cardNo: target.cardNo,
      amount: amount.value,
      storeId: target.storeId,
      orderRef: form.orderRef.trim(),
      couponCode: couponCode || null,
      pointsToUse: points,
      payment: form.payment,
      dryRun: true,
    },
  }
}

/** The confirming request: the quoted terms, a key, and the PIN (never part of the quote). */
export function confirmConsume(terms: ConsumeInput, idempotencyKey: string, pin: string): ConsumeInput {
  return { ...terms, dryRun: false, idempotencyKey, pin: pin || null }
}

/** Whether two requests ask for the same purchase (what the member was quoted). */
export function sameTerms(a: ConsumeInput, b: ConsumeInput): boolean {
  const terms = (input: ConsumeInput) =>
    JSON.stringify([input.cardNo, input.amount, input.storeId, input.orderRef, input.couponCode, input.pointsToUse, input.payment])
  return terms(a) === terms(b)
}
