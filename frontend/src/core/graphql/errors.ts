/**
 * How API failures reach people. A user never sees a raw GraphQL error: request-level failures are
 * classified into a handful of states a page can explain, and the typed `errors` of a mutation
 * payload are split into messages beside the form fields they concern and messages for the form
 * as a whole.
 */
import type { CombinedError } from '@urql/core'

import type { ErrorCode } from '@/generated/schema'

import type { UserErrorFieldsFragment } from './errors.generated'

export type UserErrorLike = Pick<UserErrorFieldsFragment, 'field' | 'code' | 'message'> &
  Partial<Pick<UserErrorFieldsFragment, 'reason'>>

/** What a page says when a request failed as a whole. */
export type Failure = 'network' | 'unauthenticated' | 'permission' | 'notFound' | 'invalid' | 'unexpected'

const FAILURE_BY_CODE: Partial<Record<string, Failure>> = {
  UNAUTHENTICATED: 'unauthenticated',
  PERMISSION_DENIED: 'permission',
  NOT_FOUND: 'notFound',
  INVALID: 'invalid',
}

function codeOf(error: { extensions?: Record<string, unknown> }): string | undefined {
  const code = error.extensions?.['code']
  return typeof code === 'string' ? code : undefined
}

/**
 * A field the viewer may not see (a masked member's birthday) comes back as null plus a
 * PERMISSION_DENIED entry whose path ends below the root field; the rest of the answer stands, so
 * such an entry does not fail the page.
 */
function isFieldDenial(error: CombinedError['graphQLErrors'][number]): boolean {
  return codeOf(error) === 'PERMISSION_DENIED' && (error.path?.length ?? 0) > 1
}

/** The failure a page must show for an urql error, or null when the answer is usable. */
export function classifyFailure(error: CombinedError | undefined): Failure | null {
  if (!error) return null
  if (error.networkError) return 'network'
  const blocking = error.graphQLErrors.filter((e) => !isFieldDenial(e))
  if (blocking.length === 0) return null
  const failures = blocking.map((e) => FAILURE_BY_CODE[codeOf(e) ?? ''] ?? 'unexpected')
  if (failures.includes('unauthenticated')) return 'unauthenticated'
  return failures[0] ?? 'unexpected'
}

/** Whether a result says the session is gone: a coded request error or a payload error. */
export function signalsUnauthenticated(data: unknown, error: CombinedError | undefined): boolean {
  if (error?.graphQLErrors.some((e) => codeOf(e) === 'UNAUTHENTICATED')) return true
  if (data === null || typeof data !== 'object') return false
  return Object.values(data).some((payload: unknown) => {
    if (payload === null || typeof payload !== 'object' || !('errors' in payload)) return false
    const errors = (payload as { errors: unknown }).errors
    return Array.isArray(errors) && errors.some((e: { code?: unknown }) => e?.code === 'UNAUTHENTICATED')
  })
}

export interface PayloadErrors<F extends string> {
  /** One error per form field, the first the API gave for it. */
  fields: Partial<Record<F, UserErrorLike>>
  /** Errors that concern no field of this form. */
  general: UserErrorLike[]
}

/**
 * Splits payload errors between the form's fields and the form as a whole. The API names a field
 * by its path (`["phone"]`, or `["input", "phone"]` for a nested input); the last segment that
 * names one of this form's fields wins.
 */
export function mapPayloadErrors<F extends string>(
  errors: readonly UserErrorLike[],
  formFields: readonly F[],
): PayloadErrors<F> {
  const result: PayloadErrors<F> = { fields: {}, general: [] }
  for (const error of errors) {
    const field = [...(error.field ?? [])].reverse().find((segment): segment is F => formFields.includes(segment as F))
    if (field !== undefined && result.fields[field] === undefined) result.fields[field] = error
    else if (field === undefined) result.general.push(error)
  }
  return result
}

export interface Translator {
  t: (key: string) => string
  te: (key: string) => boolean
}

/**
 * The message to show for a payload error: a field-specific text for INVALID
 * (`<scope>.invalid.<field>`), else the scope's own text for its code (`<scope>.code.<code>`: a
 * DUPLICATE card number reads better than a generic duplicate) — the screen knows its context
 * best —, else the text for its reason where the API gives one (which of a coupon's conditions
 * failed, what state a card is in: `errors.reason.<reason>`), else the text for its code, else the
 * server's own message (which is English and specific — better than nothing for a code this SPA
 * does not know yet).
 */
export function describeUserError(error: UserErrorLike, i18n: Translator, scope?: string): string {
  const field = error.field?.at(-1)
  if (error.code === 'INVALID' && scope && field) {
    const key = `${scope}.invalid.${field}`
    if (i18n.te(key)) return i18n.t(key)
  }
  if (scope && i18n.te(`${scope}.code.${error.code}`)) return i18n.t(`${scope}.code.${error.code}`)
  const byReason = `errors.reason.${error.reason}`
  if (error.reason && i18n.te(byReason)) return i18n.t(byReason)
  const byCode = `errors.code.${error.code satisfies ErrorCode}`
  return i18n.te(byCode) ? i18n.t(byCode) : error.message
}

/** What a form shows after a mutation was refused: messages beside its fields, and above it. */
export interface FormMessages<F extends string> {
  fields: Partial<Record<F, string>>
  general: string[]
}

/**
 * A mutation's answer as a form's messages, or null when it went through: a request that failed
 * as a whole becomes one general message (`failure.*`), payload errors are described (see
 * describeUserError) beside the form's fields or above them.
 */
export function explainMutation<F extends string>(
  error: CombinedError | undefined,
  payload: { errors: readonly UserErrorLike[] } | null | undefined,
  formFields: readonly F[],
  i18n: Translator,
  scope?: string,
): FormMessages<F> | null {
  const failure = classifyFailure(error)
  if (failure || !payload) return { fields: {}, general: [i18n.t(`failure.${failure ?? 'unexpected'}`)] }
  if (!payload.errors.length) return null
  const mapped = mapPayloadErrors(payload.errors, formFields)
  const fields: Partial<Record<F, string>> = {}
  for (const field of formFields) {
    const fieldError = mapped.fields[field]
    if (fieldError) fields[field] = describeUserError(fieldError, i18n, scope)
  }
  return { fields, general: mapped.general.map((generalError) => describeUserError(generalError, i18n, scope)) }
}
