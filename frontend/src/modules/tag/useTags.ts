import { computed } from 'vue'

import { useApiQuery } from '@/core/graphql/useApiQuery'

import { TagsDocument } from './tag.generated'

/** Every tag, by name. */
export function useTags() {
  const query = useApiQuery({ query: TagsDocument })
  return { ...query, tags: computed(() => query.data.value?.tags ?? []) }
}
