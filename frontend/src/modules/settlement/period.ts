/**
 * The settlement's period: business days (Asia/Shanghai), both ends inclusive, as the API's Date
 * strings ("2026-03-01"). The arithmetic is on calendar dates in UTC, so the device's own time
 * zone never shifts a day; "today" is the business day (see core/datetime.ts).
 */
import { businessDate } from '@/core/datetime'

export interface Period {
  from: string
  to: string
}

/** The API refuses longer periods (INVALID). */
export const MAX_PERIOD_DAYS = 366

const DAY_MS = 86_400_000

function utc(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, date))
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Today's business day. */
export function businessToday(now: Date = new Date()): string {
  return businessDate(now.toISOString())
}

/** The calendar month before `today`'s, whole: what finance settles at the start of a month. */
export function previousMonth(today: string): Period {
  const first = utc(today)
  first.setUTCDate(1)
  const last = new Date(first.getTime() - DAY_MS)
  return { from: iso(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1))), to: iso(last) }
}

/** From the first of `today`'s month to today. */
export function monthToDate(today: string): Period {
  return { from: `${today.slice(0, 8)}01`, to: today }
}

/** The `days` business days ending today. */
export function lastDays(today: string, days: number): Period {
  return { from: iso(new Date(utc(today).getTime() - (days - 1) * DAY_MS)), to: today }
}

/** How many days a period spans, both ends counted (0 or less when it ends before it starts). */
export function periodDays(period: Period): number {
  return Math.round((utc(period.to).getTime() - utc(period.from).getTime()) / DAY_MS) + 1
}

export type PeriodShortcut = 'previousMonth' | 'thisMonth' | 'last30Days'

/** The picker's shortcuts, in the order shown; `today` is read when one is clicked. */
export const SHORTCUTS: Record<PeriodShortcut, (today: string) => Period> = {
  thisMonth: monthToDate,
  previousMonth,
  last30Days: (today) => lastDays(today, 30),
}
