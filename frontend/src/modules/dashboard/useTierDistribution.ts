/**
 * Members per tier in the viewer's scope. The API has no aggregate for it yet, so this asks the
 * members connection for its totalCount once per tier (a handful of small queries, run together).
 */
import { useClientHandle } from '@urql/vue'
import { ref, shallowRef, watch } from 'vue'

import { classifyFailure, type Failure } from '@/core/graphql/errors'
import { useTiers } from '@/modules/tier/useTiers'

import { MemberCountDocument } from './dashboard.generated'

export interface TierShare {
  name: string
  count: number
}

export function useTierDistribution() {
  const { client } = useClientHandle()
  const tierQuery = useTiers()
  const shares = shallowRef<TierShare[]>([])
  const ready = ref(false)
  const failure = ref<Failure | null>(null)

  async function count(): Promise<void> {
    const results = await Promise.all(
      tierQuery.tiers.value.map((tier) =>
        client
          .query(MemberCountDocument, { filter: { tierIds: [tier.id] } }, { requestPolicy: 'network-only' })
          .toPromise(),
      ),
    )
    failure.value = results.map((result) => classifyFailure(result.error)).find((f) => f !== null) ?? null
    shares.value = tierQuery.tiers.value.map((tier, index) => ({
      name: tier.name,
      count: results[index]?.data?.members.totalCount ?? 0,
    }))
    ready.value = true
  }

  watch(
    tierQuery.data,
    (data) => {
      if (data) void count()
    },
    { immediate: true },
  )
  watch(tierQuery.failure, (f) => {
    if (f) {
      failure.value = f
      ready.value = true
    }
  })

  return { shares, ready, failure, reload: tierQuery.refetch }
}
