/**
 * A member's privacy rights on the member page (README, API conventions: the access right and the
 * deletion right):
 *
 * - 导出个人数据: `GET /exports/member?memberNo=…` (core/download) for staff with EXPORT who see
 *   the member in full — the server refuses a masked viewer, so the button is not offered to one.
 * - 匿名化: `anonymizeMember(id, reason)` for staff with ANONYMIZE_MEMBERS (HQ by default), not
 *   for a member already anonymized. The reason is required (audited); the server refuses while a
 *   card is open or points remain, naming what stands in the way in its `message` (INVALID on
 *   `id`), which the dialog shows as it is: the API gives no finer code for it.
 *
 * The server decides every call; this only keeps the page from offering what it would refuse.
 */
import type { CombinedError } from '@urql/core'

import type { DownloadRequest } from '@/core/download/download'
import { mayExport } from '@/core/download/exportMenu'
import { classifyFailure, describeUserError, type Translator, type UserErrorLike } from '@/core/graphql/errors'
import type { Grantee } from '@/core/session/access'
import type { MemberStatus, MemberView } from '@/generated/schema'

export const MEMBER_EXPORT_PATH = '/exports/member'

/** The download of everything held about a member; the fallback name is the one the server gives. */
export function memberExport(memberNo: string): DownloadRequest {
  return { path: MEMBER_EXPORT_PATH, params: { memberNo }, fallbackName: `member-${memberNo}.json` }
}

export interface PrivacyMember {
  status: MemberStatus
  view: MemberView
}

export interface PrivacyActions {
  /** 导出个人数据. */
  exportData: boolean
  /** 匿名化（删除个人信息）. */
  anonymize: boolean
}

/** Which of the privacy actions the page offers this staff for this member. */
export function privacyActions(staff: Grantee | null, member: PrivacyMember): PrivacyActions {
  return {
    exportData: mayExport(staff) && member.view === 'FULL',
    anonymize: (staff?.permissions.includes('ANONYMIZE_MEMBERS') ?? false) && member.status !== 'ANONYMIZED',
  }
}

/** The server's limit on the reason (server/member/privacy.py: clean_text max_length). */
export const REASON_MAX = 200

export type ReasonProblem = 'required' | 'tooLong'

export type CheckedAnonymize = { ok: true; variables: { id: string; reason: string } } | { ok: false; problem: ReasonProblem }

/** The mutation's variables, or what is wrong with the reason (blank, or longer than the server takes). */
export function checkAnonymize(id: string, reason: string): CheckedAnonymize {
  const trimmed = reason.trim()
  if (!trimmed) return { ok: false, problem: 'required' }
  if ([...trimmed].length > REASON_MAX) return { ok: false, problem: 'tooLong' }
  return { ok: true, variables: { id, reason: trimmed } }
}

/** What the dialog shows after a refusal: alerts above the form, a message beside the reason. */
export interface AnonymizeMessages {
  general: string[]
  reason: string
}

function lastField(error: UserErrorLike): string | undefined {
  return error.field?.at(-1)
}

/**
 * The dialog's messages for the mutation's answer, or null when the member was anonymized. A
 * request that failed as a whole reads as the console's `failure.*` text; an INVALID on `id` with a
 * reason (a card still open, points left) in the console's words for the reason, without one
 * (already anonymized) as the server's message; an error on
 * `reason` beside the field (the screen's own text for it under `member.anonymize.invalid`);
 * anything else in the console's words for its code.
 */
export function explainAnonymize(
  error: CombinedError | undefined,
  payload: { errors: readonly UserErrorLike[]; member?: unknown } | null | undefined,
  i18n: Translator,
): AnonymizeMessages | null {
  const failure = classifyFailure(error)
  if (failure || !payload) return { general: [i18n.t(`failure.${failure ?? 'unexpected'}`)], reason: '' }
  if (!payload.errors.length) return payload.member ? null : { general: [i18n.t('failure.unexpected')], reason: '' }
  const messages: AnonymizeMessages = { general: [], reason: '' }
  for (const refusal of payload.errors) {
    const field = lastField(refusal)
    if (field === 'reason') {
      messages.reason ||= describeUserError(refusal, i18n, 'member.anonymize')
    } else if (refusal.code === 'INVALID' && field === 'id' && refusal.message && !refusal.reason) {
      messages.general.push(refusal.message)
    } else {
      messages.general.push(describeUserError(refusal, i18n, 'member.anonymize'))
    }
  }
  return messages
}
