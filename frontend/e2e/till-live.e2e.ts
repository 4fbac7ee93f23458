/**
 * The till stays current without a reload: two tablets of one store show the same member, and
 * what one does shows on the other at once; the live connection survives a server restart (and
 * then catches up), and a session ended elsewhere sends the tablet back to sign-in.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { fen, screenshot, signIn } from './support/console'

let backend: Backend
let first: Browser
let second: Browser
let tablet: Page
let other: Page
let cardNo: string
let token: string
const pageErrors: string[] = []

async function balanceOn(page: Page): Promise<number> {
  return fen(await page.textContent('[data-test=cashier-balance]'))
}

async function waitForBalance(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (fenValue) =>
      document.querySelector('[data-test=cashier-balance]')?.textContent?.replace(/[¥,.]/g, '') === String(fenValue),
    expected,
  )
}

async function openTill(page: Page): Promise<void> {
  await signIn(page, backend.url, 'sh001.clerk')
  await page.click('[data-test=menu-cashier]')
  const field = page.locator('[data-test=cashier-lookup]')
  await field.pressSequentially(cardNo)
  await field.press('Enter')
  await page.waitForSelector('[data-test=cashier-live][data-state=live]')
}

async function rechargeByApi(amount: string, key: string): Promise<void> {
  const data = await graphql<{ recharge: { errors: unknown[] } }>(
    backend.url,
    'mutation ($input: RechargeInput!) { recharge(input: $input) { errors { code } } }',
    { input: { cardNo, amount, idempotencyKey: key } },
    token,
  )
  expect(data.recharge.errors).toEqual([])
}

beforeAll(async () => {
  ;[backend, first, second] = await Promise.all([startBackend(), launchBrowser(), launchBrowser()])
  tablet = first.context.pages()[0] ?? (await first.context.newPage())
  other = second.context.pages()[0] ?? (await second.context.newPage())
  for (const page of [tablet, other]) page.on('pageerror', (error) => pageErrors.push(error.message))
  token = await login(backend.url, 'sh001.clerk')
  const data = await graphql<{ members: { edges: { node: { cards: { cardNo: string; status: string; parentCardNo: string | null; cardType: { storesValue: boolean } }[] } }[] } }>(
    backend.url,
    '{ members(first: 50) { edges { node { cards { cardNo status parentCardNo cardType { storesValue } } } } } }',
    {},
    token,
  )
  const card = data.members.edges
    .flatMap((edge) => edge.node.cards)
    .find((c) => c.status === 'ACTIVE' && c.cardType.storesValue && c.parentCardNo === null)
  if (!card) throw new Error('no active stored-value card at SH001')
  cardNo = card.cardNo
})

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()])
  await backend?.stop()
})

describe('the live till', () => {
  it("shows another tablet's recharge at once, without a reload", async () => {
    await openTill(tablet)
    await openTill(other)
    const start = await balanceOn(tablet)
    expect(await balanceOn(other)).toBe(start)
    await tablet.evaluate(() => {
      ;(window as unknown as { notReloaded: boolean }).notReloaded = true
    })

    await other.click('.el-tabs__item:has-text("充值")')
    await other.fill('[data-test=recharge-amount]', '66')
    await other.click('[data-test=recharge-submit]')
    await other.click('.el-message-box__btns button:has-text("确认")')
    await other.waitForSelector('[data-test=recharge-done]')
    const after = await balanceOn(other)
    expect(after).toBeGreaterThanOrEqual(start + 6600)

    await waitForBalance(tablet, after)
    expect(await tablet.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    await screenshot(tablet, '20-till-live-balance')
  })

  it('reconnects by itself after a server restart and hears the next change', async () => {
    const before = await balanceOn(tablet)

    await backend.restart()
    await tablet.waitForSelector('[data-test=cashier-live][data-state=live]', { timeout: 30_000 })
    await tablet.waitForTimeout(500)
    await rechargeByApi('12.34', `e2e-live-${Date.now()}`)

    await waitForBalance(tablet, before + 1234)
    await screenshot(tablet, '21-till-reconnected')
  })

  it('shows the reconnecting state while the server is away, and then what changed meanwhile', async () => {
    const before = await balanceOn(tablet)
    const restarting = backend.restart()
    await tablet.waitForSelector('[data-test=cashier-live][data-state=reconnecting]')
    expect(await tablet.textContent('[data-test=cashier-live]')).toContain('连接中断')
    await screenshot(tablet, '22-till-reconnecting')
    await restarting
    await rechargeByApi('0.66', `e2e-away-${Date.now()}`)

    await tablet.waitForSelector('[data-test=cashier-live][data-state=live]', { timeout: 30_000 })
    await waitForBalance(tablet, before + 66)
  })

  it('goes back to sign-in when the session ends elsewhere, with no click', async () => {
    const session = await tablet.evaluate(() => localStorage.getItem('tessera.token'))
    await graphql(backend.url, 'mutation { logout { ok } }', {}, session ?? '')

    await tablet.waitForURL(/\/admin\/login\?.*expired=1/, { timeout: 15_000 })
    await tablet.waitForSelector('text=登录已过期')
  })

  it('raised no error in the pages', () => {
    expect(pageErrors).toEqual([])
  })
})
