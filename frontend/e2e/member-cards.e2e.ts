/**
 * Cards on the member page: a clerk issues a card and takes it through freeze, loss, replacement
 * and cancellation, each confirmed with a reason; refusals (a taken number, a card changed behind
 * the page's back, money left on a card) read as this console's sentences; a purchase is refunded
 * from the member's ledger; an account whose CARD_OPS and REFUND are withheld sees no such buttons.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { PASSWORD, screenshot, signIn, signOut } from './support/console'

interface SetupCard {
  cardNo: string
  status: string
  parentCardNo: string | null
  cardType: { storesValue: boolean }
  balance: { total: string }
}

interface SetupMember {
  id: string
  cards: SetupCard[]
}

let backend: Backend
let browser: Browser
let page: Page
let base: string
let clerkToken: string
let member: SetupMember
const pageErrors: string[] = []

function row(cardNo: string): string {
  return `[data-test=card-table] .el-table__row:has-text("${cardNo}")`
}

async function cardNumbers(): Promise<string[]> {
  const cells = await page.locator('[data-test=card-table] .el-table__body-wrapper .card-no').allTextContents()
  return cells.map((cell) => cell.trim())
}

/** Opens a card's action from its dropdown; waits for the menu to finish closing, so the next
 * action's click opens a menu instead of toggling one still on its way out (seen under load). */
async function act(cardNo: string, action: string): Promise<void> {
  const item = `.el-dropdown-menu__item[data-action=${action}]:visible`
  await page.click(`[data-test=card-actions-${cardNo}]`)
  await page.click(item)
  await page.waitForSelector('[data-test=card-action-dialog]:visible')
  await page.waitForSelector(item, { state: 'hidden' })
}

async function confirm(reason?: string): Promise<void> {
  if (reason !== undefined) await page.fill('[data-test=card-reason]', reason)
  await page.click('[data-test=card-action-submit]')
}

async function waitForStatus(cardNo: string, status: string): Promise<void> {
  await page.waitForSelector(`${row(cardNo)} .el-tag:has-text("${status}")`)
}

async function closeMessages(): Promise<void> {
  await page.waitForSelector('.el-message--success')
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((message) => message.remove()))
}

