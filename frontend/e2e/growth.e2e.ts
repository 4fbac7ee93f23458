/**
 * Growth, as HQ: a segment built in the rule builder (its live count, a problem shown beside its
 * condition), saved; a campaign to it through the wizard (a step refusing to go on while
 * incomplete), launched after a confirmation, its deliveries (to named members) and results, the
 * lists' totals as the server counts them; a tag; care (a complaint
 * moved along its workflow, a follow-up recorded, upcoming birthdays); then a store clerk, who
 * sees neither HQ's segment nor its campaign, and may not start one or create a tag.
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

const SEGMENT = '女性高消费会员'
const CAMPAIGN = '女神节回馈'
const TAG = '新品尝鲜客'

beforeAll(async () => {
  ;[backend, browser] = await Promise.all([startBackend(), launchBrowser()])
  page = browser.context.pages()[0] ?? (await browser.context.newPage())
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

async function pick(select: string, option: string): Promise<void> {
  await page.click(select)
  await page.click(`.el-select-dropdown:visible .el-select-dropdown__item:has-text("${option}")`)
}

/** The total the list's pager shows ("共 N 条"), once it equals what the server counts for HQ. */
async function pagerTotalMatches(connection: 'segments' | 'campaigns'): Promise<void> {
  const token = await login(backend.url, 'hq.admin')
  const data = await graphql<Record<string, { totalCount: number }>>(backend.url, `{ ${connection}(first: 1) { totalCount } }`, {}, token)
  const total = data[connection]?.totalCount ?? 0
  expect(total).toBeGreaterThan(0)
  await page.waitForSelector(`[data-test=pager]:has-text("共 ${total} 条")`)
}

async function count(): Promise<number> {
  await page.waitForSelector('[data-test=segment-count][data-counting=false]')
  return Number(await page.textContent('[data-test=segment-count]'))
}

