/**
 * A transfer's `details` is JSON the server writes per kind, amounts in fen. The receipt reads
 * only the fields it prints, and checks their types: JSON is not a contract the compiler can see.
 */
import { fenToMoney } from '@/core/money'

export interface RechargeDetails {
  principal: string
  bonus: string
  rule: string | null
  paymentMethod: string | null
}

/** A recharge refunded whole: what was paid back and taken back, and how it had been paid. */
export interface RechargeRefundDetails {
  principal: string
  bonus: string
  paymentMethod: string | null
  reason: string
}

export interface RefundDetails {
  principal: string
  bonus: string
  external: string
  reason: string
}

function record(details: unknown): Record<string, unknown> | null {
  return details !== null && typeof details === 'object' && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : null
}

function fen(value: unknown): string {
  return typeof value === 'number' && Number.isSafeInteger(value) ? fenToMoney(value) : fenToMoney(0)
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

export function rechargeDetails(details: unknown): RechargeDetails | null {
  const fields = record(details)
  if (!fields) return null
  return {
    principal: fen(fields['principal']),
    bonus: fen(fields['bonus']),
    rule: text(fields['rule']),
    paymentMethod: text(fields['payment_method']),
  }
}

export function rechargeRefundDetails(details: unknown): RechargeRefundDetails | null {
  const fields = record(details)
  if (!fields) return null
  return {
    principal: fen(fields['principal']),
    bonus: fen(fields['bonus']),
    paymentMethod: text(fields['payment_method']),
    reason: text(fields['reason']) ?? '',
  }
}

export function refundDetails(details: unknown): RefundDetails | null {
  const fields = record(details)
  if (!fields) return null
  return {
    principal: fen(fields['principal']),
    bonus: fen(fields['bonus']),
    external: fen(fields['external']),
    reason: text(fields['reason']) ?? '',
  }
}
