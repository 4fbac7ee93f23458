import { describe, expect, it } from 'vitest'

import { tillCard } from './cards'

const lost = { cardNo: 'A', status: 'LOST', cardType: { storesValue: true } }
const pointsOnly = { cardNo: 'B', status: 'ACTIVE', cardType: { storesValue: false } }
const stored = { cardNo: 'C', status: 'ACTIVE', cardType: { storesValue: true } }

describe('tillCard', () => {
  it('uses the scanned card, whatever its state (the till then says why it cannot pay)', () => {
    expect(tillCard([lost, stored], 'A')).toBe(lost)
  })

  it('otherwise picks the first active stored-value card', () => {
    expect(tillCard([lost, pointsOnly, stored])).toBe(stored)
  })

  it('falls back to any active card, then to any card', () => {
    expect(tillCard([lost, pointsOnly])).toBe(pointsOnly)
    expect(tillCard([lost])).toBe(lost)
    expect(tillCard([])).toBeNull()
  })

  it('ignores a scanned number that is not among the cards', () => {
    expect(tillCard([lost, stored], 'Z')).toBe(stored)
  })
})
