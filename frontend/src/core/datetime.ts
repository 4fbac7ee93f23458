/**
 * Times at the API are ISO 8601 instants; staff read them in the brand's business time zone
 * (the one the server uses for daily limits), whatever the device's own zone is set to.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      timeZone: BUSINESS_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    })
    formatters.set(key, found)
  }
  return found
}

/** "2026/11/23 12:48" (zh-CN) or "11/23/2026, 12:48" (en); a dash for no time. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, true).format(date)
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, false).format(date)
}

/**
 * The business day of an instant, "2026-11-24": the date in China, which keeps UTC+8 all year
 * (no daylight saving), so a fixed shift is exact.
 */
export function businessDate(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return shifted.toISOString().slice(0, 10)
}

/** Today's business day, "2026-11-24", whatever the device's own zone. */
export function businessToday(now: Date = new Date()): string {
  return businessDate(now.toISOString())
}

export const DAY_MS = 86_400_000

/** A calendar day, "2026-03-01", as UTC midnight: date arithmetic that no device zone shifts. */
export function calendarDay(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, date))
}

/** The calendar day of a `calendarDay` date, "2026-03-01". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The last day of the month before `day`'s: the month-end finance reports on. */
export function previousMonthEnd(day: string): string {
  const first = calendarDay(`${day.slice(0, 8)}01`)
  return isoDay(new Date(first.getTime() - DAY_MS))
}
