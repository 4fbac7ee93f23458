import { describe, expect, it } from 'vitest'

import { MAX_PERIOD_DAYS, SHORTCUTS, lastDays, monthToDate, periodDays, previousMonth } from './period'

describe('previousMonth', () => {
  it('is the whole calendar month before', () => {
    expect(previousMonth('2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(previousMonth('2026-05-01')).toEqual({ from: '2026-04-01', to: '2026-04-30' })
    expect(previousMonth('2026-08-31')).toEqual({ from: '2026-07-01', to: '2026-07-31' })
  })

  it('crosses the year in January and knows leap years', () => {
    expect(previousMonth('2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(previousMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })
})

describe('monthToDate', () => {
  it('runs from the first of the month to today', () => {
    expect(monthToDate('2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' })
    expect(monthToDate('2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' })
  })
})

describe('lastDays', () => {
  it('counts today as one of the days', () => {
    expect(lastDays('2026-03-15', 1)).toEqual({ from: '2026-03-15', to: '2026-03-15' })
    expect(lastDays('2026-03-05', 30)).toEqual({ from: '2026-02-04', to: '2026-03-05' })
  })
})

describe('periodDays', () => {
  it('counts both ends', () => {
    expect(periodDays({ from: '2026-02-01', to: '2026-02-28' })).toBe(28)
    expect(periodDays({ from: '2026-03-15', to: '2026-03-15' })).toBe(1)
    expect(periodDays({ from: '2025-01-01', to: '2025-12-31' })).toBe(365)
    expect(periodDays({ from: '2028-01-01', to: '2028-12-31' })).toBe(MAX_PERIOD_DAYS)
  })

  it('is zero or less for a period that ends before it starts', () => {
    expect(periodDays({ from: '2026-03-02', to: '2026-03-01' })).toBe(0)
  })
})

describe('SHORTCUTS', () => {
  it('offer this month, last month and the last 30 days, each including or ending before today', () => {
    const today = '2026-03-15'
    expect(Object.keys(SHORTCUTS)).toEqual(['thisMonth', 'previousMonth', 'last30Days'])
    expect(SHORTCUTS.thisMonth(today)).toEqual({ from: '2026-03-01', to: today })
    expect(SHORTCUTS.previousMonth(today)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(SHORTCUTS.last30Days(today)).toEqual({ from: '2026-02-14', to: today })
    expect(periodDays(SHORTCUTS.last30Days(today))).toBe(30)
  })
})
