import { describe, expect, it } from 'vitest'

import { applyBalanceEvent, type BalanceEvent } from './liveBalance'
import type { CashierMemberFragment } from './wallet.generated'

type Card = CashierMemberFragment['cards'][number]

function card(cardNo: string, principal: string, bonus: string, parentCardNo: string | null = null): Card {
  const total = ((Number(principal.replace('.', '')) + Number(bonus.replace('.', ''))) / 100).toFixed(2)
  return {
    id: `card-${cardNo}`,
    cardNo,
    status: 'ACTIVE',
    issuedAt: '2026-01-01T00:00:00Z',
    pinLocked: false,
    parentCardNo,
    replacedByCardNo: null,
    cardType: { id: 't1', name: '储值卡', storesValue: true, requiresPin: false },
    balance: { principal, bonus, total },
  }
}

function member(cards: Card[], principal: string, bonus: string, total: string, points = 120): CashierMemberFragment {
  return {
    id: 'm1',
    memberNo: 'M0001',
    name: '王小明',
    phone: '138****5678',
    view: 'MASKED',
    status: 'ACTIVE',
    homeStore: { id: 's1', name: '上海一店' },
    tier: null,
    assets: { points, balance: { principal, bonus, total } },
    cards,
  }
}

function event(kind: BalanceEvent['kind'], cardNo: string | null, balance: BalanceEvent['balance'], points = 120): BalanceEvent {
  return {
    kind,
    card: cardNo ? { id: `card-${cardNo}`, cardNo, status: 'ACTIVE' } : null,
    balance,
    points,
    transferId: 'T1',
  }
}

describe('applyBalanceEvent', () => {
  it("sets the card's balance and points, and moves the member's totals by the card's change", () => {
    const before = member([card('A1', '100.00', '10.00'), card('B2', '50.00', '0.00')], '150.00', '10.00', '160.00')

    const after = applyBalanceEvent(
      before,
      event('RECHARGE', 'A1', { principal: '300.00', bonus: '30.00', total: '330.00' }, 150),
    )

    expect(after?.cards.map((c) => [c.cardNo, c.balance.total])).toEqual([
      ['A1', '330.00'],
      ['B2', '50.00'],
    ])
    expect(after?.assets).toEqual({ points: 150, balance: { principal: '350.00', bonus: '30.00', total: '380.00' } })
    expect(before.cards[0]?.balance.total).toBe('110.00')
  })

  it('moves a parent card and its subsidiary together: they spend one pool', () => {
    const before = member([card('P1', '100.00', '0.00'), card('S1', '100.00', '0.00', 'P1')], '100.00', '0.00', '100.00')

    const after = applyBalanceEvent(before, event('CONSUME', 'S1', { principal: '80.00', bonus: '0.00', total: '80.00' }))

    expect(after?.cards.map((c) => c.balance.total)).toEqual(['80.00', '80.00'])
    expect(after?.assets.balance.total).toBe('80.00')
  })

  it("leaves the totals alone when the pool is another member's card", () => {
    const before = member([card('S1', '500.00', '0.00', 'OTHER')], '0.00', '0.00', '0.00')

    const after = applyBalanceEvent(before, event('CONSUME', 'S1', { principal: '450.00', bonus: '0.00', total: '450.00' }))

    expect(after?.cards[0]?.balance.total).toBe('450.00')
    expect(after?.assets.balance).toEqual({ principal: '0.00', bonus: '0.00', total: '0.00' })
  })

  it('takes the points of a points-only event', () => {
    const before = member([card('A1', '1.00', '0.00')], '1.00', '0.00', '1.00', 10)

    const after = applyBalanceEvent(before, event('POINTS_ADJUSTED', null, null, 500))

    expect(after?.assets.points).toBe(500)
    expect(after?.cards).toEqual(before.cards)
  })

  it('asks for a refetch after a card operation or for a card the till does not know', () => {
    const before = member([card('A1', '1.00', '0.00')], '1.00', '0.00', '1.00')
    const balance = { principal: '1.00', bonus: '0.00', total: '1.00' }

    expect(applyBalanceEvent(before, event('CARD_REPLACED', 'A1', balance))).toBeNull()
    expect(applyBalanceEvent(before, event('RECHARGE', 'NEW9', balance))).toBeNull()
  })
})
