/**
 * The overview's prepaid liability (预付负债) card: which day it asks for, which figures it shows
 * and each store's share of the principal. Shares are worked out in integer fen (core/money.ts);
 * only the percentage shown is rounded.
 */
import { businessToday, previousMonthEnd } from '@/core/datetime'
import type { DownloadRequest } from '@/core/download/download'
import { formatMoney, moneyToFen } from '@/core/money'

import type { LiabilityQuery } from './liability.generated'

export type Liability = NonNullable<LiabilityQuery['liability']>
export type StoreLiabilityRow = Liability['stores'][number]

/**
 * The `asOf` to send for the day chosen: none for today, so the server's business day decides
 * what "today" is (the default the card opens with); any other day as chosen.
 */
export function asOfVariable(day: string, today: string = businessToday()): string | null {
  return day === today ? null : day
}

export type AsOfShortcut = 'today' | 'lastMonthEnd'

/** The picker's shortcuts, in the order shown: today, and the last month-end finance reports on. */
export const AS_OF_SHORTCUTS: Record<AsOfShortcut, (today: string) => string> = {
  today: (today) => today,
  lastMonthEnd: previousMonthEnd,
}

/**
 * Whether the picker must refuse a day: one after today has not ended yet. The picker hands over
 * the day as local midnight, so its local calendar date is the one the person clicked.
 */
export function isAfterToday(day: Date, today: string): boolean {
  const clicked = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((part) => String(part).padStart(2, '0')).join('-')
  return clicked > today
}

export type FigureKey = 'principal' | 'bonus' | 'points' | 'pointsValue'

export interface Figure {
  key: FigureKey
  /** Ready to read: money as "¥1,234.50", points as a count. */
  value: string
}

/**
 * The figures the card shows, in order. Principal always; bonus, points and what the points are
 * worth only where the API gives them (HQ): below HQ they are null and left out, never blank.
 */
export function liabilityFigures(liability: Pick<Liability, 'principal' | 'bonus' | 'points' | 'pointsValue'>): Figure[] {
  const figures: Figure[] = [{ key: 'principal', value: formatMoney(liability.principal) }]
  if (liability.bonus !== null) figures.push({ key: 'bonus', value: formatMoney(liability.bonus) })
  if (liability.points !== null) figures.push({ key: 'points', value: String(liability.points) })
  if (liability.pointsValue !== null) figures.push({ key: 'pointsValue', value: formatMoney(liability.pointsValue) })
  return figures
}

/** Whether the viewer sees only its stores' principal (no chain-wide bonus or points). */
export function isScopedView(liability: Pick<Liability, 'bonus' | 'points' | 'pointsValue'>): boolean {
  return liability.bonus === null && liability.points === null && liability.pointsValue === null
}

/**
 * `part` as tenths of a percent of `total` (123 = 12.3%), rounded half away from zero; exact
 * integer arithmetic on fen, whatever the amounts. Null when the total is not positive.
 */
export function sharePerMille(part: string, total: string): number | null {
  const totalFen = BigInt(moneyToFen(total))
  if (totalFen <= 0n) return null
  const partFen = BigInt(moneyToFen(part))
  const magnitude = ((partFen < 0n ? -partFen : partFen) * 2000n + totalFen) / (2n * totalFen)
  return Number(partFen < 0n ? -magnitude : magnitude)
}

/** "12.3%"; "<0.1%" for a share too small to show but not nothing; "—" when there is no total. */
export function formatShare(part: string, total: string): string {
  const perMille = sharePerMille(part, total)
  if (perMille === null) return '—'
  if (perMille === 0 && moneyToFen(part) > 0) return '<0.1%'
  const sign = perMille < 0 ? '-' : ''
  const abs = Math.abs(perMille)
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}%`
}

export interface StoreShare {
  row: StoreLiabilityRow
  /** The row's share of the principal shown, e.g. "12.3%". */
  share: string
}

/** The stores' rows in the server's order (largest first), each with its share of the principal. */
export function storeShares(liability: Pick<Liability, 'principal' | 'stores'>): StoreShare[] {
  return liability.stores.map((row) => ({ row, share: formatShare(row.principal, liability.principal) }))
}

/** The files the card downloads as: the Excel workbook (totals and stores), or the stores as CSV. */
export const LIABILITY_EXPORTS = ['xlsx', 'stores'] as const
export type LiabilityExport = (typeof LIABILITY_EXPORTS)[number]

export const LIABILITY_EXPORT_PATH = '/exports/liability'

/**
 * The download of the liability at the end of `asOf`: always the day the card answered for (not
 * "today" left to the server, which may have moved on since); the name, should the server give
 * none, is the one it gives ("liability-2026-11-24.xlsx", "…-stores.csv").
 */
export function liabilityExport(asOf: string, kind: LiabilityExport): DownloadRequest {
  const name = `liability-${asOf}`
  return kind === 'xlsx'
    ? { path: LIABILITY_EXPORT_PATH, params: { asOf, format: 'xlsx' }, fallbackName: `${name}.xlsx` }
    : { path: LIABILITY_EXPORT_PATH, params: { asOf, format: 'csv' }, fallbackName: `${name}-stores.csv` }
}
