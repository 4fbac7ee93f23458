import { useRouter } from 'vue-router'

import { mayEnter } from '@/core/session/access'
import { session } from '@/core/session/session'

/** Whether the signed-in account may open a named route: links to pages it can't use are hidden. */
export function useMayEnter(): (name: string) => boolean {
  const router = useRouter()
  return (name) => router.hasRoute(name) && mayEnter(router.resolve({ name }).meta, session.staff)
}
