/**
 * Care's rules, as the server applies them (server/care/feedback.py, follow_ups.py): where
 * feedback may move next, and the follow-up form checked before it is sent.
 */
import { businessDate } from '@/core/datetime'
import type { ContactChannel, FeedbackKind, FeedbackStatus, FollowUpOutcome, RecordFollowUpInput } from '@/generated/schema'

export const CHANNELS: readonly ContactChannel[] = ['PHONE', 'WECHAT', 'IN_STORE', 'SMS', 'OTHER']
export const OUTCOMES: readonly FollowUpOutcome[] = ['REACHED', 'NO_ANSWER', 'CALLBACK_REQUESTED', 'DECLINED', 'OTHER']
export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['COMPLAINT', 'FEEDBACK', 'SUGGESTION', 'PRAISE']
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']

/**
 *     OPEN ──▶ IN_PROGRESS ──▶ RESOLVED ──▶ CLOSED
 *                   └─────────────────────▶ CLOSED
 *     RESOLVED ──▶ OPEN  and  CLOSED ──▶ OPEN   (reopened)
 */
const NEXT: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  OPEN: ['IN_PROGRESS'],
  IN_PROGRESS: ['RESOLVED', 'CLOSED'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: ['OPEN'],
}

/** The statuses feedback may move to from `status`. */
export function nextStatuses(status: FeedbackStatus): readonly FeedbackStatus[] {
  return NEXT[status]
}

export interface FollowUpForm {
  memberId: string | null
  channel: ContactChannel
  outcome: FollowUpOutcome
  /** ISO instant with offset, or null for now. */
  visitedAt: string | null
  notes: string
  /** YYYY-MM-DD or null. */
  nextFollowUpOn: string | null
}

export function emptyFollowUpForm(memberId: string | null = null): FollowUpForm {
  return { memberId, channel: 'PHONE', outcome: 'REACHED', visitedAt: null, notes: '', nextFollowUpOn: null }
}

export type CareProblem = 'member' | 'tooLong' | 'nextAfterVisit' | 'required'

export function checkFollowUp(
  form: FollowUpForm,
  now: Date = new Date(),
): { ok: true; input: RecordFollowUpInput } | { ok: false; problems: Partial<Record<keyof FollowUpForm, CareProblem>> } {
  const problems: Partial<Record<keyof FollowUpForm, CareProblem>> = {}
  if (!form.memberId) problems.memberId = 'member'
  if (form.notes.trim().length > 2000) problems.notes = 'tooLong'
  const visitDay = businessDate(form.visitedAt ?? now.toISOString())
  if (form.nextFollowUpOn && form.nextFollowUpOn <= visitDay) problems.nextFollowUpOn = 'nextAfterVisit'
  if (Object.keys(problems).length || !form.memberId) return { ok: false, problems }
  return {
    ok: true,
    input: {
      memberId: form.memberId,
      channel: form.channel,
      outcome: form.outcome,
      visitedAt: form.visitedAt,
      notes: form.notes.trim() || null,
      nextFollowUpOn: form.nextFollowUpOn,
    },
  }
}
