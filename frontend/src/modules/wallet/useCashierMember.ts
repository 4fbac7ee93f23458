/**
 * The member at the till: found by whatever the cashier typed or scanned, refreshed from every
 * operation's payload (which carries the member with balances after it), and cleared for the
 * next customer.
 */
import { useClientHandle } from '@urql/vue'
import { computed, ref, shallowRef } from 'vue'

import { classifyFailure, type Failure } from '@/core/graphql/errors'

import { tillCard } from './cards'
import { lookupKeys, type LookupMode } from './lookup'
import { CashierLookupDocument, type CashierMemberFragment } from './wallet.generated'

export function useCashierMember() {
  const { client } = useClientHandle()
  const member = shallowRef<CashierMemberFragment | null>(null)
  const cardNo = ref<string | null>(null)
  const searching = ref(false)
  const failure = ref<Failure | null>(null)
  const notFound = ref(false)

  function show(found: CashierMemberFragment, scannedCardNo?: string | null): void {
    member.value = found
    const keep = found.cards.some((card) => card.cardNo === cardNo.value) ? cardNo.value : null
    cardNo.value = tillCard(found.cards, scannedCardNo ?? keep)?.cardNo ?? null
  }

  async function lookup(text: string, mode: LookupMode): Promise<void> {
    failure.value = null
    notFound.value = false
    searching.value = true
    try {
      for (const key of lookupKeys(text, mode)) {
        const result = await client
          .query(CashierLookupDocument, { phone: null, cardNo: null, memberNo: null, ...key }, { requestPolicy: 'network-only' })
          .toPromise()
        failure.value = classifyFailure(result.error)
        if (failure.value) return
        const found = result.data?.memberLookup
        if (found) {
          cardNo.value = null
          show(found, 'cardNo' in key ? key.cardNo : null)
          return
        }
      }
      member.value = null
      notFound.value = true
    } finally {
      searching.value = false
    }
  }

  async function refresh(): Promise<void> {
    if (member.value) await lookup(member.value.memberNo, 'memberNo')
  }

  function clear(): void {
    member.value = null
    cardNo.value = null
    failure.value = null
    notFound.value = false
  }

  const card = computed(() => member.value?.cards.find((c) => c.cardNo === cardNo.value) ?? null)

  return { member, card, cardNo, searching, failure, notFound, lookup, refresh, show, clear }
}