beforeAll(async () => {
  ;[backend, browser] = await Promise.all([startBackend(), launchBrowser()])
  base = backend.url
  page = browser.context.pages()[0] ?? (await browser.context.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
  clerkToken = await login(base, 'sh001.clerk')
  const data = await graphql<{ members: { edges: { node: SetupMember }[] } }>(
    base,
    '{ members(first: 50) { edges { node { id cards { cardNo status parentCardNo cardType { storesValue } balance { total } } } } } }',
    {},
    clerkToken,
  )
  const found = data.members.edges
    .map((edge) => edge.node)
    .find((m) => m.cards.some((c) => c.status === 'ACTIVE' && c.cardType.storesValue && c.parentCardNo === null && c.balance.total !== '0.00'))
  if (!found) throw new Error('no SH001 member with money on an active card')
  member = found
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

describe('cards on the member page', () => {
  it('issues a card, freezes, unfreezes, reports it lost and cancels the loss, with reasons', async () => {
    await signIn(page, base, 'sh001.clerk')
    await page.goto(`${base}/admin/members/${member.id}`)
    await page.waitForSelector('[data-test=member-cards]')
    const before = await cardNumbers()

    await page.click('[data-test=issue-card]')
    await page.click('[data-test=issue-card-submit]')
    await page.waitForSelector('[data-test=issue-card-dialog] .el-form-item__error:has-text("请填写此项")')
    await page.click('[data-test=issue-card-type]')
    await page.click('.el-select-dropdown__item:visible:has-text("储值会员卡")')
    await page.click('[data-test=issue-card-submit]')
    await closeMessages()
    await page.waitForFunction((count) => document.querySelectorAll('[data-test=card-table] .el-table__body-wrapper .card-no').length === count, before.length + 1)
    const [issued] = (await cardNumbers()).filter((cardNo) => !before.includes(cardNo))
    if (!issued) throw new Error('the new card is not listed')
    await screenshot(page, '30-card-issued')

    await act(issued, 'freeze')
    await confirm()
    await page.waitForSelector('[data-test=card-action-dialog] .el-form-item__error:has-text("请填写此项")')
    await confirm('会员要求临时冻结')
    await closeMessages()
    await waitForStatus(issued, '冻结')

    await act(issued, 'unfreeze')
    await confirm()
    await closeMessages()
    await waitForStatus(issued, '正常')

    await act(issued, 'reportLost')
    await screenshot(page, '31-card-report-lost-dialog')
    await confirm('会员来电称卡片丢失')
    await closeMessages()
    await waitForStatus(issued, '挂失')

    await act(issued, 'cancelLoss')
    await confirm()
    await closeMessages()
    await waitForStatus(issued, '正常')

    await page.reload()
    await page.locator('[data-test=card-table] .el-table__row', { hasText: issued }).locator('.el-table__expand-icon').click()
    const history = page.locator(`[data-test=card-history-${issued}] .el-timeline-item`)
    await history.first().waitFor()
    const items = (await history.allTextContents()).map((text) => text.replace(/\s+/g, ' '))
    expect(items.map((text) => text.match(/(发卡|冻结|解冻|挂失|取消挂失)/)?.[1])).toEqual(['取消挂失', '挂失', '解冻', '冻结', '发卡'])
    expect(items[1]).toContain('正常 → 挂失')
    expect(items[1]).toContain('sh001.clerk')
    expect(items[1]).toContain('会员来电称卡片丢失')
    expect(items[3]).toContain('会员要求临时冻结')
    await screenshot(page, '31b-card-history')
  })

  it('says so in words when the card changed behind the page, or the new number is taken', async () => {
    const [issued] = (await cardNumbers()).filter((cardNo) => !member.cards.some((c) => c.cardNo === cardNo))
    if (!issued) throw new Error('no issued card')
    await graphql(base, 'mutation ($c: String!) { freezeCard(cardNo: $c, reason: "e2e") { errors { code } } }', { c: issued }, clerkToken)

    await act(issued, 'freeze')
    await confirm('重复冻结')
    await page.waitForSelector('[data-test=card-action-error]')
    const stale = await page.textContent('[data-test=card-action-error]')
    expect(stale).toContain('该卡当前的状态不能进行此操作')
    expect(stale).not.toMatch(/can't|graphql|frozen/i)
    await page.click('[data-test=card-action-dialog] button:has-text("取消")')

    await page.reload()
    await waitForStatus(issued, '冻结')
    const taken = member.cards[0]?.cardNo ?? ''
    await act(issued, 'replace')
    await page.fill('[data-test=card-new-no]', taken)
    await confirm('卡片损坏')
    await page.waitForSelector('[data-test=card-action-dialog] .el-form-item__error:has-text("该卡号已被使用")')
    await screenshot(page, '32-card-replace-taken')

    await page.fill('[data-test=card-new-no]', '')
    await confirm()
    await closeMessages()
    await waitForStatus(issued, '已注销')
    await page.waitForSelector(`${row(issued)} :text("已补卡为")`)
    const replacement = (await page.textContent(`${row(issued)} .card-note`))?.match(/[A-Z0-9]{4,32}$/)?.[0]
    if (!replacement) throw new Error('no replacement number shown')
    await waitForStatus(replacement, '正常')
    expect(await page.locator(`[data-test=card-actions-${issued}]`).count()).toBe(0)

    await act(replacement, 'cancel')
    await confirm('会员销户')
    await closeMessages()
    await waitForStatus(replacement, '已注销')
  })

  it('cancels a card holding money only by paying back its principal', async () => {
    const holding = member.cards.find((c) => c.status === 'ACTIVE' && c.cardType.storesValue && c.parentCardNo === null && c.balance.total !== '0.00')
    if (!holding) throw new Error('no card holding money')
    await act(holding.cardNo, 'cancel')
    await page.fill('[data-test=card-reason]', '会员销卡退款')
    await confirm()
    await page.waitForSelector('[data-test=card-action-dialog] .el-form-item__error:has-text("请勾选退还本金")')
    await screenshot(page, '33-card-cancel-with-money')

    await page.click('[data-test=card-refund-balance]')
    await confirm()
    await closeMessages()
    await waitForStatus(holding.cardNo, '已注销')
    await page.waitForSelector(`[data-test=ledger-table] .el-table__row:has-text("${holding.cardNo}")`)
  })

  it('refunds part of a purchase from the member ledger', async () => {
    await signOut(page)
    await signIn(page, base, 'hq.admin')
    const hqToken = await login(base, 'hq.admin')
    const data = await graphql<{ members: { edges: { node: SetupMember }[] } }>(
      base,
      '{ members(first: 100) { edges { node { id cards { cardNo status parentCardNo cardType { storesValue } balance { total } } } } } }',
      {},
      hqToken,
    )
    const buyer = data.members.edges.map((edge) => edge.node).find((m) => m.id !== member.id && m.cards.some((c) => c.status === 'ACTIVE'))
    if (!buyer) throw new Error('no other member')
    await page.goto(`${base}/admin/members/${buyer.id}`)
    await page.waitForSelector('[data-test=ledger-table] [data-test=refund-row]')

    await page.click('[data-test=ledger-table] [data-test=refund-row] >> nth=0')
    await page.fill('[data-test=refund-amount]', '0.01')
    await page.click('[data-test=refund-submit]')
    await page.waitForSelector('.el-message--success:has-text("¥0.01")')
    await page.waitForSelector('[data-test=ledger-table] .el-table__row >> nth=0 >> text=退款')
    await screenshot(page, '34-member-ledger-refund')
  })

  it('shows no card or refund buttons to an account whose CARD_OPS and REFUND are withheld', async () => {
    const hqToken = await login(base, 'hq.admin')
    const { stores } = await graphql<{ stores: { id: string; code: string }[] }>(base, '{ stores { id code } }', {}, hqToken)
    const store = stores.find((s) => s.code === 'SH001')
    const created = await graphql<{ createStaff: { errors: unknown[] } }>(
      base,
      'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { errors { code message } } }',
      {
        input: {
          username: 'sh001.trainee',
          password: PASSWORD,
          scope: { role: 'STORE', storeId: store?.id },
          displayName: '实习店员',
          withholds: ['CARD_OPS', 'REFUND'],
        },
      },
      hqToken,
    )
    expect(created.createStaff.errors).toEqual([])

    await signOut(page)
    await signIn(page, base, 'sh001.trainee')
    await page.goto(`${base}/admin/members/${member.id}`)
    await page.waitForSelector('[data-test=card-table] .el-table__row')
    await page.waitForSelector('[data-test=ledger-table]')
    expect(await page.locator('[data-test=issue-card]').count()).toBe(0)
    expect(await page.locator('[data-test^=card-actions-]').count()).toBe(0)
    expect(await page.locator('[data-test=refund-row]').count()).toBe(0)
    await screenshot(page, '35-member-cards-trainee')
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
