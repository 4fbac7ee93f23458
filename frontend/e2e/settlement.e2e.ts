/**
 * Cross-store settlement (跨店清分) in a real browser: HQ opens two new stores and moves a member's
 * money between them through the API (a recharge at one store spent at the other, and the other
 * way round, plus some spent at home), then reads the debt and each store's totals on the page
 * for this month; a period the server refuses reads as this page's sentence; the new store's
 * clerk sees only its own store's row and the debt that concerns it, and an empty last month.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { PASSWORD, fen, screenshot, signIn, signOut } from './support/console'

interface SetupStore {
  id: string
  code: string
  name: string
}

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

async function openStore(code: string, name: string, regionId: string): Promise<SetupStore> {
  const { createStore } = await api<{ createStore: { store: SetupStore | null; errors: unknown[] } }>(
    'mutation ($code: String!, $name: String!, $regionId: ID!) { createStore(code: $code, name: $name, regionId: $regionId) { store { id code name } errors { code message } } }',
    { code, name, regionId },
  )
  expect(createStore.errors).toEqual([])
  if (!createStore.store) throw new Error(`store ${code} not created`)
  return createStore.store
}

/** A new member of `home` with a new stored-value card: no money from before on it. */
async function newCard(home: SetupStore, cardTypeId: string, name: string): Promise<string> {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const { createMember } = await api<{ createMember: { member: { id: string } | null; errors: unknown[] } }>(
    'mutation ($input: CreateMemberInput!) { createMember(input: $input) { member { id } errors { code message } } }',
    { input: { name, phone, homeStoreId: home.id } },
  )
  expect(createMember.errors).toEqual([])
  const { issueCard } = await api<{ issueCard: { card: { cardNo: string } | null; errors: unknown[] } }>(
    'mutation ($input: IssueCardInput!) { issueCard(input: $input) { card { cardNo } errors { code message } } }',
    { input: { memberId: createMember.member?.id, cardTypeId } },
  )
  expect(issueCard.errors).toEqual([])
  if (!issueCard.card) throw new Error('card not issued')
  return issueCard.card.cardNo
}

/** A recharge below every bonus rule, so the card holds principal only. */
async function recharge(cardNo: string, amount: string, store: SetupStore): Promise<void> {
  const { recharge: payload } = await api<{ recharge: { errors: unknown[] } }>(
    'mutation ($input: RechargeInput!) { recharge(input: $input) { errors { code message } } }',
    { input: { cardNo, amount, storeId: store.id, idempotencyKey: `e2e-settle-r-${cardNo}-${amount}` } },
  )
  expect(payload.errors).toEqual([])
}

async function spend(cardNo: string, amount: string, store: SetupStore): Promise<void> {
  const { consume } = await api<{ consume: { breakdown: { paidPrincipal: string } | null; errors: unknown[] } }>(
    'mutation ($input: ConsumeInput!) { consume(input: $input) { breakdown { paidPrincipal } errors { code message } } }',
    { input: { cardNo, amount, storeId: store.id, idempotencyKey: `e2e-settle-c-${cardNo}-${store.code}-${amount}` } },
  )
  expect(consume.errors).toEqual([])
  expect(consume.breakdown?.paidPrincipal).toBe(amount)
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

  const { regions, cardTypes } = await api<{ regions: { id: string; code: string }[]; cardTypes: { id: string; code: string }[] }>(
    '{ regions { id code } cardTypes { id code } }',
  )
  const east = regions.find((region) => region.code === 'EAST')
  const standard = cardTypes.find((type) => type.code === 'STD')
  if (!east || !standard) throw new Error('the demo brand has no EAST region or STD card type')
  debtor = await openStore('ZZ901', '清分测试一店', east.id)
  creditor = await openStore('ZZ902', '清分测试二店', east.id)

  // ZZ901 takes 100.00; 30.00 of it is spent at ZZ902, 5.00 at home.
  const first = await newCard(debtor, standard.id, '清分一号')
  await recharge(first, '100.00', debtor)
  await spend(first, '30.00', creditor)
  await spend(first, '5.00', debtor)
  // ZZ902 takes 50.00; 12.50 of it is spent at ZZ901, which offsets ZZ901's debt.
  const second = await newCard(creditor, standard.id, '清分二号')
  await recharge(second, '50.00', creditor)
  await spend(second, '12.50', debtor)

  const { createStaff } = await api<{ createStaff: { errors: unknown[] } }>(
    'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { errors { code message } } }',
    { input: { username: 'zz901.clerk', password: PASSWORD, scope: { role: 'STORE', storeId: debtor.id }, displayName: '清分店员' } },
  )
  expect(createStaff.errors).toEqual([])
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

  it('explains a period the server refuses', async () => {
    const [start, end] = [page.locator('[data-test=settlement-picker] input').nth(0), page.locator('[data-test=settlement-picker] input').nth(1)]
    await start.fill('2020-01-01')
    await start.press('Enter')
    await end.fill(TODAY)
    await end.press('Enter')
    await page.waitForSelector('[data-test=settlement-invalid]')
    expect(await page.textContent('[data-test=settlement-invalid]')).toContain('最长 366 天')
    expect(await page.textContent('[data-test=settlement-page] [data-state=failure]')).toContain('请求的内容不正确')
    await screenshot(page, '41-settlement-invalid')

    await chooseShortcut('本月')
    await waitForPeriod(`${TODAY.slice(0, 8)}01`, TODAY)
    expect(await page.locator('[data-test=settlement-invalid]').count()).toBe(0)
    await signOut(page)
  })

  it("shows the store's clerk only its own store and the debt that concerns it", async () => {
    await signIn(page, base, 'zz901.clerk')
    await openSettlement()
    await waitForPeriod(LAST_MONTH_START, LAST_MONTH_END)
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
