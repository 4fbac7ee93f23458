import { describe, expect, it } from 'vitest'

import { businessDate, businessToday, formatDate, formatDateTime, previousMonthEnd } from './datetime'

describe('formatDateTime', () => {
  it('shows an instant in Shanghai time whatever the device zone', () => {
    expect(formatDateTime('2026-11-23T04:48:29.291946+00:00', 'zh-CN')).toBe('2026/11/23 12:48')
    expect(formatDateTime('2026-11-23T20:05:00+00:00', 'en')).toBe('11/24/2026, 04:05')
  })

  it('shows a dash for no time and passes an unreadable value through', () => {
    expect(formatDateTime(null, 'zh-CN')).toBe('—')
    expect(formatDateTime('soon', 'zh-CN')).toBe('soon')
  })
})

describe('formatDate', () => {
  it('shows the business day', () => {
    expect(formatDate('2026-11-23T17:00:00Z', 'zh-CN')).toBe('2026/11/24')
  })
})

describe('businessDate', () => {
  it('is the day in China', () => {
    expect(businessDate('2026-11-23T16:30:00Z')).toBe('2026-11-24')
    expect(businessDate('2026-11-23T15:59:00Z')).toBe('2026-11-23')
  })
})

describe('businessToday', () => {
  it('is the day in Shanghai, whatever the device zone', () => {
    expect(businessToday(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01')
    expect(businessToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31')
  })
})

describe('previousMonthEnd', () => {
  it('is the last day of the month before, across years and leap Februaries', () => {
    expect(previousMonthEnd('2026-03-15')).toBe('2026-02-28')
    expect(previousMonthEnd('2028-03-01')).toBe('2028-02-29')
    expect(previousMonthEnd('2027-01-31')).toBe('2026-12-31')
  })
})
