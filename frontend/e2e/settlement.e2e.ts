/**
 * Cross-store settlement (跨店清分) in a real browser: HQ opens two new stores and moves a member's
 * money between them through the API (a recharge at one store spent at the other, and the other
 * way round, plus some spent at home), then reads the debt and each store's totals on the page
 * for this month, and downloads it as Excel and the debts as CSV; a period the server refuses reads
 * as this page's sentence; the new store's clerk sees only its own store's row and the debt that
 * concerns it, an empty last month, and no export (a STORE account lacks EXPORT unless granted).
 */

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { exportFile, fen, saved, screenshot, signIn, signOut } from './support/console'
import { MoneySetup, type SetupStore } from './support/money'

let backend: Backend
let browser: Browser
let page: Page
let base: string
let hqToken: string
let debtor: SetupStore
let creditor: SetupStore
const pageErrors: string[] = []

/** Today's business day and the whole previous month, in Shanghai (UTC+8 all year). */
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const LAST_MONTH_END = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10)
const LAST_MONTH_START = `${LAST_MONTH_END.slice(0, 8)}01`

async function api<T>(query: string, variables: object = {}): Promise<T> {
  return graphql<T>(base, query, variables, hqToken)
}

async function openSettlement(): Promise<void> {
  await page.click('[data-test=menu-settlement]')
  await page.waitForSelector('[data-test=settlement-page]')
}

async function waitForPeriod(from: string, to: string): Promise<void> {
  await page.waitForSelector(`[data-test=settlement-period][data-from="${from}"][data-to="${to}"]`)
}

async function chooseShortcut(text: string): Promise<void> {
  await page.click('[data-test=settlement-picker] .el-range-editor')
  await page.click(`.el-picker-panel__shortcut:visible:has-text("${text}")`)
}

function storeRow(code: string) {
  return page.locator('[data-test=settlement-stores] .el-table__body-wrapper .el-table__row', { hasText: code })
}

async function storeFigures(code: string): Promise<Record<string, number>> {
  const row = storeRow(code)
  return {
    receivable: fen(await row.locator('[data-test=store-receivable]').textContent()),
    payable: fen(await row.locator('[data-test=store-payable]').textContent()),
    net: fen(await row.locator('[data-test=store-net]').textContent()),
    local: fen(await row.locator('[data-test=store-local]').textContent()),
  }
}

function debtRows() {
  return page.locator('[data-test=settlement-debts] .el-table__body-wrapper .el-table__row')
}

async function expectOurDebt(): Promise<void> {
  const row = debtRows().filter({ hasText: debtor.code })
  expect(await row.count()).toBe(1)
  expect((await row.locator('[data-test=debt-debtor]').textContent())?.trim()).toBe(`${debtor.code} ${debtor.name}`)
  expect((await row.locator('[data-test=debt-creditor]').textContent())?.trim()).toBe(`${creditor.code} ${creditor.name}`)
  expect(fen(await row.locator('[data-test=debt-amount]').textContent())).toBe(1750)
  expect(fen(await row.locator('[data-test=debt-gross]').textContent())).toBe(3000)
  expect(fen(await row.locator('[data-test=debt-offset]').textContent())).toBe(1250)
}

