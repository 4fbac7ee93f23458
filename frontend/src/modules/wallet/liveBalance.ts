/**
 * What a balance event does to the member shown at the till. The event carries the card's pool
 * (its own stored value, or its parent's for a subsidiary card) and the member's points after the
 * change; the till applies them at once, without a round trip. The member's asset totals move by
 * the pool's change, so principal and bonus stay exact (a pool that is another member's — a
 * subsidiary card on someone else's card — is not this member's asset).
 *
 * Card lifecycle events (issued, replaced, cancelled…) change which cards exist or what they can
 * do: those, and events about a card the till does not know, ask for a refetch instead.
 */
import { fenToMoney, moneyToFen } from '@/core/money'

import type { CashierBalanceSubscription, CashierMemberFragment } from './wallet.generated'

export type BalanceEvent = CashierBalanceSubscription['balanceChanged']

type Balance = CashierMemberFragment['assets']['balance']

const MONEY_KINDS = new Set(['RECHARGE', 'CONSUME', 'REFUND', 'POINTS_ADJUSTED', 'POINTS_REDEEMED', 'POINTS_EXPIRED'])

function shift(balance: Balance, before: Balance, after: Balance): Balance {
  const moved = (key: keyof Balance) =>
    fenToMoney(moneyToFen(balance[key]) + moneyToFen(after[key]) - moneyToFen(before[key]))
  return { principal: moved('principal'), bonus: moved('bonus'), total: moved('total') }
}

/** The member after the event, or null when only a refetch can tell. */
export function applyBalanceEvent(member: CashierMemberFragment, event: BalanceEvent): CashierMemberFragment | null {
  if (!MONEY_KINDS.has(event.kind)) return null
  if (!event.card || !event.balance) return { ...member, assets: { ...member.assets, points: event.points } }
  const card = member.cards.find((candidate) => candidate.cardNo === event.card?.cardNo)
  if (!card) return null
  const pool = card.parentCardNo ?? card.cardNo
  const owner = member.cards.find((candidate) => candidate.cardNo === pool)
  const after = event.balance
  return {
    ...member,
    assets: {
      points: event.points,
      balance: owner ? shift(member.assets.balance, owner.balance, after) : member.assets.balance,
    },
    cards: member.cards.map((candidate) =>
      candidate.cardNo === pool || candidate.parentCardNo === pool ? { ...candidate, balance: { ...after } } : candidate,
    ),
  }
}
