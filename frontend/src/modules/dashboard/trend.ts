/**
 * The dashboard's daily trend as chart series. Amounts stay integer fen in the series (ECharts
 * only needs numbers to draw) and become "¥1,234.50" only where a person reads them: axis labels
 * and the tooltip. The server already fills quiet days with zeros.
 */
import { fenToMoney, formatMoney, moneyToFen } from '@/core/money'

export interface TrendDay {
  /** The business date, "2026-03-10". */
  date: string
  recharge: string
  consumption: string
}

export interface TrendSeries {
  /** "03-10": the year is the window's, and short labels fit a 30-day axis. */
  labels: string[]
  recharge: number[]
  consumption: number[]
}

export function toTrendSeries(days: readonly TrendDay[]): TrendSeries {
  return {
    labels: days.map((day) => day.date.slice(5)),
    recharge: days.map((day) => moneyToFen(day.recharge)),
    consumption: days.map((day) => moneyToFen(day.consumption)),
  }
}

/** Nothing happened in the whole window: show the empty state rather than two flat lines. */
export function isQuiet(series: TrendSeries): boolean {
  return [...series.recharge, ...series.consumption].every((fen) => fen === 0)
}

/** An axis or tooltip figure in fen, e.g. 123450 → "¥1,234.50". */
export function formatFen(fen: number): string {
  return formatMoney(fenToMoney(fen))
}
