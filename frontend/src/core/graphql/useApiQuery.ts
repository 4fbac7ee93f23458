/**
 * `useQuery` plus what every page shows around it: whether an answer has arrived, the failure to
 * explain (never the raw error), and a refetch that goes to the server.
 */
import { useQuery, type AnyVariables, type UseQueryArgs } from '@urql/vue'
import { computed } from 'vue'

import { classifyFailure } from './errors'

export function useApiQuery<Data, Variables extends AnyVariables>(args: UseQueryArgs<Data, Variables>) {
  const query = useQuery<Data, Variables>(args)
  const failure = computed(() => classifyFailure(query.error.value))
  const ready = computed(() => query.data.value !== undefined)
  const refetch = () => void query.executeQuery({ requestPolicy: 'network-only' })
  return { data: query.data, fetching: query.fetching, failure, ready, refetch }
}
