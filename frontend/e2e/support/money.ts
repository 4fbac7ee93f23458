/**
 * Money set up as HQ through the API for pages that add money up by store (settlement, liability):
 * fresh stores, so their figures are exact beside the demo brand's; members with new cards; and
 * recharges and purchases at chosen stores, below every bonus rule so cards hold principal only.
 */
import { expect } from 'vitest'

import { graphql } from './api'
import { PASSWORD } from './console'

export interface SetupStore {
  id: string
  code: string
  name: string
}

export class MoneySetup {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  private call<T>(query: string, variables: object = {}): Promise<T> {
    return graphql<T>(this.url, query, variables, this.token)
  }

  /** The demo brand's EAST region and STD (stored-value) card type. */
  async demo(): Promise<{ regionId: string; cardTypeId: string }> {
    const { regions, cardTypes } = await this.call<{ regions: { id: string; code: string }[]; cardTypes: { id: string; code: string }[] }>(
      '{ regions { id code } cardTypes { id code } }',
    )
    const east = regions.find((region) => region.code === 'EAST')
    const standard = cardTypes.find((type) => type.code === 'STD')
    if (!east || !standard) throw new Error('the demo brand has no EAST region or STD card type')
    return { regionId: east.id, cardTypeId: standard.id }
  }

  async openStore(code: string, name: string, regionId: string): Promise<SetupStore> {
    const { createStore } = await this.call<{ createStore: { store: SetupStore | null; errors: unknown[] } }>(
      'mutation ($code: String!, $name: String!, $regionId: ID!) { createStore(code: $code, name: $name, regionId: $regionId) { store { id code name } errors { code message } } }',
      { code, name, regionId },
    )
    expect(createStore.errors).toEqual([])
    if (!createStore.store) throw new Error(`store ${code} not created`)
    return createStore.store
  }

  /** A new member of `home` with a new stored-value card: no money from before on it. */
  async newCard(home: SetupStore, cardTypeId: string, name: string): Promise<string> {
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    const { createMember } = await this.call<{ createMember: { member: { id: string } | null; errors: unknown[] } }>(
      'mutation ($input: CreateMemberInput!) { createMember(input: $input) { member { id } errors { code message } } }',
      { input: { name, phone, homeStoreId: home.id } },
    )
    expect(createMember.errors).toEqual([])
    const { issueCard } = await this.call<{ issueCard: { card: { cardNo: string } | null; errors: unknown[] } }>(
      'mutation ($input: IssueCardInput!) { issueCard(input: $input) { card { cardNo } errors { code message } } }',
      { input: { memberId: createMember.member?.id, cardTypeId } },
    )
    expect(issueCard.errors).toEqual([])
    if (!issueCard.card) throw new Error('card not issued')
    return issueCard.card.cardNo
  }

  /** A recharge at `store`, below every bonus rule: principal only. */
  async recharge(cardNo: string, amount: string, store: SetupStore): Promise<void> {
    const { recharge } = await this.call<{ recharge: { errors: unknown[] } }>(
      'mutation ($input: RechargeInput!) { recharge(input: $input) { errors { code message } } }',
      { input: { cardNo, amount, storeId: store.id, idempotencyKey: `e2e-r-${cardNo}-${store.code}-${amount}` } },
    )
    expect(recharge.errors).toEqual([])
  }

  /** A purchase at `store` paid wholly from the card's principal. */
  async spend(cardNo: string, amount: string, store: SetupStore): Promise<void> {
    const { consume } = await this.call<{ consume: { breakdown: { paidPrincipal: string } | null; errors: unknown[] } }>(
      'mutation ($input: ConsumeInput!) { consume(input: $input) { breakdown { paidPrincipal } errors { code message } } }',
      { input: { cardNo, amount, storeId: store.id, idempotencyKey: `e2e-c-${cardNo}-${store.code}-${amount}` } },
    )
    expect(consume.errors).toEqual([])
    expect(consume.breakdown?.paidPrincipal).toBe(amount)
  }

  /** A STORE account of `store`, signing in with the e2e password. */
  async clerk(username: string, store: SetupStore, displayName: string): Promise<void> {
    const { createStaff } = await this.call<{ createStaff: { errors: unknown[] } }>(
      'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { errors { code message } } }',
      { input: { username, password: PASSWORD, scope: { role: 'STORE', storeId: store.id }, displayName } },
    )
    expect(createStaff.errors).toEqual([])
  }
}
