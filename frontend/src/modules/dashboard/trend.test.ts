import { describe, expect, it } from 'vitest'

import { formatFen, isQuiet, toTrendSeries } from './trend'

describe('toTrendSeries', () => {
  it('keeps exact fen per day, in order, with short date labels', () => {
    const series = toTrendSeries([
      { date: '2026-03-09', recharge: '1200.00', consumption: '0.00' },
      { date: '2026-03-10', recharge: '0.10', consumption: '-40.05' },
    ])
    expect(series).toEqual({ labels: ['03-09', '03-10'], recharge: [120000, 10], consumption: [0, -4005] })
  })

  it('refuses a value that is not Money rather than drawing a wrong line', () => {
    expect(() => toTrendSeries([{ date: '2026-03-09', recharge: '12.5', consumption: '0.00' }])).toThrow()
  })
})

describe('isQuiet', () => {
  it('is true only when every day of both series is zero', () => {
    expect(isQuiet(toTrendSeries([{ date: '2026-03-09', recharge: '0.00', consumption: '0.00' }]))).toBe(true)
    expect(isQuiet(toTrendSeries([{ date: '2026-03-09', recharge: '0.00', consumption: '-1.00' }]))).toBe(false)
    expect(isQuiet(toTrendSeries([]))).toBe(true)
  })
})

describe('formatFen', () => {
  it('formats fen as yuan with grouping, negatives included', () => {
    expect(formatFen(123450)).toBe('¥1,234.50')
    expect(formatFen(-5)).toBe('-¥0.05')
    expect(formatFen(0)).toBe('¥0.00')
  })
})
