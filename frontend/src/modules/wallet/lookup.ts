/**
 * What the cashier's one search field means. Staff type a phone number, type or scan a card
 * number, or scan a member number; a barcode scanner "types" the digits and presses Enter, often
 * with a stray tab or carriage return. In auto mode the text is tried as each key it could be, in
 * order, until a member answers.
 */
import { compactPhone, isPhone } from '@/modules/member/form'

export type LookupMode = 'auto' | 'phone' | 'cardNo' | 'memberNo'

export type LookupKey = { phone: string } | { cardNo: string } | { memberNo: string }

/** Drops control characters a scanner adds and whitespace anywhere. */
export function cleanScan(raw: string): string {
  let cleaned = ''
  for (const char of raw) {
    const code = char.charCodeAt(0)
    if (code > 0x1f && code !== 0x7f && !/\s/.test(char)) cleaned += char
  }
  return cleaned
}

export function lookupKeys(raw: string, mode: LookupMode): LookupKey[] {
  const text = cleanScan(raw)
  if (text === '') return []
  switch (mode) {
    case 'phone':
      return [{ phone: compactPhone(text) }]
    case 'cardNo':
      return [{ cardNo: text }]
    case 'memberNo':
      return [{ memberNo: text }]
    case 'auto': {
      const phone = compactPhone(text)
      if (phone.startsWith('+')) return isPhone(phone) ? [{ phone }] : []
      const rest: LookupKey[] = [{ cardNo: text }, { memberNo: text }]
      return isPhone(phone) ? [{ phone }, ...rest] : rest
    }
  }
}
