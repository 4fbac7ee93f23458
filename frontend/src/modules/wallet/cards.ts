/**
 * Which of a member's cards the till uses: the one that was scanned, else the first active card
 * that carries stored value — the card a member means when they say "use my card".
 */
interface TillCard {
  cardNo: string
  status: string
  cardType: { storesValue: boolean }
}

export function tillCard<C extends TillCard>(cards: readonly C[], scanned?: string | null): C | null {
  return (
    cards.find((card) => card.cardNo === scanned) ??
    cards.find((card) => card.status === 'ACTIVE' && card.cardType.storesValue) ??
    cards.find((card) => card.status === 'ACTIVE') ??
    cards[0] ??
    null
  )
}
