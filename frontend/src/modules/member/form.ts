/**
 * The member form: what a person types, checked before it is sent (so an obvious typo never costs
 * a round trip), and turned into the API's inputs. The server still validates everything; its
 * typed errors land beside the same fields (see mapPayloadErrors).
 *
 * A masked member (a clerk's view) shows `138****5678` in the phone field; the update sends only
 * fields that changed, so the masked text is never sent back as a new phone number.
 */
import type { Channel, CreateMemberInput, Gender, UpdateMemberInput } from '@/generated/schema'

export interface MemberForm {
  name: string
  phone: string
  gender: Gender
  birthday: string | null
  anniversary: string | null
  email: string
  homeStoreId: string | null
  channel: Channel
  marketingConsent: boolean
}

export const MEMBER_FIELDS = [
  'name',
  'phone',
  'gender',
  'birthday',
  'anniversary',
  'email',
  'homeStoreId',
  'channel',
  'marketingConsent',
] as const satisfies readonly (keyof MemberForm)[]

export type MemberField = (typeof MEMBER_FIELDS)[number]

/** Fields a viewer with the MASKED view may not change (the server refuses them). */
export const FULL_VIEW_FIELDS: readonly MemberField[] = ['phone', 'email', 'birthday', 'anniversary']

export type FormProblem = 'required' | 'tooLong' | 'phone' | 'email'

const NAME_MAX = 100
const MAINLAND_MOBILE = /^1\d{10}$/
const E164 = /^\+[1-9]\d{6,14}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function emptyMemberForm(homeStoreId: string | null): MemberForm {
  return {
    name: '',
    phone: '',
    gender: 'UNKNOWN',
    birthday: null,
    anniversary: null,
    email: '',
    homeStoreId,
    channel: 'STORE',
    marketingConsent: false,
  }
}

/** Spaces, dashes, dots and brackets people type inside phone numbers ("138-1234 5678"). */
export function compactPhone(text: string): string {
  return text.replace(/[\s\-().]/g, '')
}

export function isPhone(text: string): boolean {
  const phone = compactPhone(text)
  return MAINLAND_MOBILE.test(phone) || E164.test(phone)
}

export interface ValidationOptions {
  /** Only fields that will be sent are checked (an edit of a masked member skips the phone). */
  fields?: readonly MemberField[]
  /** HQ and region staff must choose the home store; a clerk's is their own. */
  storeRequired: boolean
}

export function validateMemberForm(
  form: MemberForm,
  options: ValidationOptions,
): Partial<Record<MemberField, FormProblem>> {
  const checked = new Set(options.fields ?? MEMBER_FIELDS)
  const problems: Partial<Record<MemberField, FormProblem>> = {}
  const name = form.name.trim()
  if (checked.has('name')) {
    if (name === '') problems.name = 'required'
    else if (name.length > NAME_MAX) problems.name = 'tooLong'
  }
  if (checked.has('phone')) {
    if (form.phone.trim() === '') problems.phone = 'required'
    else if (!isPhone(form.phone)) problems.phone = 'phone'
  }
  if (checked.has('email') && form.email.trim() !== '' && !EMAIL.test(form.email.trim())) problems.email = 'email'
  if (checked.has('homeStoreId') && options.storeRequired && !form.homeStoreId) problems.homeStoreId = 'required'
  return problems
}

export function createMemberInput(form: MemberForm): CreateMemberInput {
  return {
    name: form.name.trim(),
    phone: compactPhone(form.phone),
    gender: form.gender,
    birthday: form.birthday || null,
    anniversary: form.anniversary || null,
    email: form.email.trim() || null,
    homeStoreId: form.homeStoreId,
    channel: form.channel,
    marketingConsent: form.marketingConsent,
  }
}

/** The fields that changed, in API form; omitted fields stay as they are on the server. */
export function updateMemberInput(original: MemberForm, form: MemberForm): UpdateMemberInput {
  const input: UpdateMemberInput = {}
  if (form.name.trim() !== original.name.trim()) input.name = form.name.trim()
  if (compactPhone(form.phone) !== compactPhone(original.phone)) input.phone = compactPhone(form.phone)
  if (form.gender !== original.gender) input.gender = form.gender
  if ((form.birthday || null) !== (original.birthday || null)) input.birthday = form.birthday || null
  if ((form.anniversary || null) !== (original.anniversary || null)) input.anniversary = form.anniversary || null
  if (form.email.trim() !== original.email.trim()) input.email = form.email.trim()
  if (form.homeStoreId !== original.homeStoreId && form.homeStoreId) input.homeStoreId = form.homeStoreId
  if (form.marketingConsent !== original.marketingConsent) input.marketingConsent = form.marketingConsent
  return input
}

/** The fields an update would send, to validate only those. */
export function changedFields(input: UpdateMemberInput): MemberField[] {
  return MEMBER_FIELDS.filter((field) => field in input)
}
