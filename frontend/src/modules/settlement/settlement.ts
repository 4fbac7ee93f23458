/**
 * The settlement as the page shows it: stores in code order with a total line, which way a net
 * position goes, and why the debt list is empty. Sums are in integer fen (core/money.ts), never
 * floats.
 */
import type { DownloadRequest } from '@/core/download/download'
import { fenToMoney, moneyToFen } from '@/core/money'

import type { Period } from './period'
import type { SettlementQuery } from './settlement.generated'

type Settlement = NonNullable<SettlementQuery['settlement']>
export type StoreRow = Settlement['stores'][number]
export type DebtRow = Settlement['debts'][number]

/** The store's figures a column shows. */
export const STORE_AMOUNTS = ['receivable', 'payable', 'net', 'local'] as const
export type StoreAmount = (typeof STORE_AMOUNTS)[number]

/** Stores by code (the API lists them in the order they were opened). */
export function byStoreCode(rows: readonly StoreRow[]): StoreRow[] {
  return [...rows].sort((a, b) => a.store.code.localeCompare(b.store.code))
}

/** The column totals of the stores shown (the viewer's own when scoped). */
export function storeTotals(rows: readonly StoreRow[]): Record<StoreAmount, string> {
  const sum = (key: StoreAmount) => fenToMoney(rows.reduce((fen, row) => fen + moneyToFen(row[key]), 0))
  return { receivable: sum('receivable'), payable: sum('payable'), net: sum('net'), local: sum('local') }
}

/** A net position: the store owes (negative), is owed (positive) or is square. */
export type NetSide = 'owes' | 'owed' | 'square'

export function netSide(net: string): NetSide {
  const fen = moneyToFen(net)
  return fen < 0 ? 'owes' : fen > 0 ? 'owed' : 'square'
}

/**
 * Why there is nothing to pay: no store's money was spent at another ('none'), or what crossed
 * cancelled out pair by pair ('offset'); null when there are debts.
 */
export function noDebtReason(settlement: Pick<Settlement, 'debts' | 'stores'>): 'none' | 'offset' | null {
  if (settlement.debts.length) return null
  const crossed = settlement.stores.some((row) => moneyToFen(row.receivable) !== 0 || moneyToFen(row.payable) !== 0)
  return crossed ? 'offset' : 'none'
}

/** A table's sort order for a Money column: by amount, not by text ("9.00" before "10.00"). */
export function byAmount<K extends string>(key: K) {
  return (a: Record<K, string>, b: Record<K, string>): number => moneyToFen(a[key]) - moneyToFen(b[key])
}

/** The files the settlement downloads as: the Excel workbook (both tables), or one table as CSV. */
export const SETTLEMENT_EXPORTS = ['xlsx', 'debts', 'stores'] as const
export type SettlementExport = (typeof SETTLEMENT_EXPORTS)[number]

export const SETTLEMENT_EXPORT_PATH = '/exports/settlement'

/**
 * The download of a period's settlement; the name, should the server give none, is the one it
 * gives ("settlement-2026-03-01-2026-03-31.xlsx", "…-debts.csv").
 */
export function settlementExport(period: Period, kind: SettlementExport): DownloadRequest {
  const name = `settlement-${period.from}-${period.to}`
  const { from, to } = period
  return kind === 'xlsx'
    ? { path: SETTLEMENT_EXPORT_PATH, params: { from, to, format: 'xlsx' }, fallbackName: `${name}.xlsx` }
    : { path: SETTLEMENT_EXPORT_PATH, params: { from, to, format: 'csv', table: kind }, fallbackName: `${name}-${kind}.csv` }
}
