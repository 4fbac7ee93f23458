/**
 * A member's privacy rights on the member page: HQ downloads everything held about a fresh member
 * as JSON (the access right), then anonymizes them with a reason (the deletion right) and sees
 * 已注销会员 and the anonymized status; a member with an open card is refused in the dialog, in the
 * server's words, and stays as they were; a store clerk is offered neither action.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, login } from './support/api'
import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { saved, screenshot, signIn, signOut } from './support/console'

interface SetupMember {
  id: string
  memberNo: string
  name: string
  phone: string
}

interface MemberState {
  name: string
  status: string
  phone: string
}

let backend: Backend
let browser: Browser
let page: Page
let base: string
let hqToken: string
let fresh: SetupMember
let carded: SetupMember
const pageErrors: string[] = []

/** A mobile number no demo member has: 139 and eight digits from the clock and chance. */
function newPhone(): string {
  const digits = `${Date.now() % 10_000}${Math.floor(Math.random() * 10_000)}`.padStart(8, '0').slice(-8)
  return `139${digits}`
}

async function createMember(name: string, homeStoreId: string): Promise<SetupMember> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const data = await graphql<{
      createMember: { member: SetupMember | null; errors: { code: string; message: string }[] }
    }>(
      base,
      'mutation ($input: CreateMemberInput!) { createMember(input: $input) { member { id memberNo name phone } errors { code message } } }',
      { input: { name, phone: newPhone(), homeStoreId } },
      hqToken,
    )
    if (data.createMember.member) return data.createMember.member
    if (!data.createMember.errors.some((error) => error.code === 'DUPLICATE_PHONE')) {
      throw new Error(`cannot create ${name}: ${JSON.stringify(data.createMember.errors)}`)
    }
  }
  throw new Error(`no free phone number for ${name}`)
}

async function memberState(id: string): Promise<MemberState> {
  const data = await graphql<{ node: MemberState }>(base, 'query ($id: ID!) { node(id: $id) { ... on Member { name status phone } } }', { id }, hqToken)
  return data.node
}

async function openMember(member: SetupMember): Promise<void> {
  await page.goto(`${base}/admin/members/${member.id}`)
  await page.waitForSelector(`[data-test=member-name]:has-text("${member.memberNo}")`)
  await page.waitForSelector('[data-test=member-profile]')
}

async function openAnonymize(): Promise<void> {
  await page.click('[data-test=member-anonymize]')
  await page.waitForSelector('[data-test=anonymize-dialog]:visible')
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
  hqToken = await login(base, 'hq.admin')
  const { stores, cardTypes } = await graphql<{
    stores: { id: string; code: string }[]
    cardTypes: { id: string; storesValue: boolean; requiresPin: boolean }[]
  }>(base, '{ stores { id code } cardTypes { id storesValue requiresPin } }', {}, hqToken)
  const store = stores.find((s) => s.code === 'SH001')
  if (!store) throw new Error('no store SH001')
  fresh = await createMember('隐私测试甲', store.id)
  carded = await createMember('隐私测试乙', store.id)
  const cardType = cardTypes.find((type) => !type.requiresPin) ?? cardTypes[0]
  if (!cardType) throw new Error('no card type')
  const issued = await graphql<{ issueCard: { card: { status: string } | null; errors: unknown[] } }>(
    base,
    'mutation ($input: IssueCardInput!) { issueCard(input: $input) { card { status } errors { code message } } }',
    { input: { memberId: carded.id, cardTypeId: cardType.id, ...(cardType.requiresPin ? { pin: '135790' } : {}) } },
    hqToken,
  )
  expect(issued.issueCard.errors).toEqual([])
  expect(issued.issueCard.card?.status).toBe('ACTIVE')
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

describe('a member’s privacy rights on the member page', () => {
  it('lets HQ download everything held about the member as JSON', async () => {
    await signIn(page, base, 'hq.admin')
    await openMember(fresh)
    await page.waitForSelector('[data-test=member-export]:has-text("导出个人数据")')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=member-export]')])
    await page.waitForSelector('[data-test=member-export]:not(.is-loading)')
    expect(download.suggestedFilename()).toBe(`member-${fresh.memberNo}.json`)
    const data = JSON.parse((await saved(download)).toString('utf8')) as { member: { member_no: string; name: string; phone: string } }
    expect(data.member).toMatchObject({ member_no: fresh.memberNo, name: fresh.name, phone: fresh.phone })
    await screenshot(page, '90-member-privacy-actions')
  })

  it('anonymizes the member with a reason, keeping the number', async () => {
    await openAnonymize()
    const explained = (await page.textContent('[data-test=anonymize-dialog]')) ?? ''
    expect(explained).toContain(fresh.memberNo)
    expect(await page.textContent('[data-test=anonymize-erased]')).toContain('手机号')
    expect(await page.textContent('[data-test=anonymize-kept]')).toContain('会员号')

    await page.click('[data-test=anonymize-submit]')
    await page.waitForSelector('[data-test=anonymize-dialog] .el-form-item__error:has-text("请填写匿名化的原因")')
    await page.fill('[data-test=anonymize-reason]', '会员书面申请删除个人信息')
    await screenshot(page, '91-member-anonymize-dialog')
    await page.click('[data-test=anonymize-submit]')
    await closeMessages()
    await page.waitForSelector('[data-test=anonymize-dialog]', { state: 'hidden' })

    await page.waitForSelector('[data-test=member-name]:has-text("已注销会员")')
    expect(await page.textContent('[data-test=member-name]')).toContain(fresh.memberNo)
    expect((await page.textContent('[data-test=member-status]'))?.trim()).toBe('已匿名化')
    expect((await page.textContent('[data-test=member-phone]'))?.trim()).toBe('—')
    expect(await page.locator('[data-test=member-anonymize]').count()).toBe(0)
    expect(await page.locator('[data-test=member-edit]').count()).toBe(0)
    expect(await memberState(fresh.id)).toMatchObject({ name: '已注销会员', status: 'ANONYMIZED', phone: '' })
    await screenshot(page, '92-member-anonymized')
  })

  it('refuses a member who holds a card, in the dialog, and changes nothing', async () => {
    await openMember(carded)
    await openAnonymize()
    await page.fill('[data-test=anonymize-reason]', '会员申请注销')
    await page.click('[data-test=anonymize-submit]')
    await page.waitForSelector('[data-test=anonymize-error]')
    const refusal = (await page.textContent('[data-test=anonymize-error]')) ?? ''
    expect(refusal).toContain('无法匿名化该会员')
    expect(refusal).toContain('该会员仍有未注销的会员卡')
    await screenshot(page, '93-member-anonymize-refused')

    await page.click('[data-test=anonymize-dialog] button:has-text("取消")')
    await page.waitForSelector('[data-test=anonymize-dialog]', { state: 'hidden' })
    expect(await page.textContent('[data-test=member-name]')).toContain(carded.name)
    expect(await page.locator('[data-test=member-status]').count()).toBe(0)
    expect(await memberState(carded.id)).toMatchObject({ name: carded.name, status: 'ACTIVE', phone: carded.phone })
  })

  it('offers a store clerk neither action', async () => {
    await signOut(page)
    await signIn(page, base, 'sh001.clerk')
    await openMember(carded)
    await page.waitForSelector('[data-test=member-cards]')
    expect(await page.locator('[data-test=member-export]').count()).toBe(0)
    expect(await page.locator('[data-test=member-anonymize]').count()).toBe(0)
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
