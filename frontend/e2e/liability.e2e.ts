/**
 * Prepaid liability (预付负债) on the overview in a real browser: HQ opens two new stores and
 * moves members' money through the API (recharges at both, purchases that use up the oldest
 * principal first), then reads each new store's principal and share on the overview today, sees
 * the chain's principal equal the stores' rows and the bonus and points figures, and an earlier
 * day without the new stores, and downloads the day shown as Excel and the stores' principal as
 * CSV; the new store's clerk sees only its own store's principal, no bonus or points, and no
 * export (a STORE account lacks EXPORT unless granted). The demo brand already holds money, so
 * only the new stores' rows are exact.
 */
import { inflateRawSync } from 'node:zlib'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { exportFile, fen, openExportMenu, saved, screenshot, signIn, signOut } from './support/console'
import { MoneySetup, type SetupStore } from './support/money'

let backend: Backend
let browser: Browser
let page: Page
let base: string
let hqToken: string
let first: SetupStore
let second: SetupStore
const pageErrors: string[] = []

/** Today's business day in Shanghai (UTC+8 all year). */
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const LONG_AGO = '2020-01-01'

async function api<T>(query: string, variables: object = {}): Promise<T> {
  return graphql<T>(base, query, variables, hqToken)
}

/** The overview's liability card, answered for `asOf`. */
async function waitForLiability(asOf: string): Promise<void> {
  await page.waitForSelector(`[data-test=liability][data-as-of="${asOf}"]`)
}

function storeRows() {
  return page.locator('[data-test=liability-stores] .el-table__body-wrapper .el-table__row')
}

function storeRow(code: string) {
  return storeRows().filter({ has: page.locator(`[data-test=liability-store-code]:text-is("${code}")`) })
}

async function storeFigures(code: string): Promise<{ principal: number; share: string }> {
  const row = storeRow(code)
  expect(await row.count()).toBe(1)
  return {
    principal: fen(await row.locator('[data-test=liability-store-principal]').textContent()),
    share: ((await row.locator('[data-test=liability-store-share]').textContent()) ?? '').trim(),
  }
}

async function figure(key: string): Promise<string> {
  return (await page.locator(`[data-test=liability-${key}] .stat-item__value`).textContent()) ?? ''
}

async function chooseDay(day: string): Promise<void> {
  const input = page.locator('[data-test=liability-picker] input')
  await input.fill(day)
  await input.press('Enter')
}

/** A file inside a zip (an .xlsx), found through the zip's central directory. */
function zipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let at = zip.readUInt32LE(end + 16)
  for (let left = zip.readUInt16LE(end + 10); left > 0; left--) {
    const [method, size, nameLength] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28)]
    const local = zip.readUInt32LE(at + 42)
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return method === 0 ? data : inflateRawSync(data)
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  throw new Error(`no ${name} in the zip`)
}

/** The sheets of a workbook, in order. */
function sheetNames(book: Buffer): string[] {
  const xml = zipEntry(book, 'xl/workbook.xml').toString('utf8')
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((match) => match[1] ?? '')
}

