import { CombinedError } from '@urql/core'
import { describe, expect, it } from 'vitest'

import {
  classifyFailure,
  describeUserError,
  explainMutation,
  mapPayloadErrors,
  signalsUnauthenticated,
  type Translator,
  type UserErrorLike,
} from './errors'

function graphQLError(code: string, path?: (string | number)[]) {
  return { message: `raw ${code} message`, path, extensions: { code } }
}

describe('classifyFailure', () => {
  it('is null without an error', () => {
    expect(classifyFailure(undefined)).toBeNull()
  })

  it('reports a network failure', () => {
    expect(classifyFailure(new CombinedError({ networkError: new Error('offline') }))).toBe('network')
  })

  it('ignores a field the viewer may not see', () => {
    const error = new CombinedError({ graphQLErrors: [graphQLError('PERMISSION_DENIED', ['node', 'birthday'])] })

    expect(classifyFailure(error)).toBeNull()
  })

  it('fails on a root field that is denied', () => {
    const error = new CombinedError({ graphQLErrors: [graphQLError('PERMISSION_DENIED', ['staffMembers'])] })

    expect(classifyFailure(error)).toBe('permission')
  })

  it('puts an expired session before anything else', () => {
    const error = new CombinedError({
      graphQLErrors: [graphQLError('NOT_FOUND', ['node']), graphQLError('UNAUTHENTICATED', ['members'])],
    })

    expect(classifyFailure(error)).toBe('unauthenticated')
  })

  it.each([
    ['NOT_FOUND', 'notFound'],
    ['INVALID', 'invalid'],
    ['SOMETHING_NEW', 'unexpected'],
  ])('classifies %s as %s', (code, failure) => {
    expect(classifyFailure(new CombinedError({ graphQLErrors: [graphQLError(code, ['x'])] }))).toBe(failure)
  })

  it('treats an uncoded error (masked or a validation error) as unexpected', () => {
    expect(classifyFailure(new CombinedError({ graphQLErrors: [{ message: 'Unexpected error.' }] }))).toBe('unexpected')
  })
})

describe('signalsUnauthenticated', () => {
  it('sees a coded request error', () => {
    const error = new CombinedError({ graphQLErrors: [graphQLError('UNAUTHENTICATED', ['members'])] })

    expect(signalsUnauthenticated(null, error)).toBe(true)
  })

  it('sees an UNAUTHENTICATED error in a mutation payload', () => {
    const data = { recharge: { transfer: null, errors: [{ code: 'UNAUTHENTICATED', message: 'Sign in first.' }] } }

    expect(signalsUnauthenticated(data, undefined)).toBe(true)
  })

  it('ignores other payload errors and plain data', () => {
    const data = { login: { token: null, errors: [{ code: 'INVALID_CREDENTIALS', message: 'Wrong.' }] }, me: null }

    expect(signalsUnauthenticated(data, undefined)).toBe(false)
    expect(signalsUnauthenticated({ members: { totalCount: 3 } }, undefined)).toBe(false)
  })
})

describe('mapPayloadErrors', () => {
  const fields = ['name', 'phone', 'email'] as const

  it('puts each error beside its field and keeps the rest for the form', () => {
    const errors = [
      { field: ['phone'], code: 'DUPLICATE_PHONE' as const, message: 'Taken.' },
      { field: ['input', 'email'], code: 'INVALID' as const, message: 'Bad email.' },
      { field: ['homeStoreId'], code: 'PERMISSION_DENIED' as const, message: 'Not your store.' },
      { field: null, code: 'UNAUTHENTICATED' as const, message: 'Sign in first.' },
    ]

    const mapped = mapPayloadErrors(errors, fields)

    expect(mapped.fields).toEqual({ phone: errors[0], email: errors[1] })
    expect(mapped.general).toEqual([errors[2], errors[3]])
  })

  it('keeps the first error of a field', () => {
    const first = { field: ['name'], code: 'INVALID' as const, message: 'Required.' }
    const second = { field: ['name'], code: 'INVALID' as const, message: 'Too long.' }

    expect(mapPayloadErrors([first, second], fields)).toEqual({ fields: { name: first }, general: [] })
  })

  it('is empty for no errors', () => {
    expect(mapPayloadErrors([], fields)).toEqual({ fields: {}, general: [] })
  })
})

