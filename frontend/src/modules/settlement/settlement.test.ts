import { describe, expect, it } from 'vitest'

import {
  SETTLEMENT_EXPORTS,
  byAmount,
  byStoreCode,
  netSide,
  noDebtReason,
  settlementExport,
  storeTotals,
  type StoreRow,
} from './settlement'

function store(code: string, receivable: string, payable: string, net: string, local: string): StoreRow {
  return { store: { id: `id-${code}`, code, name: `${code} 店` }, receivable, payable, net, local }
}

const SH001 = store('SH001', '0.00', '30.00', '-30.00', '5.00')
const CD001 = store('CD001', '30.00', '0.00', '30.00', '0.00')
const HZ001 = store('HZ001', '12.50', '12.50', '0.00', '1200.10')

describe('byStoreCode', () => {
  it('orders stores by code, leaving the given list alone', () => {
    const given = [SH001, HZ001, CD001]
    expect(byStoreCode(given).map((row) => row.store.code)).toEqual(['CD001', 'HZ001', 'SH001'])
    expect(given[0]).toBe(SH001)
  })
})

describe('storeTotals', () => {
  it('adds each column in exact fen', () => {
    expect(storeTotals([SH001, CD001, HZ001])).toEqual({
      receivable: '42.50',
      payable: '42.50',
      net: '0.00',
      local: '1205.10',
    })
  })

  it('keeps a negative total of a scoped view, and zero for no stores', () => {
    expect(storeTotals([SH001])).toEqual({ receivable: '0.00', payable: '30.00', net: '-30.00', local: '5.00' })
    expect(storeTotals([])).toEqual({ receivable: '0.00', payable: '0.00', net: '0.00', local: '0.00' })
  })

  it('sums amounts floats would get wrong', () => {
    const tenths = [store('A', '0.10', '0.00', '0.10', '0.00'), store('B', '0.20', '0.00', '0.20', '0.00')]
    expect(storeTotals(tenths).receivable).toBe('0.30')
  })
})

describe('netSide', () => {
  it('tells a store that owes from one that is owed', () => {
    expect(netSide('-25.00')).toBe('owes')
    expect(netSide('-0.01')).toBe('owes')
    expect(netSide('25.00')).toBe('owed')
    expect(netSide('0.00')).toBe('square')
  })
})

describe('noDebtReason', () => {
  const debt = { debtor: SH001.store, creditor: CD001.store, amount: '30.00', gross: '30.00', offset: '0.00' }

  it('is null when someone owes', () => {
    expect(noDebtReason({ debts: [debt], stores: [SH001, CD001] })).toBeNull()
  })

  it('tells nothing crossed stores from what crossed and cancelled out', () => {
    expect(noDebtReason({ debts: [], stores: [] })).toBe('none')
    expect(noDebtReason({ debts: [], stores: [store('SH001', '0.00', '0.00', '0.00', '88.00')] })).toBe('none')
    expect(noDebtReason({ debts: [], stores: [HZ001] })).toBe('offset')
  })
})

describe('byAmount', () => {
  it('sorts Money by value, not by text', () => {
    const rows = [{ net: '10.00' }, { net: '-25.00' }, { net: '9.00' }]
    expect([...rows].sort(byAmount('net')).map((row) => row.net)).toEqual(['-25.00', '9.00', '10.00'])
  })
})

describe('settlementExport', () => {
  const march = { from: '2026-03-01', to: '2026-03-31' }

  it('downloads the period as the Excel workbook, named as the server names it', () => {
    expect(settlementExport(march, 'xlsx')).toEqual({
      path: '/exports/settlement',
      params: { from: '2026-03-01', to: '2026-03-31', format: 'xlsx' },
      fallbackName: 'settlement-2026-03-01-2026-03-31.xlsx',
    })
  })

  it('downloads either table as CSV', () => {
    expect(settlementExport(march, 'debts')).toEqual({
      path: '/exports/settlement',
      params: { from: '2026-03-01', to: '2026-03-31', format: 'csv', table: 'debts' },
      fallbackName: 'settlement-2026-03-01-2026-03-31-debts.csv',
    })
    expect(settlementExport(march, 'stores').params).toEqual({ from: '2026-03-01', to: '2026-03-31', format: 'csv', table: 'stores' })
    expect(settlementExport(march, 'stores').fallbackName).toBe('settlement-2026-03-01-2026-03-31-stores.csv')
  })

  it('offers the workbook first, then the debts and the stores', () => {
    expect(SETTLEMENT_EXPORTS).toEqual(['xlsx', 'debts', 'stores'])
  })
})
