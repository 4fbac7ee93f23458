import { computed } from 'vue'

import { useApiQuery } from '@/core/graphql/useApiQuery'

import { TiersDocument } from './tier.generated'

/** The brand's tiers, lowest first. */
export function useTiers() {
  const query = useApiQuery({ query: TiersDocument })
  return { ...query, tiers: computed(() => query.data.value?.tiers ?? []) }
}
