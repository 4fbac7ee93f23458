/**
 * Money at the API is a decimal string with two places ("12.34"); the server keeps integer fen.
 * The SPA never turns an amount into a float: parsing and formatting work on the digits and sums
 * use integer fen, so what a cashier types is exactly what the server receives.
 */

/** The server refuses amounts with more than 13 integer digits (see the Money scalar). */
const MAX_INTEGER_DIGITS = 13

const FULL_WIDTH_DIGITS = /[０-９]/g
const CANONICAL = /^-?\d+\.\d{2}$/
const TYPED_AMOUNT = /^(\d+)(?:\.(\d{0,2}))?$/

export type MoneyProblem = 'required' | 'format' | 'tooLarge' | 'notPositive'

export type ParsedMoney = { ok: true; value: string; fen: number } | { ok: false; problem: MoneyProblem }

/**
 * Reads an amount as a person types or a POS pastes it — "12", "12.5", "¥1,234.50", full-width
 * "１２．５" from a Chinese IME — into the API's canonical form. Three decimals are refused rather
 * than rounded: silently rounding someone's money is worse than asking again.
 */
export function parseMoney(input: string, options: { allowZero?: boolean } = {}): ParsedMoney {
  const text = input
    .trim()
    .replace(FULL_WIDTH_DIGITS, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/^[¥￥]\s*/, '')
    .replace(/[,，](?=\d{3}(?:\D|$))/g, '')
  if (text === '') return { ok: false, problem: 'required' }
  const match = TYPED_AMOUNT.exec(text)
  if (!match) return { ok: false, problem: 'format' }
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '')
  if (whole.length > MAX_INTEGER_DIGITS) return { ok: false, problem: 'tooLarge' }
  const cents = (match[2] ?? '').padEnd(2, '0')
  const fen = Number(whole) * 100 + Number(cents)
  if (fen === 0 && !options.allowZero) return { ok: false, problem: 'notPositive' }
  return { ok: true, value: `${whole}.${cents}`, fen }
}

/** Integer fen of an API Money string. The API always sends the canonical form. */
export function moneyToFen(value: string): number {
  if (!CANONICAL.test(value)) throw new Error(`Not a Money value: ${JSON.stringify(value)}`)
  const negative = value.startsWith('-')
  const [whole = '0', cents = '00'] = value.replace('-', '').split('.')
  const fen = Number(whole) * 100 + Number(cents)
  return negative ? -fen : fen
}

/** The API's Money string for an amount in fen (ledger details carry fen). */
export function fenToMoney(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`Not an amount in fen: ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "¥1,234.50" for "1234.50"; anything that is not a Money string is shown as given. */
export function formatMoney(value: string | null | undefined): string {
  if (value == null) return '—'
  if (!CANONICAL.test(value)) return value
  const negative = value.startsWith('-')
  const [whole = '0', cents = '00'] = value.replace('-', '').split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}¥${grouped}.${cents}`
}
