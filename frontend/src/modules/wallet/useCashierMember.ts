/**
 * The member at the till: found by whatever the cashier typed or scanned, refreshed from every
 * operation's payload (which carries the member with balances after it), kept current by the
 * `balanceChanged` subscription while shown (another tablet's recharge shows here at once), and
 * cleared for the next customer. After the live connection comes back from a loss the member is
 * refetched: events sent meanwhile were not queued for this tablet.
 */
import { useClientHandle } from '@urql/vue'
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'

import { apiClient, live } from '@/core/graphql/api'
import { classifyFailure, type Failure } from '@/core/graphql/errors'

import { tillCard } from './cards'
import { applyBalanceEvent, type BalanceEvent } from './liveBalance'
import { lookupKeys, type LookupMode } from './lookup'
import { CashierBalanceDocument, CashierLookupDocument, type CashierMemberFragment } from './wallet.generated'

export function useCashierMember(onEvent: (event: BalanceEvent) => void = () => {}) {
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

  /** The shown member again from the server, keeping the card the cashier chose. */
  async function refresh(): Promise<void> {
    const shown = member.value
    if (!shown) return
    searching.value = true
    try {
      const result = await client
        .query(CashierLookupDocument, { phone: null, cardNo: null, memberNo: shown.memberNo }, { requestPolicy: 'network-only' })
        .toPromise()
      const found = result.data?.memberLookup
      if (found && member.value?.id === found.id) show(found)
    } finally {
      searching.value = false
    }
  }

  function clear(): void {
    member.value = null
    cardNo.value = null
    failure.value = null
    notFound.value = false
  }

  const card = computed(() => member.value?.cards.find((c) => c.cardNo === cardNo.value) ?? null)

  function received(event: BalanceEvent): void {
    const current = member.value
    if (!current) return
    const next = applyBalanceEvent(current, event)
    if (next) show(next)
    else void refresh()
    onEvent(event)
  }

  const memberId = computed(() => member.value?.id ?? null)
  let stop: (() => void) | null = null
  watch(
    [memberId, apiClient],
    ([id, current]) => {
      stop?.()
      stop = null
      if (!id) return
      const subscription = current.subscription(CashierBalanceDocument, { memberId: id }).subscribe((result) => {
        const event = result.data?.balanceChanged
        if (event) received(event)
      })
      stop = () => subscription.unsubscribe()
    },
    { immediate: true },
  )
  watch(
    () => live.reconnections,
    () => void refresh(),
  )
  onScopeDispose(() => stop?.())

  return { member, card, cardNo, searching, failure, notFound, lookup, refresh, show, clear, live }
}
