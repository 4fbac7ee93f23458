/**
 * The console in a real browser against a real server: each role signs in and sees only its
 * pages, HQ sees the dashboard's trend and a new member's audit trail, a member is found and
 * registered, money moves at the till (recharge, quoted purchase, refund) with the balance
 * following, a clerk sees phones masked and no audit trail, the language switches and stays, and
 * an ended session goes back to sign-in.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { fen, screenshot, signIn, signOut } from './support/console'

let backend: Backend
let browser: Browser
let page: Page
let base: string
const pageErrors: string[] = []

interface SetupMember {
  name: string
  phone: string
  cards: { cardNo: string; status: string; cardType: { storesValue: boolean } }[]
}

async function members(token: string): Promise<SetupMember[]> {
  const data = await graphql<{ members: { edges: { node: SetupMember }[] } }>(
    base,
    '{ members(first: 50) { edges { node { name phone cards { cardNo status cardType { storesValue } } } } } }',
    {},
    token,
  )
  return data.members.edges.map((edge) => edge.node)
}

async function memberTotal(): Promise<number> {
  const text = await page.textContent('[data-test=pager]')
  return Number(/(\d+)/.exec(text ?? '')?.[1])
}

async function balance(): Promise<number> {
  return fen(await page.textContent('[data-test=cashier-balance]'))
}

/** What a barcode scanner does: types the digits quickly, then Enter. */
async function scan(code: string): Promise<void> {
  const field = page.locator('[data-test=cashier-lookup]')
  await field.pressSequentially(code)
  await field.press('Enter')
}

async function chooseTab(name: string): Promise<void> {
  await page.click(`.el-tabs__item:has-text("${name}")`)
}

