import { describe, expect, it } from 'vitest'

import { fenToMoney, formatMoney, moneyToFen, parseMoney } from './money'

describe('parseMoney', () => {
  it.each([
    ['12', '12.00', 1200],
    ['12.5', '12.50', 1250],
    ['12.', '12.00', 1200],
    ['0.01', '0.01', 1],
    ['007.10', '7.10', 710],
    [' 88 ', '88.00', 8800],
    ['¥1,234.50', '1234.50', 123450],
    ['￥ 99', '99.00', 9900],
    ['１２．５', '12.50', 1250],
    ['1,000,000', '1000000.00', 100000000],
    ['9999999999999.99', '9999999999999.99', 999999999999999],
  ])('reads %j as %s', (input, value, fen) => {
    expect(parseMoney(input)).toEqual({ ok: true, value, fen })
  })

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['12.345', 'format'],
    ['-5', 'format'],
    ['1e3', 'format'],
    ['NaN', 'format'],
    ['12,34', 'format'],
    ['.5', 'format'],
    ['12.3.4', 'format'],
    ['10000000000000', 'tooLarge'],
    ['0', 'notPositive'],
    ['0.00', 'notPositive'],
  ])('refuses %j: %s', (input, problem) => {
    expect(parseMoney(input)).toEqual({ ok: false, problem })
  })

  it('accepts zero when asked to', () => {
    expect(parseMoney('0', { allowZero: true })).toEqual({ ok: true, value: '0.00', fen: 0 })
  })
})

describe('moneyToFen and fenToMoney', () => {
  it.each([
    ['0.00', 0],
    ['0.10', 10],
    ['12.34', 1234],
    ['-3.05', -305],
    ['9999999999999.99', 999999999999999],
  ])('%s is %i fen both ways', (value, fen) => {
    expect(moneyToFen(value)).toBe(fen)
    expect(fenToMoney(fen)).toBe(value)
  })

  it('adds amounts without floating point drift', () => {
    expect(fenToMoney(moneyToFen('0.10') + moneyToFen('0.20'))).toBe('0.30')
  })

  it('refuses what is not a Money string', () => {
    expect(() => moneyToFen('12.3')).toThrow('Not a Money value')
    expect(() => fenToMoney(1.5)).toThrow('Not an amount in fen')
  })
})

describe('formatMoney', () => {
  it.each([
    ['0.00', '¥0.00'],
    ['12.30', '¥12.30'],
    ['1234.50', '¥1,234.50'],
    ['1234567.89', '¥1,234,567.89'],
    ['-1000.00', '-¥1,000.00'],
  ])('shows %s as %s', (value, shown) => {
    expect(formatMoney(value)).toBe(shown)
  })

  it('shows a dash for no amount and passes anything else through', () => {
    expect(formatMoney(null)).toBe('—')
    expect(formatMoney(undefined)).toBe('—')
    expect(formatMoney('n/a')).toBe('n/a')
  })
})
