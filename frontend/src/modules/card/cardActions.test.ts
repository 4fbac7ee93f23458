import { describe, expect, it } from 'vitest'

import type { Permission } from '@/generated/schema'

import {
  actionsFor,
  checkAction,
  checkIssue,
  emptyActionForm,
  emptyIssueForm,
  holdsValue,
  type ActionCard,
} from './cardActions'

const clerk: Permission[] = ['MANAGE_MEMBERS', 'RECHARGE', 'REFUND', 'CARD_OPS']
const region: Permission[] = ['MANAGE_MEMBERS', 'CARD_OPS', 'EXPORT']
const viewer: Permission[] = ['MANAGE_MEMBERS']

function card(status: ActionCard['status'], total = '0.00', parentCardNo: string | null = null): ActionCard {
  return { cardNo: '880012345678', status, parentCardNo, cardType: { storesValue: true }, balance: { total } }
}

describe('actionsFor', () => {
  it('offers what each status allows', () => {
    expect(actionsFor(card('ACTIVE'), clerk)).toEqual(['reportLost', 'freeze', 'replace', 'cancel'])
    expect(actionsFor(card('LOST'), clerk)).toEqual(['cancelLoss', 'replace', 'cancel'])
    expect(actionsFor(card('FROZEN'), clerk)).toEqual(['reportLost', 'unfreeze', 'replace', 'cancel'])
    expect(actionsFor(card('CANCELLED'), clerk)).toEqual([])
  })

  it('offers nothing without CARD_OPS', () => {
    expect(actionsFor(card('ACTIVE'), viewer)).toEqual([])
  })
})

describe('holdsValue', () => {
  it("counts a stored-value card's own money, not a subsidiary card's view of its parent's", () => {
    expect(holdsValue(card('ACTIVE', '12.00'))).toBe(true)
    expect(holdsValue(card('ACTIVE', '0.00'))).toBe(false)
    expect(holdsValue(card('ACTIVE', '12.00', 'PARENT1'))).toBe(false)
    expect(holdsValue({ ...card('ACTIVE', '12.00'), cardType: { storesValue: false } })).toBe(false)
  })
})

describe('checkAction', () => {
  it('needs a reason where the card history records one, and trims it', () => {
    expect(checkAction('freeze', card('ACTIVE'), emptyActionForm(null), clerk)).toEqual({
      ok: false,
      problems: { reason: 'required' },
    })
    expect(checkAction('freeze', card('ACTIVE'), { ...emptyActionForm(null), reason: ' 会员要求 ' }, clerk)).toEqual({
      ok: true,
      variables: { cardNo: '880012345678', reason: '会员要求' },
    })
    expect(checkAction('unfreeze', card('FROZEN'), emptyActionForm(null), clerk)).toEqual({
      ok: true,
      variables: { cardNo: '880012345678' },
    })
  })

  it('refuses an over-long reason', () => {
    const form = { ...emptyActionForm(null), reason: 'x'.repeat(256) }

    expect(checkAction('reportLost', card('ACTIVE'), form, clerk)).toEqual({ ok: false, problems: { reason: 'tooLong' } })
  })

  it('takes a new number for a replacement, or leaves it to the server', () => {
    const form = { ...emptyActionForm(null), reason: '卡片损坏' }

    expect(checkAction('replace', card('LOST'), { ...form, newCardNo: ' ab12345 ' }, clerk)).toEqual({
      ok: true,
      variables: { cardNo: '880012345678', reason: '卡片损坏', newCardNo: 'AB12345' },
    })
    expect(checkAction('replace', card('LOST'), form, clerk)).toEqual({
      ok: true,
      variables: { cardNo: '880012345678', reason: '卡片损坏', newCardNo: null },
    })
    expect(checkAction('replace', card('LOST'), { ...form, newCardNo: '12-34' }, clerk)).toEqual({
      ok: false,
      problems: { newCardNo: 'cardNo' },
    })
  })

  it('cancels an empty card without paying anything out', () => {
    const form = { ...emptyActionForm(null), reason: '会员销户' }

    expect(checkAction('cancel', card('ACTIVE'), form, region)).toEqual({
      ok: true,
      variables: { cardNo: '880012345678', reason: '会员销户', refundBalance: false, storeId: null },
    })
  })

  it('cancels a card holding value only by paying out its principal at a store, which needs REFUND', () => {
    const holding = card('ACTIVE', '88.00')
    const form = { ...emptyActionForm('store-1'), reason: '会员销户' }

    expect(checkAction('cancel', holding, form, region)).toEqual({ ok: false, problems: { refundBalance: 'refundDenied' } })
    expect(checkAction('cancel', holding, form, clerk)).toEqual({ ok: false, problems: { refundBalance: 'refundRequired' } })
    expect(checkAction('cancel', holding, { ...form, refundBalance: true, storeId: null }, clerk)).toEqual({
      ok: false,
      problems: { storeId: 'required' },
    })
    expect(checkAction('cancel', holding, { ...form, refundBalance: true }, clerk)).toEqual({
      ok: true,
      variables: { cardNo: '880012345678', reason: '会员销户', refundBalance: true, storeId: 'store-1' },
    })
  })
})

describe('checkIssue', () => {
  const plain = { id: 'type-1', kind: 'PERSONAL', requiresPin: false }
  const pinned = { id: 'type-2', kind: 'PERSONAL', requiresPin: true }
  const subsidiary = { id: 'type-3', kind: 'SUBSIDIARY', requiresPin: false }

  it('lets the server number the card when none is typed', () => {
    expect(checkIssue('m1', { ...emptyIssueForm(), cardTypeId: 'type-1' }, plain)).toEqual({
      ok: true,
      input: { memberId: 'm1', cardTypeId: 'type-1', cardNo: null, parentCardNo: null, pin: null },
    })
  })

  it('needs a type, a well-formed number, and a parent for a subsidiary card', () => {
    expect(checkIssue('m1', { ...emptyIssueForm(), cardNo: 'x' }, null)).toEqual({
      ok: false,
      problems: { cardTypeId: 'required', cardNo: 'cardNo' },
    })
    expect(checkIssue('m1', { ...emptyIssueForm(), cardTypeId: 'type-3' }, subsidiary)).toEqual({
      ok: false,
      problems: { parentCardNo: 'required' },
    })
    expect(checkIssue('m1', { ...emptyIssueForm(), cardTypeId: 'type-3', parentCardNo: 'p12345' }, subsidiary)).toEqual({
      ok: true,
      input: { memberId: 'm1', cardTypeId: 'type-3', cardNo: null, parentCardNo: 'P12345', pin: null },
    })
  })

  it('needs a six-digit PIN typed twice the same when the type asks for one', () => {
    const form = { ...emptyIssueForm(), cardTypeId: 'type-2' }

    expect(checkIssue('m1', form, pinned)).toEqual({ ok: false, problems: { pin: 'required' } })
    expect(checkIssue('m1', { ...form, pin: '12345' }, pinned)).toEqual({ ok: false, problems: { pin: 'pin' } })
    expect(checkIssue('m1', { ...form, pin: '123456', pinAgain: '123465' }, pinned)).toEqual({
      ok: false,
      problems: { pinAgain: 'pinMismatch' },
    })
    expect(checkIssue('m1', { ...form, pin: '123456', pinAgain: '123456' }, pinned)).toEqual({
      ok: true,
      input: { memberId: 'm1', cardTypeId: 'type-2', cardNo: null, parentCardNo: null, pin: '123456' },
    })
  })
})