beforeAll(async () => {
  ;[backend, browser] = await Promise.all([startBackend(), launchBrowser()])
  base = backend.url
  page = browser.context.pages()[0] ?? (await browser.context.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

describe('the admin console', () => {
  it('refuses a wrong password, then locks the account, in Chinese', async () => {
    await page.goto(`${base}/admin/`)
    await page.waitForURL(/\/admin\/login/)
    await screenshot(page, '01-login')

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.fill('input[name=username]', 'gz001.clerk')
      await page.fill('input[name=password]', 'not-the-password')
      await page.click('button[type=submit]')
      const expected = attempt < 5 ? '用户名或密码错误' : '账号已临时锁定'
      await page.waitForSelector(`[data-test=login-error]:has-text("${expected}")`)
    }
    expect(await page.textContent('[data-test=login-error]')).not.toMatch(/graphql|error:/i)
  })

  it('gives HQ the whole brand: dashboard, members, cashier; finds and registers a member', async () => {
    const token = await login(base, 'hq.admin')
    const [known] = await members(token)
    if (!known) throw new Error('the demo brand has no members')

    await signIn(page, base, 'hq.admin')
    await page.waitForSelector('[data-test=tier-chart] canvas')
    await page.waitForSelector('[data-test=trend-chart] canvas')
    expect(await page.textContent('[data-test=stat-members]')).toMatch(/\d{3}/)
    expect(await page.textContent('[data-test=stat-today-recharge]')).toMatch(/今日充值（\d+ 笔）¥[\d,]+\.\d{2}/)
    expect(await page.locator('[data-test=side-menu] .el-menu-item').allTextContents()).toEqual([
      '概览',
      '跨店清分',
      '会员列表',
      '收银台',
      '会员标签',
      '人群',
      '营销活动',
      '关怀服务',
      '系统设置',
      'API 调试',
    ])
    await screenshot(page, '02-dashboard-hq')

    await page.click('[data-test=menu-members]')
    await page.waitForSelector('[data-test=member-table] .el-table__row')
    const everyone = await memberTotal()
    await page.fill('[data-test=member-search]', known.phone.slice(-4))
    await page.click('[data-test=member-search-submit]')
    await page.waitForFunction(
      (total) => !document.querySelector('[data-test=pager]')?.textContent?.includes(`${total}`),
      everyone,
    )
    // Four digits find phones ending with them, and member numbers (random) starting with them.
    const suffix = known.phone.slice(-4)
    const found = await page.locator('[data-test=member-table] .el-table__row').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? '')),
    )
    expect(found.some(([, , phone]) => phone === known.phone)).toBe(true)
    expect(found.every(([memberNo = '', , phone = '']) => phone.endsWith(suffix) || memberNo.startsWith(suffix))).toBe(true)
    await screenshot(page, '03-members-hq')

    await page.click(`[data-test=member-table] .el-table__row:has-text("${known.phone}")`)
    await page.waitForSelector('[data-test=member-profile]')
    expect((await page.textContent('[data-test=member-phone]'))?.trim()).toBe(known.phone)
    await page.waitForSelector('[data-test=ledger-table]')
    await screenshot(page, '04-member-detail-hq')

    await page.goto(`${base}/admin/members/new`)
    await page.fill('[data-test=member-form] input[name=name]', '测试会员')
    await page.fill('[data-test=member-form] input[name=phone]', '12345')
    await page.click('[data-test=member-save]')
    await page.waitForSelector('.el-form-item__error:has-text("请输入 11 位手机号")')

    await page.fill('[data-test=member-form] input[name=phone]', known.phone)
    await page.click('[data-test=home-store]')
    await page.click('.el-select-dropdown__item:visible >> nth=0')
    await page.click('[data-test=member-save]')
    await page.waitForSelector('.el-form-item__error:has-text("该手机号已被其他会员使用")')
    await screenshot(page, '05-member-form-errors')

    await page.fill('[data-test=member-form] input[name=phone]', '139 0000 7788')
    await page.click('[data-test=member-save]')
    await page.waitForSelector('[data-test=member-name]:has-text("测试会员")')
    expect((await page.textContent('[data-test=member-phone]'))?.trim()).toBe('13900007788')
    await page.waitForSelector('[data-test=member-audit] [data-test=audit-table] .el-table__row:has-text("新建会员")')
    expect(await page.textContent('[data-test=member-audit] [data-test=audit-table] .el-table__row')).toContain('hq.admin')

    await signOut(page)
    await page.waitForSelector('text=您已退出登录')
  })

  it("keeps a region manager to the region's members and away from the till", async () => {
    await signIn(page, base, 'east.manager')
    expect(await page.locator('[data-test=side-menu] .el-menu-item').allTextContents()).toEqual([
      '概览',
      '跨店清分',
      '会员列表',
      '会员标签',
      '人群',
      '营销活动',
      '关怀服务',
      'API 调试',
    ])

    await page.click('[data-test=menu-members]')
    await page.waitForSelector('[data-test=member-table] .el-table__row')
    const regional = await memberTotal()
    expect(regional).toBeGreaterThan(0)
    expect(regional).toBeLessThan(200)

    await page.goto(`${base}/admin/cashier`)
    await page.waitForSelector('[data-test=status-forbidden]')
    await screenshot(page, '06-region-forbidden-cashier')
    await signOut(page)
  })

  it('shows a store clerk masked phones, and moves money at the till', async () => {
    const token = await login(base, 'sh001.clerk')
    const member = (await members(token)).find((m) =>
      m.cards.some((card) => card.status === 'ACTIVE' && card.cardType.storesValue),
    )
    const card = member?.cards.find((c) => c.status === 'ACTIVE' && c.cardType.storesValue)
    if (!member || !card) throw new Error('no member with an active stored-value card at SH001')

    await signIn(page, base, 'sh001.clerk')
    await page.click('[data-test=menu-members]')
    await page.waitForSelector('[data-test=member-table] .el-table__row')
    const phones = await page.locator('[data-test=member-table] .el-table__row td:nth-child(3)').allTextContents()
    expect(phones.every((phone) => /^1\d{2}\*{4}\d{4}$/.test(phone.trim()))).toBe(true)

    await page.click('[data-test=member-table] .el-table__row >> nth=0')
    await page.waitForSelector('[data-test=member-profile]')
    expect(await page.textContent('[data-test=member-phone]')).toMatch(/^\s*1\d{2}\*{4}\d{4}\s*$/)
    await page.waitForSelector('text=部分信息已隐藏')
    expect(await page.locator('[data-test=member-audit]').count()).toBe(0)
    await screenshot(page, '07-member-detail-clerk-masked')

    await page.click('[data-test=menu-cashier]')
    await scan(card.cardNo)
    await page.waitForSelector('[data-test=cashier-member]')
    expect(await page.textContent('[data-test=cashier-phone]')).toMatch(/\*{4}/)
    const start = await balance()

    await chooseTab('充值')
    await page.fill('[data-test=recharge-amount]', '88')
    await page.click('[data-test=recharge-submit]')
    await page.click('.el-message-box__btns button:has-text("确认")')
    const recharged = await page.textContent('[data-test=recharge-done] .el-result__title')
    const [principal, bonus] = [...(recharged ?? '').matchAll(/¥[\d,]+\.\d{2}/g)].map((m) => fen(m[0]))
    expect(principal).toBe(8800)
    await page.waitForFunction((expected) => {
      const text = document.querySelector('[data-test=cashier-balance]')?.textContent ?? ''
      return text.replace(/[¥,.]/g, '') === String(expected)
    }, start + 8800 + (bonus ?? 0))
    const afterRecharge = await balance()

    await chooseTab('消费')
    await page.fill('[data-test=consume-amount]', '20')
    await page.fill('[data-test=consume-coupon]', 'NOSUCHCOUPON')
    await page.click('[data-test=consume-quote]')
    await page.waitForSelector('.el-form-item__error:has-text("没有这个优惠券码。")')
    await page.fill('[data-test=consume-coupon]', '')
    await page.click('[data-test=consume-quote]')
    await page.waitForSelector('[data-test=consume-quote-result]')
    const payable = fen(await page.textContent('[data-test=consume-quote-result] [data-test=breakdown-payable]'))
    expect(payable).toBeGreaterThan(0)
    expect(payable).toBeLessThanOrEqual(2000)
    expect(await balance()).toBe(afterRecharge)
    await screenshot(page, '08-cashier-quote')

    await page.click('[data-test=consume-confirm]')
    await page.waitForSelector('[data-test=consume-done]')
    expect(await balance()).toBe(afterRecharge - payable)
    await screenshot(page, '09-cashier-paid')

    await page.click('[data-test=consume-receipt]')
    await page.waitForSelector('[data-test=receipt]')
    expect(await page.textContent('[data-test=receipt]')).toContain(card.cardNo)
    await screenshot(page, '10-receipt')

    await page.click('text=返回收银台')
    await page.waitForSelector('[data-test=cashier-member]')
    expect(await balance()).toBe(afterRecharge - payable)
    await chooseTab('流水 / 退款')
    await page.click('[data-test=ledger-table] .el-table__row >> nth=0 >> [data-test=refund-row]')
    expect(fen(await page.textContent('[data-test=refund-left]'))).toBe(payable)
    await page.click('[data-test=refund-submit]')
    await page.waitForSelector('.el-message--success')
    await page.waitForFunction(
      (expected) => document.querySelector('[data-test=cashier-balance]')?.textContent?.replace(/[¥,.]/g, '') === String(expected),
      afterRecharge,
    )
    await screenshot(page, '11-cashier-refunded')

    const rows = page.locator('[data-test=ledger-table] .el-table__row')
    const purchase = rows.filter({ has: page.locator('.el-tag', { hasText: /^\s*消费\s*$/ }) }).first()
    const recharge = rows.filter({ hasText: '¥88.00' }).filter({ has: page.locator('.el-tag', { hasText: /^\s*充值\s*$/ }) })
    await purchase.locator('[data-test=refund-row]').waitFor({ state: 'detached' })
    await recharge.first().locator('[data-test=refund-row]').click()
    await page.waitForSelector('[data-test=refund-whole-recharge]')
    await page.click('[data-test=refund-submit]')
    await page.waitForFunction(
      (expected) => document.querySelector('[data-test=cashier-balance]')?.textContent?.replace(/[¥,.]/g, '') === String(expected),
      start,
    )
    await page.waitForSelector('[data-test=ledger-table] .el-tag:has-text("充值退款")')
    await recharge.first().locator('[data-test=refund-row]').waitFor({ state: 'detached' })
    await page.locator('[data-test=ledger-table] .el-table__row', { hasText: '充值退款' }).first().locator('a.ledger-link').click()
    await page.waitForSelector('[data-test=receipt]')
    const slip = (await page.textContent('[data-test=receipt]')) ?? ''
    expect(slip).toContain('充值退款')
    expect(slip).toMatch(/退回本金\s*¥88\.00/)
    await screenshot(page, '11b-recharge-refund-receipt')
  })

  it('switches to English and stays in English after a reload', async () => {
    await page.click('[data-test=menu-members]')
    await page.click('[data-test=locale-switch]')
    await page.click('.el-dropdown-menu__item[data-locale=en]')
    await page.waitForSelector('[data-test=side-menu] >> text=Members')
    await page.reload()
    await page.waitForSelector('[data-test=member-table] .el-table__row')
    expect(await page.locator('[data-test=side-menu] .el-menu-item').allTextContents()).toEqual([
      'Overview',
      'Settlement',
      'Members',
      'Cashier',
      'Member tags',
      'Segments',
      'Campaigns',
      'Care & service',
      'API explorer',
    ])
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.textContent('.el-table__header')).toContain('Member no.')
    await screenshot(page, '12-members-en')

    await page.click('[data-test=locale-switch]')
    await page.click('.el-dropdown-menu__item[data-locale=zh-CN]')
    await page.waitForSelector('[data-test=side-menu] >> text=会员列表')
  })

  it('sends a revoked session back to sign-in, and returns there afterwards', async () => {
    const token = await page.evaluate(() => localStorage.getItem('tessera.token'))
    await graphql(base, 'mutation { logout { ok } }', {}, token ?? '')

    await page.click('[data-test=menu-dashboard]')
    await page.waitForURL(/\/admin\/login\?.*expired=1/)
    await page.waitForSelector('text=登录已过期')
    await screenshot(page, '13-session-expired')

    await page.fill('input[name=username]', 'sh001.clerk')
    await page.fill('input[name=password]', 'tessera-demo')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/admin\/dashboard/)
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
