/**
 * What staff can do to a card, as the API's rules say: each action starts from certain statuses
 * (server/card/services.py `_TRANSITIONS`), every one needs CARD_OPS, and paying out a cancelled
 * card's principal needs REFUND too. The menu offers only what would succeed; the forms are
 * checked here before anything is sent, and the server still decides.
 */
import type { CardStatus, Permission } from '@/generated/schema'

export const CARD_ACTIONS = ['reportLost', 'cancelLoss', 'freeze', 'unfreeze', 'replace', 'cancel'] as const

export type CardAction = (typeof CARD_ACTIONS)[number]

const STARTS_FROM: Record<CardAction, readonly CardStatus[]> = {
  reportLost: ['ACTIVE', 'FROZEN'],
  cancelLoss: ['LOST'],
  freeze: ['ACTIVE'],
  unfreeze: ['FROZEN'],
  replace: ['ACTIVE', 'LOST', 'FROZEN'],
  cancel: ['ACTIVE', 'LOST', 'FROZEN'],
}

/** Actions that record why: the reason goes to the card's history and the audit trail. */
export const REASONED: ReadonlySet<CardAction> = new Set(['reportLost', 'freeze', 'replace', 'cancel'])

const REASON_MAX = 255
const CARD_NO = /^[A-Za-z0-9]{4,32}$/
const PIN = /^\d{6}$/

export interface ActionCard {
  cardNo: string
  status: CardStatus
  parentCardNo: string | null
  cardType: { storesValue: boolean }
  balance: { total: string }
}

export function actionsFor(card: ActionCard, permissions: readonly Permission[]): CardAction[] {
  if (!permissions.includes('CARD_OPS')) return []
  return CARD_ACTIONS.filter((action) => STARTS_FROM[action].includes(card.status))
}

/** Whether cancelling the card must pay out stored value first (the server refuses otherwise). */
export function holdsValue(card: ActionCard): boolean {
  return card.cardType.storesValue && card.parentCardNo === null && card.balance.total !== '0.00'
}

export interface ActionForm {
  reason: string
  newCardNo: string
  refundBalance: boolean
  storeId: string | null
}

export function emptyActionForm(storeId: string | null): ActionForm {
  return { reason: '', newCardNo: '', refundBalance: false, storeId }
}

export type ActionProblem = 'required' | 'tooLong' | 'cardNo' | 'refundRequired' | 'refundDenied'

export interface ActionVariables {
  cardNo: string
  reason?: string
  newCardNo?: string | null
  refundBalance?: boolean
  storeId?: string | null
}

export type CheckedAction =
  | { ok: true; variables: ActionVariables }
  | { ok: false; problems: Partial<Record<keyof ActionForm, ActionProblem>> }

/**
 * The mutation's variables for an action, or what is wrong with the form. A card that still
 * holds value is cancelled only with its principal paid out (which needs REFUND and a store).
 */
export function checkAction(
  action: CardAction,
  card: ActionCard,
  form: ActionForm,
  permissions: readonly Permission[],
): CheckedAction {
  const problems: Partial<Record<keyof ActionForm, ActionProblem>> = {}
  const reason = form.reason.trim()
  if (REASONED.has(action)) {
    if (!reason) problems.reason = 'required'
    else if (reason.length > REASON_MAX) problems.reason = 'tooLong'
  }
  const newCardNo = form.newCardNo.trim()
  if (action === 'replace' && newCardNo && !CARD_NO.test(newCardNo)) problems.newCardNo = 'cardNo'
  const paysOut = action === 'cancel' && holdsValue(card)
  if (paysOut && !permissions.includes('REFUND')) problems.refundBalance = 'refundDenied'
  else if (paysOut && !form.refundBalance) problems.refundBalance = 'refundRequired'
  else if (paysOut && !form.storeId) problems.storeId = 'required'
  if (Object.keys(problems).length) return { ok: false, problems }

  const variables: ActionVariables = { cardNo: card.cardNo }
  if (REASONED.has(action)) variables.reason = reason
  if (action === 'replace') variables.newCardNo = newCardNo ? newCardNo.toUpperCase() : null
  if (action === 'cancel') {
    variables.refundBalance = paysOut
    variables.storeId = paysOut ? form.storeId : null
  }
  return { ok: true, variables }
}

export interface IssueType {
  id: string
  kind: string
  requiresPin: boolean
}

export interface IssueForm {
  cardTypeId: string | null
  cardNo: string
  parentCardNo: string
  pin: string
  pinAgain: string
}

export function emptyIssueForm(): IssueForm {
  return { cardTypeId: null, cardNo: '', parentCardNo: '', pin: '', pinAgain: '' }
}

export type IssueProblem = 'required' | 'cardNo' | 'pin' | 'pinMismatch'

export type CheckedIssue =
  | {
      ok: true
      input: { memberId: string; cardTypeId: string; cardNo: string | null; parentCardNo: string | null; pin: string | null }
    }
  | { ok: false; problems: Partial<Record<keyof IssueForm, IssueProblem>> }

/** The issueCard input: a number when typed (else the server makes one), a parent for a subsidiary card, a PIN typed twice. */
export function checkIssue(memberId: string, form: IssueForm, type: IssueType | null): CheckedIssue {
  const problems: Partial<Record<keyof IssueForm, IssueProblem>> = {}
  if (!type) problems.cardTypeId = 'required'
  const cardNo = form.cardNo.trim()
  if (cardNo && !CARD_NO.test(cardNo)) problems.cardNo = 'cardNo'
  const subsidiary = type?.kind === 'SUBSIDIARY'
  const parentCardNo = form.parentCardNo.trim()
  if (subsidiary && !parentCardNo) problems.parentCardNo = 'required'
  else if (subsidiary && !CARD_NO.test(parentCardNo)) problems.parentCardNo = 'cardNo'
  if (type?.requiresPin && !form.pin) problems.pin = 'required'
  else if (form.pin && !PIN.test(form.pin)) problems.pin = 'pin'
  else if (form.pin && form.pin !== form.pinAgain) problems.pinAgain = 'pinMismatch'
  if (!type || Object.keys(problems).length) return { ok: false, problems }
  return {
    ok: true,
    input: {
      memberId,
      cardTypeId: type.id,
      cardNo: cardNo ? cardNo.toUpperCase() : null,
      parentCardNo: subsidiary ? parentCardNo.toUpperCase() : null,
      pin: form.pin || null,
    },
  }
}
