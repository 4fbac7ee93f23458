/**
 * HQ's settings: card types, recharge promotions, tier rules, points rules, coupon templates,
 * stores and staff are set from forms that explain refusals (a taken code, a bonus above its
 * threshold, numbers out of range) in words; deactivations are confirmed; moving a staff member or
 * resetting their password signs them out; a partner app's API key is shown once, works, is
 * rotated and revoked; the worker's jobs show; and a region manager neither sees nor reaches the
 * page.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
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

/** The username a session's token signs in, or null once the session is revoked. */
async function signedInAs(token: string): Promise<string | null> {
  const data = await graphql<{ me: { username: string } | null }>(backend.url, '{ me { username } }', {}, token)
  return data.me?.username ?? null
}

/** A partner app's call with its API key: the answer's data (null when refused) and errors. */
async function asApiClient<T>(key: string, query: string, variables: object = {}): Promise<{ data: T | null; errors: unknown[] }> {
  const response = await fetch(`${backend.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as { data?: T | null; errors?: unknown[] }
  return { data: body.data ?? null, errors: body.errors ?? [] }
}

/** The key the one-time dialog shows, once it shows one other than `previous`. */
async function shownKey(previous = ''): Promise<string> {
  const input = '[data-test=api-client-key-dialog] input[data-test=api-client-key]'
  await page.waitForFunction(
    ([selector, old]) => {
      const value = document.querySelector<HTMLInputElement>(selector ?? '')?.value ?? ''
      return value.startsWith('tsk_') && value !== old
    },
    [input, previous],
  )
  await page.waitForSelector('[data-test=api-client-key-dialog] .el-alert:has-text("不会再次显示")')
  const key = await page.inputValue(input)
  await page.click('[data-test=api-client-key-done]')
  await page.waitForSelector('[data-test=api-client-key-dialog]', { state: 'hidden' })
  return key
}

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

  it('creates a coupon template, checking it before sending', async () => {
    await page.click('.el-tabs__item:has-text("优惠券模板")')
    await page.waitForSelector('[data-test=coupon-template-table]')
    await page.click('[data-test=coupon-template-new]')
    const dialog = '[data-test=coupon-template-dialog]'
    await page.click('[data-test=coupon-template-save]')
    await page.waitForSelector(`${dialog} .el-form-item__error:has-text("请填写此项")`)
    await page.fill('[data-test=coupon-template-name]', '满100减20')
    await page.fill('[data-test=coupon-template-amount]', '20')
    await page.fill('[data-test=coupon-template-threshold]', '100')
    await page.fill('[data-test=coupon-template-days]', '0')
    await page.click('[data-test=coupon-template-save]')
    await page.waitForSelector(`${dialog} .el-form-item__error:has-text("超出允许的范围")`)

    await page.fill('[data-test=coupon-template-days]', '15')
    await page.fill('[data-test=coupon-template-quantity]', '500')
    await page.click('[data-test=coupon-template-save]')
    await page.waitForSelector('.el-message--success:has-text("满100减20")')
    const row = '[data-test=coupon-template-table] .el-table__row:has-text("满100减20")'
    await page.waitForSelector(row)
    const text = await page.textContent(row)
    expect(text).toContain('减 ¥20.00')
    expect(text).toContain('¥100.00')
    expect(text).toContain('领取后 15 天')
    expect(text).toContain('0 / 500')
    await screenshot(page, '53-settings-coupons')
  })

  it('edits a tier’s rules with a gift coupon, checking the numbers before sending', async () => {
    await page.click('.el-tabs__item:has-text("会员等级")')
    const row = '[data-test=tier-table] .el-table__row:has-text("金卡")'
    await page.waitForSelector(row)
    await page.click(`${row} [data-test=tier-edit-rules]`)
    const dialog = '[data-test=tier-rules-dialog]'
    await page.fill(`${dialog} [data-test=tier-upgrade-visits]`, '8次')
    await page.fill(`${dialog} [data-test=tier-price]`, '199')
    await page.fill(`${dialog} [data-test=tier-paid-days]`, '')
    await page.click('[data-test=tier-rules-save]')
    await page.waitForSelector(`${dialog} .el-form-item__error:has-text("请输入整数")`)
    await page.waitForSelector(`${dialog} .el-form-item__error:has-text("付费等级须同时填写价格和有效天数")`)

    await page.fill(`${dialog} [data-test=tier-upgrade-visits]`, '8')
    await page.fill(`${dialog} [data-test=tier-paid-days]`, '365')
    await page.click(`${dialog} [data-test=tier-gift-coupons]`)
    await page.locator('.el-select-dropdown__item:visible', { hasText: '满100减20' }).click()
    await page.click(`${dialog} .el-dialog__title`)
    await page.click('[data-test=tier-rules-save]')
    await page.waitForSelector('.el-message--success:has-text("金卡")')
    await page.waitForSelector(`${row}:has-text("到店 8 次")`)
    expect(await page.textContent(row)).toContain('¥199.00 / 365 天')
    expect(await page.textContent(row)).toContain('满100减20')
    await screenshot(page, '52-settings-tiers')
  })

  it('creates a tier with its benefits, refusing a taken rank, and deletes it but not one members hold', async () => {
    await page.click('[data-test=tier-new]')
    await page.fill('[data-test=tier-name]', '钻石')
    await page.fill('[data-test=tier-rank]', '30')
    await page.fill('[data-test=tier-discount]', '88')
    await page.fill('[data-test=tier-multiplier]', '2.555')
    await page.click('[data-test=tier-save]')
    await page.waitForSelector('[data-test=tier-dialog] .el-form-item__error:has-text("倍数不超过 10")')
    await page.fill('[data-test=tier-multiplier]', '2.5')
    await page.click('[data-test=tier-perks]')
    await page.keyboard.type('专属管家')
    await page.keyboard.press('Enter')
    await page.click('[data-test=tier-dialog] .el-dialog__title')
    await page.click('[data-test=tier-save]')
    await page.waitForSelector(
      '[data-test=tier-dialog] .el-alert:has-text("已有同名或同级别的等级"), [data-test=tier-dialog] .el-form-item__error:has-text("已有同名或同级别的等级")',
    )

    await page.fill('[data-test=tier-rank]', '40')
    await page.click('[data-test=tier-save]')
    await page.waitForSelector('.el-message--success:has-text("已创建等级：钻石")')
    const row = '[data-test=tier-table] .el-table__row:has-text("钻石")'
    await page.waitForSelector(`${row}:has-text("专属管家")`)
    expect(await page.textContent(row)).toContain('×2.5')

    await page.click(`${row} [data-test=tier-delete]`)
    await page.click('.el-message-box__btns button:has-text("确认")')
    await page.waitForSelector('.el-message--success:has-text("已删除等级：钻石")')
    await page.waitForFunction(() => !document.querySelector('[data-test=tier-table]')?.textContent?.includes('钻石'))

    await page.click('[data-test=tier-table] .el-table__row:has-text("普通") [data-test=tier-delete]')
    await page.click('.el-message-box__btns button:has-text("确认")')
    await page.waitForSelector('.el-message--error:has-text("仍有会员持有该等级")')
  })

  it('sets the points terms and a store’s earn rule', async () => {
    await page.click('.el-tabs__item:has-text("积分规则")')
    await page.waitForSelector('[data-test=earn-rule-table]:has-text("尚未设置规则")')
    await page.fill('[data-test=program-expiry]', '121')
    await page.click('[data-test=program-save]')
    await page.waitForSelector('[data-test=program-settings] .el-form-item__error:has-text("超出允许的范围")')
    await page.fill('[data-test=program-expiry]', '18')
    await page.click('[data-test=program-save]')
    await page.waitForSelector('.el-message--success:has-text("积分设置已保存")')

    await page.click('[data-test=earn-rule-new]')
    await page.click('[data-test=earn-rule-store]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '南京西路' }).click()
    await page.fill('[data-test=earn-rule-rate]', '2')
    await page.fill('[data-test=earn-rule-multiplier]', '0.5')
    await page.click('[data-test=earn-rule-save]')
    await page.waitForSelector('[data-test=earn-rule-dialog] .el-form-item__error:has-text("超出允许的范围")')
    await page.fill('[data-test=earn-rule-multiplier]', '1.5')
    await page.click('[data-test=earn-rule-save]')
    const row = '[data-test=earn-rule-table] .el-table__row:has-text("南京西路")'
    await page.waitForSelector(`${row}:has-text("×1.5")`)
    await page.waitForSelector('[data-test=earn-rule-implicit]:has-text("其他门店每消费 ¥1 得 1 积分")')
    expect(await page.inputValue('[data-test=program-expiry]')).toBe('18')
    await screenshot(page, '54-settings-points')
  })

  it('creates a store, refusing a taken code, then edits and deactivates it', async () => {
    await page.click('.el-tabs__item:has-text("区域与门店")')
    await page.waitForSelector('[data-test=store-table] .el-table__row:has-text("SH001")')
    await page.click('[data-test=store-new]')
    await page.fill('[data-test=store-code]', 'sh001')
    await page.fill('[data-test=store-name]', '静安寺店')
    await page.click('[data-test=store-region]')
    await page.locator('.el-select-dropdown__item:visible').first().click()
    await page.click('[data-test=store-save]')
    await page.waitForSelector('[data-test=store-dialog] .el-form-item__error:has-text("该编码已被使用")')
    await page.fill('[data-test=store-code]', 'sh099')
    await page.fill('[data-test=store-address]', '上海市静安区南京西路 1 号')
    await page.click('[data-test=store-save]')
    await page.waitForSelector('.el-message--success:has-text("静安寺店")')
    const row = '[data-test=store-table] .el-table__row:has-text("SH099")'
    await page.waitForSelector(`${row}:has-text("南京西路 1 号")`)

    await page.click(`${row} [data-test=store-edit]`)
    expect(await page.isDisabled('[data-test=store-code]')).toBe(true)
    await page.fill('[data-test=store-name]', '静安寺旗舰店')
    await page.click('[data-test=store-save]')
    await page.waitForSelector(`${row}:has-text("静安寺旗舰店")`)
    await screenshot(page, '55-settings-org')

    await page.click('[data-test=region-table] .el-table__row:has-text("EAST") [data-test=region-edit]')
    expect(await page.isDisabled('[data-test=region-code]')).toBe(true)
    await page.fill('[data-test=region-name]', '华东大区（沪）')
    await page.click('[data-test=region-save]')
    await page.waitForSelector('[data-test=region-table] .el-table__row:has-text("华东大区（沪）")')

    await page.click(`${row} [data-test=store-deactivate]`)
    await page.click('.el-message-box__btns button:has-text("确认")')
    await page.waitForSelector(`${row} .el-tag:has-text("停用")`)
    await page.waitForSelector(`${row} [data-test=store-activate]`)
  })

  it('creates a staff member with a role, scope and grant, withholds an operation, then deactivates the account', async () => {
    await page.click('.el-tabs__item:has-text("员工账号")')
    await page.waitForSelector('[data-test=staff-table] .el-table__row:has-text("sh001.clerk")')
    await page.click('[data-test=staff-new]')
    await page.fill('[data-test=staff-username]', 'sh001.clerk')
    await page.fill('[data-test=staff-password]', 'short')
    await page.click('[data-test=staff-save]')
    await page.waitForSelector('[data-test=staff-dialog] .el-form-item__error:has-text("密码为 8–256 个字符")')
    await page.waitForSelector('[data-test=staff-dialog] .el-form-item__error:has-text("请填写此项")')

    await page.fill('[data-test=staff-password]', 'counter-pass-1')
    await page.click('[data-test=staff-store]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'SH001' }).click()
    await page.click('[data-test=staff-grants] .el-checkbox:has-text("手工调整")')
    await page.click('[data-test=staff-save]')
    await page.waitForSelector('[data-test=staff-dialog] .el-form-item__error:has-text("该用户名已被使用")')
    await page.fill('[data-test=staff-username]', 'sh001.trainee')
    await page.fill('[data-test=staff-display-name]', '见习收银员')
    await page.click('[data-test=staff-save]')
    await page.waitForSelector('.el-message--success:has-text("sh001.trainee")')
    const row = '[data-test=staff-table] .el-table__row:has-text("sh001.trainee")'
    await page.waitForSelector(row)
    const text = await page.textContent(row)
    expect(text).toContain('门店')
    expect(text).toContain('手工调整')

    await page.click(`${row} [data-test=staff-edit]`)
    expect(await page.locator('[data-test=staff-dialog] [data-test=staff-password]').count()).toBe(0)
    await page.click('[data-test=staff-withholds] .el-checkbox:has-text("退款")')
    await page.click('[data-test=staff-save]')
    await page.waitForSelector('.el-message--success:has-text("已保存员工账号")')
    await page.waitForSelector(`${row} .el-tag--danger:has-text("退款")`)
    await screenshot(page, '56-settings-staff')

    await page.click(`${row} [data-test=staff-deactivate]`)
    await page.click('.el-message-box__btns button:has-text("确认")')
    await page.waitForSelector(`${row} .el-tag:has-text("停用")`)
  })

  it('moves a clerk to another store, signing them out, and will not leave the brand without an HQ account', async () => {
    const clerkSession = await login(backend.url, 'sh001.clerk')
    expect(await signedInAs(clerkSession)).toBe('sh001.clerk')
    const row = '[data-test=staff-table] .el-table__row:has-text("sh001.clerk")'
    const dialog = '[data-test=staff-rescope-dialog]'
    await page.click(`${row} [data-test=staff-rescope]`)
    await page.waitForSelector(`${dialog} [data-test=staff-rescope-warning]:has-text("sh001.clerk 将立即退出登录")`)
    await page.click(`${dialog} [data-test=staff-store]`)
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'SH002' }).click()
    await screenshot(page, '56a-settings-staff-rescope')
    await page.click('[data-test=staff-rescope-save]')
    await page.waitForSelector('.el-message--success:has-text("已调整 sh001.clerk 的岗位")')
    await page.waitForSelector(`${row}:has-text("上海徐家汇店")`)
    expect(await signedInAs(clerkSession)).toBeNull()

    await page.click('[data-test=staff-table] .el-table__row:has-text("hq.admin") [data-test=staff-rescope]')
    await page.click(`${dialog} [data-test=staff-role] .el-radio-button:has-text("大区")`)
    await page.click('[data-test=staff-rescope-save]')
    await page.waitForSelector(`${dialog} .el-form-item__error:has-text("请填写此项")`)
    await page.click(`${dialog} [data-test=staff-region]`)
    await page.locator('.el-select-dropdown__item:visible').first().click()
    await page.click('[data-test=staff-rescope-save]')
    await page.waitForSelector(`${dialog} .el-alert:has-text("须至少保留一个启用中的总部账号")`)
    await page.click(`${dialog} button:has-text("取消")`)
    expect(await page.textContent('[data-test=staff-table] .el-table__row:has-text("hq.admin")')).toContain('全品牌')
  })

  it('resets a clerk’s password without showing it, signing them out; the new password signs in', async () => {
    const clerkSession = await login(backend.url, 'sh001.clerk')
    const dialog = '[data-test=staff-reset-password-dialog]'
    await page.click('[data-test=staff-table] .el-table__row:has-text("sh001.clerk") [data-test=staff-reset-password]')
    await page.waitForSelector(`${dialog} [data-test=staff-reset-password-warning]:has-text("sh001.clerk 将立即退出登录")`)
    await page.fill(`${dialog} [data-test=staff-new-password]`, 'short')
    await page.click('[data-test=staff-reset-password-save]')
    await page.waitForSelector(`${dialog} .el-form-item__error:has-text("密码为 8–256 个字符")`)
    await page.fill(`${dialog} [data-test=staff-new-password]`, 'counter-pass-2')
    await page.click('[data-test=staff-reset-password-save]')
    await page.waitForSelector('.el-message--success:has-text("已重置 sh001.clerk 的登录密码")')
    expect(await page.content()).not.toContain('counter-pass-2')
    expect(await signedInAs(clerkSession)).toBeNull()
    await expect(login(backend.url, 'sh001.clerk')).rejects.toThrow('cannot sign in')
    expect(await signedInAs(await login(backend.url, 'sh001.clerk', 'counter-pass-2'))).toBe('sh001.clerk')
  })

  it('issues a POS an API key shown once, which answers its allowed fields, then rotates and revokes it', async () => {
    const hq = await login(backend.url, 'hq.admin')
    const listed = await graphql<{ members: { edges: { node: { memberNo: string; name: string; homeStore: { code: string } } }[] } }>(
      backend.url,
      '{ members(first: 50) { edges { node { memberNo name homeStore { code } } } } }',
      {},
      hq,
    )
    const member = listed.members.edges.map((edge) => edge.node).find((node) => node.homeStore.code === 'SH001')
    expect(member).toBeDefined()
    const lookup = 'query ($no: String!) { memberLookup(memberNo: $no) { name memberNo } }'

    await page.click('.el-tabs__item:has-text("API 客户端")')
    await page.waitForSelector('[data-test=api-client-table]')
    await page.click('[data-test=api-client-new]')
    const dialog = '[data-test=api-client-dialog]'
    await page.fill('[data-test=api-client-name]', 'POS 南京西路')
    await page.click(`${dialog} [data-test=staff-store]`)
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'SH001' }).click()
    await page.fill('[data-test=api-client-fields-input]', 'Member.salary')
    await page.click('[data-test=api-client-save]')
    await page.waitForSelector(`${dialog} .el-form-item__error:has-text("API 中没有 Member.salary")`)

    await page.fill('[data-test=api-client-fields-input]', '')
    await page.click('[data-test=api-client-pos-preset]')
    expect(await page.inputValue('[data-test=api-client-fields-input]')).toContain('Mutation.consume')
    await page.click('[data-test=api-client-save]')
    await page.waitForSelector(`${dialog}`, { state: 'hidden' })
    await screenshot(page, '56b-settings-api-client-key')
    const key = await shownKey()

    const row = '[data-test=api-client-table] .el-table__row:has-text("POS 南京西路")'
    await page.waitForSelector(`${row} [data-test=api-client-prefix]:has-text("${key.slice(0, 12)}")`)
    const text = await page.textContent(row)
    expect(text).toContain('门店')
    expect(text).toContain('13 个字段')
    expect(text).toContain('永不过期')
    expect(await page.content()).not.toContain(key)
    const answered = await asApiClient<{ memberLookup: { name: string } | null }>(key, lookup, { no: member?.memberNo })
    expect(answered).toEqual({ data: { memberLookup: { name: member?.name, memberNo: member?.memberNo } }, errors: [] })
    await screenshot(page, '56c-settings-api-clients')

    await page.click(`${row} [data-test=api-client-edit]`)
    expect(await page.locator(`${dialog} [data-test=staff-role]`).count()).toBe(0)
    await page.fill('[data-test=api-client-rate]', '120')
    await page.click('[data-test=api-client-save]')
    await page.waitForSelector('.el-message--success:has-text("已保存 API 客户端")')
    await page.waitForSelector(dialog, { state: 'hidden' })
    await page.waitForSelector(`${row} [data-test=api-client-rate-cell]:text-is("120")`)

    await page.click(`${row} [data-test=api-client-rotate]`)
    await page.click('.el-message-box__btns button:has-text("更换密钥")')
    await page.waitForSelector('.el-message-box', { state: 'hidden' })
    const rotated = await shownKey(key)
    await page.waitForSelector(`${row} [data-test=api-client-prefix]:has-text("${rotated.slice(0, 12)}")`)
    expect((await asApiClient<{ memberLookup: unknown }>(key, lookup, { no: member?.memberNo })).data?.memberLookup ?? null).toBeNull()
    expect((await asApiClient(rotated, lookup, { no: member?.memberNo })).errors).toEqual([])

    await page.click(`${row} [data-test=api-client-revoke]`)
    await page.click('.el-message-box__btns button:has-text("吊销")')
    await page.waitForSelector('.el-message-box', { state: 'hidden' })
    await page.waitForSelector(`${row} [data-test=api-client-revoked]:has-text("已吊销")`)
    expect(await page.locator(`${row} button`).count()).toBe(0)
    await screenshot(page, '56d-settings-api-client-revoked')
    const refused = await asApiClient<{ memberLookup: unknown }>(rotated, lookup, { no: member?.memberNo })
    expect(refused.data?.memberLookup ?? null).toBeNull()
    expect(refused.errors.length).toBeGreaterThan(0)
  })

  it('shows the worker’s schedule and jobs, one state at a time', async () => {
    await page.click('.el-tabs__item:has-text("后台任务")')
    await page.waitForSelector('[data-test=job-schedule] .el-table__row:has-text("points.expire"):has-text("1 小时")')
    await page.waitForSelector('[data-test=job-table] .el-table__row')
    await screenshot(page, '57-settings-jobs')
    await page.click('[data-test=job-state-filter]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '失败' }).click()
    await page.waitForURL(/tab=jobs/)
    await page.waitForSelector('[data-test=job-table] .el-table__empty-text, [data-test=job-table] .el-table__row:has-text("失败")')
    const states = await page.locator('[data-test=job-table] .el-table__row .el-tag').allTextContents()
    expect(states.every((state) => state === '失败')).toBe(true)
  })

  it('speaks English on the settings panels after a language switch', async () => {
    await page.click('[data-test=locale-switch]')
    await page.click('.el-dropdown-menu__item[data-locale=en]')
    await page.click('.el-tabs__item:has-text("Tiers")')
    await page.waitForSelector('[data-test=tier-table] .el-table__row:has-text("Last 365 days")')
    await page.click('.el-tabs__item:has-text("Coupon templates")')
    await page.waitForSelector('[data-test=coupon-template-table] .el-table__row:has-text("15 days from issue")')
    await screenshot(page, '58-settings-coupons-en')
    await page.click('[data-test=locale-switch]')
    await page.click('.el-dropdown-menu__item[data-locale=zh-CN]')
    await page.waitForSelector('.el-tabs__item:has-text("会员等级")')
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
