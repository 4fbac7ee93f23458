/**
 * The application's one API client, replaced whenever the signed-in account changes so that no
 * cached answer of one account is ever shown to the next (a clerk signing in after HQ on the same
 * tablet must not see HQ's member list from the cache).
 */
import { reactive, shallowRef } from 'vue'

import { session } from '@/core/session/session'

import { createApiClient, type ApiClient, type LiveState } from './client'

let expiredHandler: () => void = () => {}

/**
 * The live connection as pages show it: its state, and a count of reconnections after a loss
 * (watch it to refetch what may have changed while the connection was down).
 */
export const live = reactive<{ state: LiveState; reconnections: number }>({ state: 'idle', reconnections: 0 })

function build(): ApiClient {
  return createApiClient({
    location: window.location,
    token: () => session.token,
    onUnauthenticated: () => expiredHandler(),
    onLive: (state, reconnected) => {
      live.state = state
      if (reconnected) live.reconnections += 1
    },
  })
}

let current = build()

export const apiClient = shallowRef(current.client)

/** A fresh client and cache; the old websocket is closed. */
export function renewApiClient(): void {
  current.dispose()
  current = build()
  apiClient.value = current.client
}

/**
 * Tells the console the session is over, as the client does when the API says so: for answers
 * that do not come through the client (a file download refused with UNAUTHENTICATED).
 */
export function sessionExpired(): void {
  expiredHandler()
}

/** What to do when the API says the session is over (set once, by the router setup). */
export function onSessionExpired(handler: () => void): void {
  expiredHandler = handler
}
