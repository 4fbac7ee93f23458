/**
 * HQ's settings: card types and recharge promotions are created from forms that explain refusals
 * (a taken code, a bonus above its threshold) in words, a promotion is deactivated after a
 * confirmation, and a region manager neither sees nor reaches the page.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { screenshot, signIn, signOut } from './support/console'

let backend: Backend
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  ;[backend, browser] = await Promise.all([startBackend(), launchBrowser()])
  page = browser.context.pages()[0] ?? (await browser.context.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

describe('settings', () => {
  it('creates a card type, and says so when its code is taken', async () => {
    await signIn(page, backend.url, 'hq.admin')
    await page.click('[data-test=menu-settings]')
    await page.waitForSelector('[data-test=card-type-table] .el-table__row:has-text("STD")')

    await page.click('[data-test=card-type-new]')
    await page.click('[data-test=card-type-save]')
    await page.waitForSelector('[data-test=card-type-dialog] .el-form-item__error:has-text("请填写此项")')
    await page.fill('[data-test=card-type-code]', 'std')
    await page.fill('[data-test=card-type-name]', '重复编码')
    await page.click('[data-test=card-type-save]')
    await page.waitForSelector('[data-test=card-type-dialog] .el-form-item__error:has-text("该编码已被其他卡类型使用")')

    await page.fill('[data-test=card-type-code]', 'gold')
    await page.fill('[data-test=card-type-name]', '金卡')
    await page.click('[data-test=card-type-save]')
    await page.waitForSelector('.el-message--success:has-text("金卡")')
    await page.waitForSelector('[data-test=card-type-table] .el-table__row:has-text("GOLD")')
    expect(await page.textContent('[data-test=card-type-table] .el-table__row:has-text("GOLD")')).toContain('金卡')
    await screenshot(page, '50-settings-card-types')
  })

  it('creates a recharge promotion, refusing a bonus above its threshold, then deactivates it', async () => {
    await page.click('.el-tabs__item:has-text("充值活动")')
    await page.waitForSelector('[data-test=recharge-rule-table]')
    await page.click('[data-test=recharge-rule-new]')
    await page.fill('[data-test=recharge-rule-name]', '充500送60')
    await page.fill('[data-test=recharge-rule-min]', '500')
    await page.fill('[data-test=recharge-rule-bonus]', '600')
    await page.click('[data-test=recharge-rule-save]')
    await page.waitForSelector('[data-test=recharge-rule-dialog] .el-form-item__error:has-text("赠送金额不能超过充值门槛")')

    await page.fill('[data-test=recharge-rule-bonus]', '60')
    await page.click('[data-test=recharge-rule-save]')
    const row = '[data-test=recharge-rule-table] .el-table__row:has-text("充500送60")'
    await page.waitForSelector(`${row} .el-tag:has-text("启用")`)
    expect(await page.textContent(row)).toContain('¥500.00')
    await screenshot(page, '51-settings-recharge-rules')

    await page.click(`${row} [data-test=recharge-rule-deactivate]`)
    await page.click('.el-message-box__btns button:has-text("确认")')
    await page.waitForSelector(`${row} .el-tag:has-text("停用")`)
    expect(await page.locator(`${row} [data-test=recharge-rule-deactivate]`).count()).toBe(0)
  })

  it('is not for a region manager', async () => {
    await signOut(page)
    await signIn(page, backend.url, 'east.manager')
    expect(await page.locator('[data-test=menu-settings]').count()).toBe(0)
    await page.goto(`${backend.url}/admin/settings`)
    await page.waitForSelector('[data-test=status-forbidden]')
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
