import { describe, expect, it } from 'vitest'

import {
  changedFields,
  createMemberInput,
  emptyMemberForm,
  isPhone,
  updateMemberInput,
  validateMemberForm,
  type MemberForm,
} from './form'

function form(changes: Partial<MemberForm> = {}): MemberForm {
  return { ...emptyMemberForm('U3RvcmU6MQ=='), name: '张三', phone: '13812345678', ...changes }
}

describe('isPhone', () => {
  it.each(['13812345678', '138-1234-5678', '138 1234 5678', '+8613812345678', '+85291234567', '+1 (415) 555-0100'])(
    'accepts %s',
    (phone) => {
      expect(isPhone(phone)).toBe(true)
    },
  )

  it.each(['', '1381234567', '23812345678', '138123456789', '+0123456789', '138****5678', 'phone'])(
    'refuses %j',
    (phone) => {
      expect(isPhone(phone)).toBe(false)
    },
  )
})

describe('validateMemberForm', () => {
  it('passes a complete form', () => {
    expect(validateMemberForm(form({ email: 'zhang@example.com' }), { storeRequired: true })).toEqual({})
  })

  it('names each problem by its field', () => {
    const problems = validateMemberForm(form({ name: '  ', phone: '12345', email: 'zhang@', homeStoreId: null }), {
      storeRequired: true,
    })

    expect(problems).toEqual({ name: 'required', phone: 'phone', email: 'email', homeStoreId: 'required' })
  })

  it('needs a phone and refuses a name over 100 characters', () => {
    expect(validateMemberForm(form({ name: '名'.repeat(101), phone: '' }), { storeRequired: false })).toEqual({
      name: 'tooLong',
      phone: 'required',
    })
  })

  it("does not ask a clerk for a home store: theirs is the default", () => {
    expect(validateMemberForm(form({ homeStoreId: null }), { storeRequired: false })).toEqual({})
  })

  it('checks only the fields an edit sends (a masked phone stays untouched)', () => {
    const masked = form({ phone: '138****5678', name: '' })

    expect(validateMemberForm(masked, { storeRequired: false, fields: ['name'] })).toEqual({ name: 'required' })
  })
})

describe('createMemberInput', () => {
  it('trims, compacts the phone and sends no empty optional values', () => {
    const input = createMemberInput(form({ name: ' 张三 ', phone: '138-1234-5678', email: '  ', birthday: '' }))

    expect(input).toEqual({
      name: '张三',
      phone: '13812345678',
      gender: 'UNKNOWN',
      birthday: null,
      anniversary: null,
      email: null,
      homeStoreId: 'U3RvcmU6MQ==',
      channel: 'STORE',
      marketingConsent: false,
    })
  })
})

describe('updateMemberInput', () => {
  const original = form({ phone: '138****5678', email: 'z***@example.com', birthday: null })

  it('sends nothing when nothing changed', () => {
    expect(updateMemberInput(original, { ...original })).toEqual({})
  })

  it('sends only what changed, never the masked phone', () => {
    const input = updateMemberInput(original, { ...original, name: '张三丰', gender: 'MALE', marketingConsent: true })

    expect(input).toEqual({ name: '张三丰', gender: 'MALE', marketingConsent: true })
    expect(changedFields(input)).toEqual(['name', 'gender', 'marketingConsent'])
  })

  it('clears an email with an empty string and a date with null', () => {
    const full = form({ email: 'zhang@example.com', birthday: '1990-05-17' })

    expect(updateMemberInput(full, { ...full, email: '', birthday: null })).toEqual({ email: '', birthday: null })
  })

  it('treats a re-typed phone in another format as unchanged', () => {
    const full = form()

    expect(updateMemberInput(full, { ...full, phone: '138 1234 5678' })).toEqual({})
  })
})
