import { describe, expect, it } from 'vitest'

import { cleanScan, lookupKeys } from './lookup'

describe('cleanScan', () => {
  it("drops a scanner's control characters and whitespace", () => {
    expect(cleanScan('\u0002880012345678\r\n')).toBe('880012345678')
    expect(cleanScan(' 8800 1234 5678\t')).toBe('880012345678')
  })
})

describe('lookupKeys', () => {
  it('tries a mobile number as a phone first, then as a card or member number', () => {
    expect(lookupKeys('138-1234-5678', 'auto')).toEqual([
      { phone: '13812345678' },
      { cardNo: '138-1234-5678' },
      { memberNo: '138-1234-5678' },
    ])
  })

  it('tries a scanned code as a card number, then as a member number', () => {
    expect(lookupKeys('880012345678\r', 'auto')).toEqual([{ cardNo: '880012345678' }, { memberNo: '880012345678' }])
  })

  it('takes an international number as a phone only', () => {
    expect(lookupKeys('+852 9123 4567', 'auto')).toEqual([{ phone: '+85291234567' }])
    expect(lookupKeys('+12', 'auto')).toEqual([])
  })

  it('uses only the chosen key in a fixed mode', () => {
    expect(lookupKeys('138 1234 5678', 'phone')).toEqual([{ phone: '13812345678' }])
    expect(lookupKeys('880012345678', 'cardNo')).toEqual([{ cardNo: '880012345678' }])
    expect(lookupKeys('467673402050', 'memberNo')).toEqual([{ memberNo: '467673402050' }])
  })

  it('has nothing to look up for blank input', () => {
    expect(lookupKeys(' \r\n', 'auto')).toEqual([])
  })
})