/** A CSV download's lines, without the byte-order mark it carries for Excel. */
function csvLines(file: Buffer): string[] {
  const text = file.toString('utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  return text.slice(1).split(/\r?\n/)
}

beforeAll(async () => {
  ;[backend, browser] = await Promise.all([startBackend(), launchBrowser()])
  base = backend.url
  page = browser.context.pages()[0] ?? (await browser.context.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
  hqToken = await login(base, 'hq.admin')

  const money = new MoneySetup(base, hqToken)
  const { regionId, cardTypeId } = await money.demo()
  first = await money.openStore('ZZ911', '负债测试一店', regionId)
  second = await money.openStore('ZZ912', '负债测试二店', regionId)

  // A ZZ911 member pays in 100.00 at ZZ911, then 20.00 at ZZ912; the 30.00 spent at ZZ912 comes out
  // of the oldest money first: ZZ911 holds 70.00 of it, ZZ912 still all of its 20.00.
  const one = await money.newCard(first, cardTypeId, '负债一号')
  await money.recharge(one, '100.00', first)
  await money.recharge(one, '20.00', second)
  await money.spend(one, '30.00', second)
  // A ZZ912 member pays in 50.00 at ZZ912 and spends 12.50 at ZZ911: ZZ912 holds 37.50 more.
  const two = await money.newCard(second, cardTypeId, '负债二号')
  await money.recharge(two, '50.00', second)
  await money.spend(two, '12.50', first)

  await money.clerk('zz911.clerk', first, '负债店员')
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

describe('prepaid liability on the overview', () => {
  it('agrees with the API: ZZ911 holds 70.00 and ZZ912 57.50 today', async () => {
    const { liability } = await api<{ liability: { asOf: string; stores: { store: { code: string }; principal: string }[] } }>(
      '{ liability { asOf stores { store { code } principal } } }',
    )
    expect(liability.asOf).toBe(TODAY)
    expect(liability.stores.filter((row) => row.store.code.startsWith('ZZ91'))).toEqual([
      { store: { code: 'ZZ911' }, principal: '70.00' },
      { store: { code: 'ZZ912' }, principal: '57.50' },
    ])
  })

  it('shows HQ the chain today: the new stores’ principal, a total equal to the rows, bonus and points', async () => {
    await signIn(page, base, 'hq.admin')
    await waitForLiability(TODAY)
    expect(await page.inputValue('[data-test=liability-picker] input')).toBe(TODAY)
    expect(await page.textContent('[data-test=liability-explain]')).toContain('先进先出')
    expect(await page.locator('[data-test=liability-scoped]').count()).toBe(0)

    expect((await storeFigures(first.code)).principal).toBe(7000)
    expect((await storeFigures(second.code)).principal).toBe(5750)
    expect(((await storeRow(first.code).textContent()) ?? '').replace(/\s+/g, ' ')).toContain(`${first.code} ${first.name}`)

    const rows = await page.locator('[data-test=liability-stores] [data-test=liability-store-principal]').allTextContents()
    const principal = fen(await figure('principal'))
    expect(rows.map(fen).reduce((sum, value) => sum + value, 0)).toBe(principal)
    const shares = (await page.locator('[data-test=liability-stores] [data-test=liability-store-share]').allTextContents()).map((s) => s.trim())
    for (const share of shares) expect(share).toMatch(/^(<0\.1|\d{1,3}\.\d)%$/)

    expect(fen(await figure('bonus'))).toBeGreaterThanOrEqual(0)
    expect(await figure('points')).toMatch(/^\d+$/)
    expect(fen(await figure('pointsValue'))).toBeGreaterThanOrEqual(0)
    expect(await page.textContent('[data-test=liability-card]')).toContain('积分折合金额')
    await screenshot(page, '45-liability-hq')
  })

  it('goes back to an earlier day, when the new stores held nothing, and to today again', async () => {
    await chooseDay(LONG_AGO)
    await waitForLiability(LONG_AGO)
    expect(await storeRow(first.code).count()).toBe(0)
    expect(await storeRow(second.code).count()).toBe(0)

    // The files are of the day shown: that day's stores, none of the new ones.
    const earlier = await exportFile(page, 'liability-export', 'stores')
    expect(earlier.suggestedFilename()).toBe(`liability-${LONG_AGO}-stores.csv`)
    expect(csvLines(await saved(earlier)).filter((line) => line.startsWith('ZZ91'))).toEqual([])

    await page.click('[data-test=liability-picker] input')
    await page.click('.el-picker-panel__shortcut:visible:has-text("今天")')
    await waitForLiability(TODAY)
    expect((await storeFigures(first.code)).principal).toBe(7000)
  })

  it('lets HQ download the day as an Excel workbook and the stores’ principal as CSV', async () => {
    expect(((await page.textContent('[data-test=liability-export-button]')) ?? '').trim()).toBe('导出')
    expect(await openExportMenu(page, 'liability-export')).toEqual(['导出 Excel', '导出 CSV（各门店持有本金）'])

    const workbook = await exportFile(page, 'liability-export', 'xlsx', { menuOpen: true })
    expect(workbook.suggestedFilename()).toBe(`liability-${TODAY}.xlsx`)
    const book = await saved(workbook)
    expect(book.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(sheetNames(book)).toEqual(['汇总', '各门店持有本金'])

    const stores = await exportFile(page, 'liability-export', 'stores')
    expect(stores.suggestedFilename()).toBe(`liability-${TODAY}-stores.csv`)
    const lines = csvLines(await saved(stores))
    expect(lines[0]).toBe('门店编码,门店,持有本金')
    expect(lines.filter((line) => line.startsWith('ZZ91'))).toEqual([
      `${first.code},${first.name},70.00`,
      `${second.code},${second.name},57.50`,
    ])
    await signOut(page)
  })

  it("shows the store's clerk only its own store's principal, no bonus or points, and no export", async () => {
    await signIn(page, base, 'zz911.clerk')
    await waitForLiability(TODAY)
    const codes = await page.locator('[data-test=liability-stores] [data-test=liability-store-code]').allTextContents()
    expect(codes.map((code) => code.trim())).toEqual([first.code])
    expect(await storeFigures(first.code)).toEqual({ principal: 7000, share: '100.0%' })
    expect(fen(await figure('principal'))).toBe(7000)
    for (const key of ['bonus', 'points', 'pointsValue']) expect(await page.locator(`[data-test=liability-${key}]`).count()).toBe(0)
    const labels = await page.locator('[data-test=liability-card] .stat-item__label').allTextContents()
    expect(labels.map((label) => label.trim())).toEqual(['储值本金'])
    expect(await page.locator('[data-test=liability-scoped]').count()).toBe(1)
    expect(await page.locator('[data-test=liability-export]').count()).toBe(0)
    expect(await page.locator('[data-test=liability-export-button]').count()).toBe(0)
    await screenshot(page, '46-liability-clerk')
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