beforeAll(async () => {
  ;[backend, browser] = await Promise.all([startBackend(), launchBrowser()])
  base = backend.url
  page = browser.context.pages()[0] ?? (await browser.context.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
  hqToken = await login(base, 'hq.admin')

  const money = new MoneySetup(base, hqToken)
  const { regionId, cardTypeId } = await money.demo()
  debtor = await money.openStore('ZZ901', '清分测试一店', regionId)
  creditor = await money.openStore('ZZ902', '清分测试二店', regionId)

  // ZZ901 takes 100.00; 30.00 of it is spent at ZZ902, 5.00 at home.
  const first = await money.newCard(debtor, cardTypeId, '清分一号')
  await money.recharge(first, '100.00', debtor)
  await money.spend(first, '30.00', creditor)
  await money.spend(first, '5.00', debtor)
  // ZZ902 takes 50.00; 12.50 of it is spent at ZZ901, which offsets ZZ901's debt.
  const second = await money.newCard(creditor, cardTypeId, '清分二号')
  await money.recharge(second, '50.00', creditor)
  await money.spend(second, '12.50', debtor)

  await money.clerk('zz901.clerk', debtor, '清分店员')
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

describe('cross-store settlement', () => {
  it('agrees with the API: ZZ901 owes ZZ902 17.50 today', async () => {
    const { settlement } = await api<{
      settlement: { debts: { debtor: { code: string }; creditor: { code: string }; amount: string; gross: string; offset: string }[] }
    }>('query ($d: Date!) { settlement(from: $d, to: $d) { debts { debtor { code } creditor { code } amount gross offset } } }', { d: TODAY })
    expect(settlement.debts.filter((debt) => debt.debtor.code === 'ZZ901' || debt.creditor.code === 'ZZ901')).toEqual([
      { debtor: { code: 'ZZ901' }, creditor: { code: 'ZZ902' }, amount: '17.50', gross: '30.00', offset: '12.50' },
    ])
  })

  it('shows HQ last month by default, then this month: the debt and both stores’ totals', async () => {
    await signIn(page, base, 'hq.admin')
    await openSettlement()
    await waitForPeriod(LAST_MONTH_START, LAST_MONTH_END)
    expect(await page.textContent('[data-test=settlement-explain]')).toContain('先进先出')

    await chooseShortcut('本月')
    await waitForPeriod(`${TODAY.slice(0, 8)}01`, TODAY)
    await storeRow(debtor.code).waitFor()

    expect(await storeFigures(debtor.code)).toEqual({ receivable: 1250, payable: 3000, net: -1750, local: 500 })
    expect(await storeFigures(creditor.code)).toEqual({ receivable: 3000, payable: 1250, net: 1750, local: 0 })
    expect(await storeRow(debtor.code).locator('[data-test=store-net]').getAttribute('data-side')).toBe('owes')
    expect(await storeRow(debtor.code).locator('[data-test=store-net]').textContent()).toContain('需付款')
    expect(await storeRow(creditor.code).locator('[data-test=store-net]').getAttribute('data-side')).toBe('owed')
    // The whole chain: every store's net adds up to nothing.
    expect(fen(await page.locator('[data-test=settlement-stores] .el-table__footer-wrapper td').nth(4).textContent())).toBe(0)
    expect(await storeRow('SH001').count()).toBe(1)

    await expectOurDebt()
    expect(await debtRows().count()).toBeGreaterThan(1)
    await screenshot(page, '40-settlement-hq')
  })

  it('lets HQ download this month as an Excel workbook and the debts as CSV', async () => {
    const name = `settlement-${TODAY.slice(0, 8)}01-${TODAY}`

    const workbook = await exportFile(page, 'settlement-export', 'xlsx')
    expect(workbook.suggestedFilename()).toBe(`${name}.xlsx`)
    const book = await saved(workbook)
    expect(book.length).toBeGreaterThan(0)
    expect(book.subarray(0, 2).toString('latin1')).toBe('PK')

    const debts = await exportFile(page, 'settlement-export', 'debts')
    expect(debts.suggestedFilename()).toBe(`${name}-debts.csv`)
    const text = (await saved(debts)).toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).split(/\r?\n/)
    expect(lines[0]).toBe('欠款门店编码,欠款门店,收款门店编码,收款门店,应付,跨店消费,反向冲抵')
    expect(lines.filter((line) => line.includes(debtor.code))).toEqual([
      `${debtor.code},${debtor.name},${creditor.code},${creditor.name},17.50,30.00,12.50`,
    ])
  })

  it('explains a period the server refuses', async () => {
    const [start, end] = [page.locator('[data-test=settlement-picker] input').nth(0), page.locator('[data-test=settlement-picker] input').nth(1)]
    await start.fill('2020-01-01')
    await start.press('Enter')
    await end.fill(TODAY)
    await end.press('Enter')
    await page.waitForSelector('[data-test=settlement-invalid]')
    expect(await page.textContent('[data-test=settlement-invalid]')).toContain('最长 366 天')
    expect(await page.textContent('[data-test=settlement-page] [data-state=failure]')).toContain('请求的内容不正确')
    expect(await page.isDisabled('[data-test=settlement-export-button]')).toBe(true)
    await screenshot(page, '41-settlement-invalid')

    await chooseShortcut('本月')
    await waitForPeriod(`${TODAY.slice(0, 8)}01`, TODAY)
    expect(await page.locator('[data-test=settlement-invalid]').count()).toBe(0)
    await signOut(page)
  })

  it("shows the store's clerk only its own store and the debt that concerns it, and no export", async () => {
    await signIn(page, base, 'zz901.clerk')
    await openSettlement()
    await waitForPeriod(LAST_MONTH_START, LAST_MONTH_END)
    expect(await page.locator('[data-test=settlement-export]').count()).toBe(0)
    expect(await page.locator('[data-test=settlement-export-button]').count()).toBe(0)
    expect(await page.textContent('[data-test=settlement-page] [data-state=empty]')).toContain('该期间没有储值本金消费')

    await chooseShortcut('本月')
    await waitForPeriod(`${TODAY.slice(0, 8)}01`, TODAY)
    await storeRow(debtor.code).waitFor()
    const codes = await page.locator('[data-test=settlement-stores] .el-table__body-wrapper [data-test=store-code]').allTextContents()
    expect(codes.map((code) => code.trim())).toEqual([debtor.code])
    expect(await storeFigures(debtor.code)).toEqual({ receivable: 1250, payable: 3000, net: -1750, local: 500 })
    expect(await debtRows().count()).toBe(1)
    await expectOurDebt()
    await screenshot(page, '42-settlement-clerk')
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