describe('describeUserError', () => {
  const messages: Record<string, string> = {
    'member.invalid.phone': '手机号格式不正确',
    'card.errors.code.DUPLICATE': '该卡号已被使用',
    'errors.code.DUPLICATE_PHONE': '该手机号已被其他会员使用',
    'errors.code.INVALID': '输入不正确',
    'errors.code.COUPON_NOT_USABLE': '该优惠券不可用',
    'errors.reason.COUPON_EXPIRED': '该优惠券已过期',
  }
  const i18n: Translator = { t: (key) => messages[key] ?? key, te: (key) => key in messages }

  it('says why by the reason where the API gives one it has a text for', () => {
    const expired: UserErrorLike = { field: ['couponCode'], code: 'COUPON_NOT_USABLE', message: 'The coupon has expired.' }

    expect(describeUserError({ ...expired, reason: 'COUPON_EXPIRED' }, i18n)).toBe('该优惠券已过期')
    expect(describeUserError({ ...expired, reason: 'COUPON_VOID' }, i18n)).toBe('该优惠券不可用')
    expect(describeUserError({ ...expired, reason: null }, i18n)).toBe('该优惠券不可用')
  })

  it("lets the screen's own text for a code win over the reason's", () => {
    const frozenParent: UserErrorLike = { field: ['parentCardNo'], code: 'CARD_NOT_ACTIVE', message: '…', reason: 'PARENT_CARD_FROZEN' }
    const texts: Record<string, string> = {
      'card.issue.errors.code.CARD_NOT_ACTIVE': '主卡不是正常状态，不能为其发副卡',
      'errors.reason.PARENT_CARD_FROZEN': '主卡已冻结，此副卡不能使用',
    }
    const own: Translator = { t: (key) => texts[key] ?? key, te: (key) => key in texts }

    expect(describeUserError(frozenParent, own, 'card.issue.errors')).toBe('主卡不是正常状态，不能为其发副卡')
    expect(describeUserError(frozenParent, own)).toBe('主卡已冻结，此副卡不能使用')
  })

  it('prefers the field-specific text for INVALID', () => {
    expect(describeUserError({ field: ['phone'], code: 'INVALID', message: 'Phone must be…' }, i18n, 'member')).toBe(
      '手机号格式不正确',
    )
  })

  it('falls back to the text for the code', () => {
    expect(describeUserError({ field: ['email'], code: 'INVALID', message: 'Bad.' }, i18n, 'member')).toBe('输入不正确')
    expect(describeUserError({ field: ['phone'], code: 'DUPLICATE_PHONE', message: 'Taken.' }, i18n)).toBe(
      '该手机号已被其他会员使用',
    )
  })

  it("prefers the scope's own text for a code", () => {
    expect(describeUserError({ field: ['cardNo'], code: 'DUPLICATE', message: 'Taken.' }, i18n, 'card.errors')).toBe(
      '该卡号已被使用',
    )
  })

  it("falls back to the server's message for a code it has no text for", () => {
    expect(describeUserError({ field: null, code: 'LIMIT_EXCEEDED', message: 'Over the daily limit.' }, i18n)).toBe(
      'Over the daily limit.',
    )
  })
})

describe('explainMutation', () => {
  const messages: Record<string, string> = {
    'failure.network': '无法连接服务器',
    'failure.unexpected': '系统出现意外错误',
    'card.errors.invalid.newCardNo': '新卡号格式不正确',
    'errors.code.NOT_FOUND': '找不到该记录',
  }
  const i18n: Translator = { t: (key) => messages[key] ?? key, te: (key) => key in messages }

  it('is null when the mutation went through', () => {
    expect(explainMutation(undefined, { errors: [] }, ['reason'], i18n)).toBeNull()
  })

  it('says the request failed as a whole, or that no payload came', () => {
    expect(explainMutation(new CombinedError({ networkError: new Error('offline') }), null, ['reason'], i18n)).toEqual({
      fields: {},
      general: ['无法连接服务器'],
    })
    expect(explainMutation(undefined, undefined, ['reason'], i18n)).toEqual({ fields: {}, general: ['系统出现意外错误'] })
  })

  it("puts each payload error beside its field or above the form, in the scope's words", () => {
    const errors = [
      { field: ['newCardNo'], code: 'INVALID' as const, message: 'Bad number.' },
      { field: null, code: 'NOT_FOUND' as const, message: 'No card.' },
    ]

    expect(explainMutation(undefined, { errors }, ['reason', 'newCardNo'], i18n, 'card.errors')).toEqual({
      fields: { newCardNo: '新卡号格式不正确' },
      general: ['找不到该记录'],
    })
  })
})