describe('growth', () => {
  it('builds a segment with a live count and saves it', async () => {
    await signIn(page, backend.url, 'hq.admin')
    await page.click('[data-test=menu-segments]')
    await page.click('[data-test=segment-new]')
    await page.waitForSelector('[data-test=segment-builder]')

    await pick('[data-test=rule-condition]:nth-child(1) [data-test=rule-values]', '女')
    await page.keyboard.press('Escape')
    const women = await count()
    expect(women).toBeGreaterThan(0)
    expect(await page.locator('[data-test=segment-sample] .el-table__row').count()).toBeGreaterThan(0)

    await page.click('[data-test=rule-add-condition]')
    const second = page.locator('[data-test=rule-condition]').nth(1)
    await second.locator('[data-test=rule-key]').click()
    await page.click('.el-select-dropdown:visible .el-select-dropdown__item:has-text("年龄")')
    await second.locator('[data-test=rule-min]').fill('60')
    await second.locator('[data-test=rule-max]').fill('20')
    await second.locator('[data-test=rule-error]:has-text("最小值不能大于最大值")').waitFor()
    await second.locator('[data-test=rule-max]').fill('')
    await second.locator('[data-test=rule-min]').fill('0')
    const withAge = await count()
    expect(withAge).toBeLessThanOrEqual(women)
    await screenshot(page, '60-segment-builder')

    await page.fill('[data-test=segment-name]', SEGMENT)
    await page.click('[data-test=segment-save]')
    const row = `[data-test=segment-table] .el-table__row:has-text("${SEGMENT}")`
    await page.waitForSelector(row)
    expect(await page.textContent(row)).toContain(String(withAge))
    await pagerTotalMatches('segments')
    await screenshot(page, '61-segments')

    await page.click(`${row} [data-test=segment-edit]`)
    await page.waitForSelector('[data-test=rule-condition]:nth-child(1) [data-test=rule-values] .el-tag:has-text("女")')
    expect(await page.inputValue('[data-test=segment-name]')).toBe(SEGMENT)
    expect(await count()).toBe(withAge)
  })

  it('creates a campaign to it through the wizard, changes the draft and launches it', async () => {
    await page.click('[data-test=menu-campaigns]')
    await page.click('[data-test=campaign-new]')
    await page.waitForSelector('[data-test=campaign-wizard]')
    await page.click('[data-test=campaign-next]')
    await page.waitForSelector('[data-test=campaign-wizard] .el-form-item__error:has-text("请选择目标人群")')

    await page.fill('[data-test=campaign-name]', '女神节')
    await pick('[data-test=campaign-segment]', SEGMENT)
    await page.click('[data-test=campaign-next]')
    await page.fill('[data-test=campaign-body-0]', '{name}您好，{phone}')
    await page.click('[data-test=campaign-next]')
    await page.waitForSelector('[data-test=campaign-wizard] .el-form-item__error:has-text("只能使用变量")')
    await page.fill('[data-test=campaign-body-0]', '{name}您好，{store}为{tier}会员准备了节日礼物')
    await page.fill('[data-test=campaign-reward-points] input', '20')
    await page.keyboard.press('Tab')
    await page.click('[data-test=campaign-next]')
    await page.click('[data-test=campaign-add-variant]')
    await page.fill('[data-test=campaign-holdout] input', '10')
    await page.keyboard.press('Tab')
    await screenshot(page, '62-campaign-wizard-split')
    await page.click('[data-test=campaign-next]')
    await page.waitForSelector('[data-test=campaign-quiet]')
    await page.click('[data-test=campaign-save]')

    await page.waitForSelector('[data-test=campaign-detail] [data-test=campaign-status]:has-text("草稿")')
    await page.click('[data-test=campaign-edit]')
    await page.waitForSelector('[data-test=campaign-wizard]')
    expect(await page.inputValue('[data-test=campaign-name]')).toBe('女神节')
    await page.fill('[data-test=campaign-name]', CAMPAIGN)
    for (let step = 0; step < 3; step += 1) await page.click('[data-test=campaign-next]')
    await page.click('[data-test=campaign-save]')
    await page.waitForSelector(`[data-test=campaign-detail] h2:has-text("${CAMPAIGN}")`)
    await page.click('[data-test=campaign-detail] [data-test=campaign-launch]')
    await page.click('.el-message-box__btns button:has-text("启动")')
    await page.locator('[data-test=campaign-detail] [data-test=campaign-status]', { hasText: /进行中|已结束/ }).waitFor()
    expect(await page.textContent('[data-test=campaign-variants]')).toContain('45%')
    expect(await page.textContent('[data-test=campaign-detail] .el-descriptions')).toContain('20 积分')
  })

  it('shows its deliveries, results and place in the list', async () => {
    await page.click('.el-tabs__item:has-text("发送记录")')
    // The server's worker reaches the segment in the background: refresh until its rows show.
    const rows = page.locator('[data-test=delivery-table] .el-table__row')
    const deadline = Date.now() + 150_000
    while ((await rows.count()) === 0 && Date.now() < deadline) {
      await page.click('[data-test=delivery-refresh]')
      await page.waitForTimeout(1000)
    }
    expect(await rows.count()).toBeGreaterThan(0)
    expect(await page.textContent('[data-test=delivery-table]')).toMatch(/待发送|已发送|已跳过/)
    const total = Number((await page.textContent('.cursor-pager__total'))?.match(/共 (\d+) 条/)?.[1])
    expect(total).toBeGreaterThanOrEqual(await rows.count())
    const [name, memberNo] = (await rows.first().locator('td').first().textContent())?.split(' · ') ?? []
    const token = await login(backend.url, 'hq.admin')
    const { memberLookup } = await graphql<{ memberLookup: { name: string } | null }>(
      backend.url,
      'query ($no: String!) { memberLookup(memberNo: $no) { name } }',
      { no: memberNo?.trim() ?? '' },
      token,
    )
    expect(memberLookup?.name).toBe(name?.trim())
    await screenshot(page, '63-campaign-deliveries')

    await page.click('.el-tabs__item:has-text("效果")')
    await page.waitForSelector('[data-test=campaign-results] .el-table__row:has-text("对照组")')
    await page.waitForSelector('[data-test=results-chart] canvas')
    await screenshot(page, '64-campaign-results')

    await page.click('[data-test=menu-campaigns]')
    const row = `[data-test=campaign-table] .el-table__row:has-text("${CAMPAIGN}")`
    // A one-shot campaign is done once it has reached its segment.
    await page.locator(`${row} [data-test=campaign-status]`, { hasText: /进行中|已结束/ }).waitFor()
    expect(await page.textContent(row)).toContain(SEGMENT)
    await pagerTotalMatches('campaigns')
    await screenshot(page, '65-campaigns')
  }, 240_000)

  it('creates a tag', async () => {
    await page.click('[data-test=menu-tags]')
    await page.click('[data-test=tag-new]')
    await page.fill('[data-test=tag-name]', '高净值')
    await page.click('[data-test=tag-save]')
    await page.waitForSelector('[data-test=tag-dialog] .el-form-item__error:has-text("已有同名的标签")')
    await page.fill('[data-test=tag-name]', TAG)
    await page.fill('[data-test=tag-description]', '储值余额高的会员')
    await page.click('[data-test=tag-save]')
    const tag = `[data-test=tag-table] .el-table__row:has-text("${TAG}")`
    await page.waitForSelector(tag)
    await page.click(`${tag} [data-test=tag-bind]`)
    await pick('[data-test=tag-bind-segment]', SEGMENT)
    await page.click('[data-test=tag-bind-save]')
    await page.waitForSelector(`${tag} [data-test=tag-automatic]:has-text("${SEGMENT}")`)
    await screenshot(page, '66-tags')
  })

  it('records a complaint, moves it along, records a follow-up and lists birthdays', async () => {
    const token = await login(backend.url, 'hq.admin')
    const { members } = await graphql<{ members: { edges: { node: { memberNo: string; name: string } }[] } }>(
      backend.url,
      '{ members(first: 1) { edges { node { memberNo name } } } }',
      {},
      token,
    )
    const member = members.edges[0]?.node
    if (!member) throw new Error('the demo brand has no member')

    await page.click('[data-test=menu-care]')
    await page.click('.el-tabs__item:has-text("意见与投诉")')
    await page.click('[data-test=feedback-new]')
    await page.click('[data-test=feedback-save]')
    await page.waitForSelector('[data-test=feedback-dialog] :text("请先找到会员")')
    await page.fill('[data-test=feedback-dialog] [data-test=care-member-lookup]', member.memberNo)
    await page.click('[data-test=feedback-dialog] [data-test=care-member-find]')
    await page.waitForSelector(`[data-test=feedback-dialog] [data-test=care-member]:has-text("${member.name}")`)
    await page.fill('[data-test=feedback-subject]', '收银排队太久')
    await page.click('[data-test=feedback-save]')
    const row = '[data-test=feedback-table] .el-table__row:has-text("收银排队太久")'
    await page.waitForSelector(`${row} [data-test=feedback-status]:has-text("待处理")`)
    await page.click(row)
    await page.fill('[data-test=feedback-comment]', '已联系门店店长')
    await page.click('[data-test=feedback-move-IN_PROGRESS]')
    await page.waitForSelector('[data-test=feedback-drawer] [data-test=feedback-status]:has-text("处理中")')
    await page.waitForSelector('[data-test=feedback-drawer] :text("已联系门店店长")')
    expect(await page.locator('[data-test=feedback-move-RESOLVED]').count()).toBe(1)
    expect(await page.locator('[data-test=feedback-move-OPEN]').count()).toBe(0)
    await screenshot(page, '67-care-feedback')
    await page.keyboard.press('Escape')

    await page.click('.el-tabs__item:has-text("回访记录")')
    await page.fill('[data-test=care-member-lookup]', member.memberNo)
    await page.click('[data-test=care-member-find]')
    await page.waitForSelector(`#pane-followUps [data-test=care-member]:has-text("${member.name}")`)
    await page.click('[data-test=follow-up-new]')
    await page.waitForSelector(`[data-test=follow-up-dialog] [data-test=care-member]:has-text("${member.name}")`)
    await page.fill('[data-test=follow-up-notes]', '会员反馈新品不错')
    // the next one planned for tomorrow: the list of follow-ups due by tomorrow has it, and counts them
    const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000))
    await page.fill('[data-test=follow-up-dialog] .el-form-item:has-text("下次回访") input', tomorrow)
    await page.keyboard.press('Tab')
    await page.click('[data-test=follow-up-save]')
    await page.waitForSelector('[data-test=follow-up-table] .el-table__row:has-text("会员反馈新品不错")')
    await page.fill('#pane-followUps .el-date-editor input', tomorrow)
    await page.keyboard.press('Tab')
    await page.waitForSelector(`#pane-followUps [data-test=follow-up-table] .el-table__row:has-text("${member.name}")`)
    expect(await page.textContent('#pane-followUps [data-test=pager]')).toMatch(/共 [1-9]\d* 条/)
    await screenshot(page, '68-care-follow-ups')

    await page.click('.el-tabs__item:has-text("生日与纪念日")')
    await page.waitForSelector('#pane-occasions :is([data-test=occasion-table], [data-state=empty])')
    await screenshot(page, '69-care-birthdays')
  })

  it("keeps a store clerk to the clerk's own segments and campaigns", async () => {
    await signOut(page)
    await signIn(page, backend.url, 'sh001.clerk')
    await page.click('[data-test=menu-segments]')
    await page.waitForSelector('[data-test=segment-new]')
    expect(await page.locator(`.el-table__row:has-text("${SEGMENT}")`).count()).toBe(0)

    await page.click('[data-test=menu-campaigns]')
    await page.waitForSelector('[data-test=campaign-local-off]')
    expect(await page.locator('[data-test=campaign-new]').count()).toBe(0)
    expect(await page.locator(`.el-table__row:has-text("${CAMPAIGN}")`).count()).toBe(0)
    await page.goto(`${backend.url}/admin/campaigns/new`)
    await page.waitForSelector('[data-test=campaign-wizard]')
    expect(await page.locator('[data-test=campaign-next]').count()).toBe(0)

    await page.click('[data-test=menu-tags]')
    await page.waitForSelector(`[data-test=tag-table] .el-table__row:has-text("${TAG}")`)
    expect(await page.locator('[data-test=tag-new]').count()).toBe(0)
    expect(await page.locator('[data-test=tag-delete]').count()).toBe(0)
    expect(await page.locator('[data-test=menu-settings]').count()).toBe(0)
  })

  it('speaks English on the growth pages after a language switch', async () => {
    await page.click('[data-test=locale-switch]')
    await page.click('.el-dropdown-menu__item[data-locale=en]')
    await page.click('[data-test=menu-segments]')
    await page.waitForSelector('[data-test=segment-new]:has-text("New segment")')
    await page.click('[data-test=menu-campaigns]')
    await page.waitForSelector('[data-test=campaign-local-off]:has-text("HQ has not allowed")')
    await page.click('[data-test=menu-care]')
    await page.waitForSelector('.el-tabs__item:has-text("Feedback & complaints")')
    await screenshot(page, '70-care-en')
    await page.click('[data-test=locale-switch]')
    await page.click('.el-dropdown-menu__item[data-locale=zh-CN]')
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
