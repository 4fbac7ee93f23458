/**
 * The settlement's period: business days (Asia/Shanghai), both ends inclusive, as the API's Date
 * strings ("2026-03-01"). The arithmetic is on calendar dates in UTC, so the device's own time
 * zone never shifts a day; "today" is the business day (core/datetime.ts: businessToday).
 */
import { DAY_MS, calendarDay, isoDay, previousMonthEnd } from '@/core/datetime'

export interface Period {
  from: string
  to: string
}

/** The API refuses longer periods (INVALID). */
export const MAX_PERIOD_DAYS = 366

/** The calendar month before `today`'s, whole: what finance settles at the start of a month. */
export function previousMonth(today: string): Period {
  const last = previousMonthEnd(today)
  return { from: `${last.slice(0, 8)}01`, to: last }
}

/** From the first of `today`'s month to today. */
export function monthToDate(today: string): Period {
  return { from: `${today.slice(0, 8)}01`, to: today }
}

/** The `days` business days ending today. */
export function lastDays(today: string, days: number): Period {
  return { from: isoDay(new Date(calendarDay(today).getTime() - (days - 1) * DAY_MS)), to: today }
}

/** How many days a period spans, both ends counted (0 or less when it ends before it starts). */
export function periodDays(period: Period): number {
  return Math.round((calendarDay(period.to).getTime() - calendarDay(period.from).getTime()) / DAY_MS) + 1
}

export type PeriodShortcut = 'previousMonth' | 'thisMonth' | 'last30Days'

/** The picker's shortcuts, in the order shown; `today` is read when one is clicked. */
export const SHORTCUTS: Record<PeriodShortcut, (today: string) => Period> = {
  thisMonth: monthToDate,
  previousMonth,
  last30Days: (today) => lastDays(today, 30),
}
