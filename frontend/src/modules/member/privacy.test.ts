import { CombinedError } from '@urql/core'
import { describe, expect, it } from 'vitest'

import { downloadUrl } from '@/core/download/download'
import type { Translator, UserErrorLike } from '@/core/graphql/errors'
import commonZh from '@/core/i18n/zh-CN'
import type { Grantee } from '@/core/session/access'

import memberZh from './locales/zh-CN'
import { checkAnonymize, explainAnonymize, memberExport, privacyActions, REASON_MAX, type PrivacyMember } from './privacy'

const hq: Grantee = { role: 'HQ', permissions: ['MANAGE_MEMBERS', 'EXPORT', 'ANONYMIZE_MEMBERS'] }
const region: Grantee = { role: 'REGION', permissions: ['MANAGE_MEMBERS', 'EXPORT'] }
const clerk: Grantee = { role: 'STORE', permissions: ['MANAGE_MEMBERS', 'RECHARGE', 'CARD_OPS'] }
const withheldHq: Grantee = { role: 'HQ', permissions: ['MANAGE_MEMBERS', 'EXPORT'] }

const active: PrivacyMember = { status: 'ACTIVE', view: 'FULL' }
const deactivated: PrivacyMember = { status: 'DEACTIVATED', view: 'FULL' }
const anonymized: PrivacyMember = { status: 'ANONYMIZED', view: 'FULL' }
const masked: PrivacyMember = { status: 'ACTIVE', view: 'MASKED' }

describe('memberExport', () => {
  it('downloads /exports/member for the member’s number, saved as the server names it', () => {
    const request = memberExport('M00001234')
    expect(downloadUrl(request)).toBe('/exports/member?memberNo=M00001234')
    expect(request.fallbackName).toBe('member-M00001234.json')
  })

  it('encodes a number with characters a URL reserves', () => {
    expect(downloadUrl(memberExport('A&B 1'))).toBe('/exports/member?memberNo=A%26B+1')
  })
})

describe('privacyActions', () => {
  it('offers HQ both, for an active or deactivated member', () => {
    expect(privacyActions(hq, active)).toEqual({ exportData: true, anonymize: true })
    expect(privacyActions(hq, deactivated)).toEqual({ exportData: true, anonymize: true })
  })

  it('offers no second anonymization, but still the export (the ledger and number remain)', () => {
    expect(privacyActions(hq, anonymized)).toEqual({ exportData: true, anonymize: false })
  })

  it('offers the export with EXPORT alone, and anonymization only with ANONYMIZE_MEMBERS', () => {
    expect(privacyActions(region, active)).toEqual({ exportData: true, anonymize: false })
    expect(privacyActions(withheldHq, active)).toEqual({ exportData: true, anonymize: false })
  })

  it('offers a clerk and a signed-out page neither', () => {
    expect(privacyActions(clerk, active)).toEqual({ exportData: false, anonymize: false })
    expect(privacyActions(clerk, masked)).toEqual({ exportData: false, anonymize: false })
    expect(privacyActions(null, active)).toEqual({ exportData: false, anonymize: false })
  })

  it('offers no export of a member the viewer sees masked (the server refuses it)', () => {
    expect(privacyActions({ role: 'STORE', permissions: ['EXPORT'] }, masked).exportData).toBe(false)
  })
})

describe('checkAnonymize', () => {
  it('sends the reason trimmed', () => {
    expect(checkAnonymize('TWVtYmVyOjE=', '  会员来信要求删除个人信息 ')).toEqual({
      ok: true,
      variables: { id: 'TWVtYmVyOjE=', reason: '会员来信要求删除个人信息' },
    })
  })

  it('requires a reason', () => {
    expect(checkAnonymize('x', '')).toEqual({ ok: false, problem: 'required' })
    expect(checkAnonymize('x', ' \n\t ')).toEqual({ ok: false, problem: 'required' })
  })

  it('takes at most the server’s length, counted in characters', () => {
    expect(checkAnonymize('x', '删'.repeat(REASON_MAX)).ok).toBe(true)
    expect(checkAnonymize('x', '删'.repeat(REASON_MAX + 1))).toEqual({ ok: false, problem: 'tooLong' })
  })
})

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages)
}
const zh = { ...commonZh, member: memberZh } as Record<string, unknown>
const i18n: Translator = {
  t: (key) => {
    const text = lookup(zh, key)
    return typeof text === 'string' ? text : key
  },
  te: (key) => typeof lookup(zh, key) === 'string',
}

const OPEN_CARDS = "Cancel the member's cards first (a card's stored value is paid back as it is cancelled)."

function refused(...errors: UserErrorLike[]) {
  return { member: null, errors }
}

describe('explainAnonymize', () => {
  it('is null once the member is anonymized', () => {
    expect(explainAnonymize(undefined, { member: { id: '1' }, errors: [] }, i18n)).toBeNull()
  })

  it('words what stands in the way (cards, points) in the console’s words for its reason', () => {
    const cards = refused({ field: ['id'], code: 'INVALID', message: OPEN_CARDS, reason: 'MEMBER_HAS_OPEN_CARDS' })
    const points = refused({ field: ['id'], code: 'INVALID', message: 'points left', reason: 'MEMBER_HOLDS_POINTS' })
    expect(explainAnonymize(undefined, cards, i18n)).toEqual({ general: [commonZh.errors.reason.MEMBER_HAS_OPEN_CARDS], reason: '' })
    expect(explainAnonymize(undefined, points, i18n)).toEqual({ general: [commonZh.errors.reason.MEMBER_HOLDS_POINTS], reason: '' })
  })

  it('shows a refusal on the member without a reason as the server words it', () => {
    const messages = explainAnonymize(undefined, refused({ field: ['id'], code: 'INVALID', message: OPEN_CARDS }), i18n)
    expect(messages).toEqual({ general: [OPEN_CARDS], reason: '' })
  })

  it('puts a refused reason beside the field, in the console’s words', () => {
    const messages = explainAnonymize(undefined, refused({ field: ['reason'], code: 'INVALID', message: 'reason is required' }), i18n)
    expect(messages).toEqual({ general: [], reason: memberZh.anonymize.invalid.reason })
  })

  it('words other refusals and failed requests as the console does', () => {
    expect(explainAnonymize(undefined, refused({ field: null, code: 'PERMISSION_DENIED', message: 'nope' }), i18n)).toEqual({
      general: ['您没有权限进行此操作。'],
      reason: '',
    })
    expect(explainAnonymize(new CombinedError({ networkError: new Error('offline') }), undefined, i18n)?.general).toEqual([
      '无法连接服务器，请检查网络后重试。',
    ])
    expect(explainAnonymize(undefined, { member: null, errors: [] }, i18n)?.general).toEqual(['系统出现意外错误，请稍后重试。'])
  })
})
