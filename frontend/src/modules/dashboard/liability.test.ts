import { describe, expect, it } from 'vitest'

import {
  AS_OF_SHORTCUTS,
  LIABILITY_EXPORTS,
  asOfVariable,
  formatShare,
  isAfterToday,
  isScopedView,
  liabilityExport,
  liabilityFigures,
  sharePerMille,
  storeShares,
  type StoreLiabilityRow,
} from './liability'

function row(code: string, principal: string): StoreLiabilityRow {
  return { store: { id: `id-${code}`, code, name: `${code} 店` }, principal }
}

const HQ = {
  principal: '1234567.89',
  bonus: '3200.50',
  points: 98765,
  pointsValue: '987.65',
}
const CLERK = { principal: '70.00', bonus: null, points: null, pointsValue: null }

describe('asOfVariable', () => {
  it('sends no date for today, so the card opens on the server’s business day', () => {
    expect(asOfVariable('2026-11-24', '2026-11-24')).toBeNull()
  })

  it('sends any other day as chosen', () => {
    expect(asOfVariable('2026-10-31', '2026-11-24')).toBe('2026-10-31')
  })

  it('compares with the business day in Shanghai by default', () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    expect(asOfVariable(today)).toBeNull()
  })
})

describe('AS_OF_SHORTCUTS', () => {
  it('offer today and the end of last month', () => {
    expect(Object.keys(AS_OF_SHORTCUTS)).toEqual(['today', 'lastMonthEnd'])
    expect(AS_OF_SHORTCUTS.today('2026-03-15')).toBe('2026-03-15')
    expect(AS_OF_SHORTCUTS.lastMonthEnd('2026-03-15')).toBe('2026-02-28')
    expect(AS_OF_SHORTCUTS.lastMonthEnd('2026-01-01')).toBe('2025-12-31')
  })
})

describe('isAfterToday', () => {
  it('refuses only days after today, by the calendar day clicked', () => {
    expect(isAfterToday(new Date(2026, 10, 25), '2026-11-24')).toBe(true)
    expect(isAfterToday(new Date(2026, 10, 24), '2026-11-24')).toBe(false)
    expect(isAfterToday(new Date(2025, 11, 31), '2026-11-24')).toBe(false)
  })
})

describe('liabilityFigures', () => {
  it('gives HQ principal, bonus, points and what they are worth', () => {
    expect(liabilityFigures(HQ)).toEqual([
      { key: 'principal', value: '¥1,234,567.89' },
      { key: 'bonus', value: '¥3,200.50' },
      { key: 'points', value: '98765' },
      { key: 'pointsValue', value: '¥987.65' },
    ])
  })

  it('leaves out what the API withholds below HQ rather than showing blanks', () => {
    expect(liabilityFigures(CLERK)).toEqual([{ key: 'principal', value: '¥70.00' }])
  })

  it('shows zero figures: nothing owed is not nothing known', () => {
    expect(liabilityFigures({ principal: '0.00', bonus: '0.00', points: 0, pointsValue: '0.00' }).map((f) => f.value)).toEqual([
      '¥0.00',
      '¥0.00',
      '0',
      '¥0.00',
    ])
  })
})

describe('isScopedView', () => {
  it('is true when no chain-wide figure came', () => {
    expect(isScopedView(CLERK)).toBe(true)
    expect(isScopedView(HQ)).toBe(false)
    expect(isScopedView({ bonus: '0.00', points: 0, pointsValue: '0.00' })).toBe(false)
  })
})

describe('sharePerMille', () => {
  it('is tenths of a percent, rounded half up', () => {
    expect(sharePerMille('70.00', '127.50')).toBe(549) // 54.90…%
    expect(sharePerMille('57.50', '127.50')).toBe(451) // 45.09…%
    expect(sharePerMille('1.00', '3.00')).toBe(333)
    expect(sharePerMille('2.00', '3.00')).toBe(667)
    expect(sharePerMille('0.01', '0.08')).toBe(125) // exactly 12.5%
    expect(sharePerMille('0.01', '0.16')).toBe(63) // 6.25% rounds up
    expect(sharePerMille('5.00', '5.00')).toBe(1000)
  })

  it('stays exact where floats are not: huge amounts and tenths of a yuan', () => {
    expect(sharePerMille('4503599627370.49', '9007199254740.99')).toBe(500)
    expect(sharePerMille('0.10', '0.30')).toBe(333)
    expect(sharePerMille('0.20', '0.30')).toBe(667)
  })

  it('rounds a negative part away from zero, and has no share of nothing', () => {
    expect(sharePerMille('-0.01', '0.16')).toBe(-63)
    expect(sharePerMille('1.00', '0.00')).toBeNull()
    expect(sharePerMille('1.00', '-1.00')).toBeNull()
  })

  it('refuses a value that is not Money', () => {
    expect(() => sharePerMille('12.5', '100.00')).toThrow()
  })
})

describe('formatShare', () => {
  it('shows one decimal', () => {
    expect(formatShare('70.00', '127.50')).toBe('54.9%')
    expect(formatShare('5.00', '5.00')).toBe('100.0%')
    expect(formatShare('0.01', '0.16')).toBe('6.3%')
    expect(formatShare('-0.01', '0.16')).toBe('-6.3%')
  })

  it('tells a sliver from nothing, and a missing total from zero', () => {
    expect(formatShare('0.01', '10000.00')).toBe('<0.1%')
    expect(formatShare('0.00', '10000.00')).toBe('0.0%')
    expect(formatShare('1.00', '0.00')).toBe('—')
  })
})

describe('storeShares', () => {
  it('keeps the server’s order (largest first) and shares the principal shown', () => {
    const shares = storeShares({ principal: '127.50', stores: [row('ZZ911', '70.00'), row('ZZ912', '57.50')] })
    expect(shares.map((s) => [s.row.store.code, s.share])).toEqual([
      ['ZZ911', '54.9%'],
      ['ZZ912', '45.1%'],
    ])
  })

  it('has no rows when no store holds principal', () => {
    expect(storeShares({ principal: '0.00', stores: [] })).toEqual([])
  })
})

describe('liabilityExport', () => {
  it('downloads the day as the Excel workbook, named as the server names it', () => {
    expect(liabilityExport('2026-10-31', 'xlsx')).toEqual({
      path: '/exports/liability',
      params: { asOf: '2026-10-31', format: 'xlsx' },
      fallbackName: 'liability-2026-10-31.xlsx',
    })
  })

  it('downloads the stores’ shares as CSV', () => {
    expect(liabilityExport('2026-10-31', 'stores')).toEqual({
      path: '/exports/liability',
      params: { asOf: '2026-10-31', format: 'csv' },
      fallbackName: 'liability-2026-10-31-stores.csv',
    })
  })

  it('always names the day, today included, so the file is the day the card shows', () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    expect(liabilityExport(today, 'xlsx').params).toEqual({ asOf: today, format: 'xlsx' })
  })

  it('offers the workbook first, then the stores', () => {
    expect(LIABILITY_EXPORTS).toEqual(['xlsx', 'stores'])
  })
})
