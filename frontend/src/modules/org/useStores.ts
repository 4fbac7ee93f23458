import { computed } from 'vue'

import { useApiQuery } from '@/core/graphql/useApiQuery'
import { session } from '@/core/session/session'

import { StoresDocument } from './org.generated'
import { storesInScope } from './scope'

/** The signed-in account's active stores, for filters and store pickers. */
export function useScopedStores() {
  const query = useApiQuery({ query: StoresDocument })
  const stores = computed(() => {
    const all = query.data.value?.stores ?? []
    return session.staff ? storesInScope(all, session.staff) : []
  })
  return { ...query, stores }
}
