/**
 * A member's transfers, newest first, a page at a time ("load more"): the ledger is append-only,
 * so pages already shown never change and only the next cursor is needed.
 */
import { useClientHandle } from '@urql/vue'
import { ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

import { classifyFailure, type Failure } from '@/core/graphql/errors'

import { MemberLedgerDocument, type TransferRowFragment } from './ledger.generated'

const PAGE_SIZE = 20

export function useMemberLedger(memberId: MaybeRefOrGetter<string | null>) {
  const { client } = useClientHandle()
  const rows = shallowRef<TransferRowFragment[]>([])
  const endCursor = ref<string | null>(null)
  const hasMore = ref(false)
  const loading = ref(false)
  const ready = ref(false)
  const failure = ref<Failure | null>(null)

  async function load(append: boolean): Promise<void> {
    const id = toValue(memberId)
    if (!id) return
    loading.value = true
    const result = await client
      .query(
        MemberLedgerDocument,
        { id, first: PAGE_SIZE, after: append ? endCursor.value : null },
        { requestPolicy: 'network-only' },
      )
      .toPromise()
    loading.value = false
    failure.value = classifyFailure(result.error)
    const node = result.data?.node
    if (failure.value || !node || !('ledger' in node)) {
      failure.value ??= 'notFound'
      return
    }
    const page = node.ledger.edges.map((edge) => edge.node)
    rows.value = append ? [...rows.value, ...page] : page
    endCursor.value = node.ledger.pageInfo.endCursor
    hasMore.value = node.ledger.pageInfo.hasNextPage
    ready.value = true
  }

  watch(() => toValue(memberId), () => void load(false), { immediate: true })

  return {
    rows,
    hasMore,
    loading,
    ready,
    failure,
    reload: () => load(false),
    loadMore: () => load(true),
  }
}
