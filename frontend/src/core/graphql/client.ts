/**
 * The urql client: POST /graphql with the staff's bearer token, subscriptions over graphql-ws on
 * the same origin, and one hook that notices an expired session wherever the API says so — in a
 * query's answer, or as the websocket's 4403 close when the session behind it ends.
 *
 * A store tablet's websocket must survive Wi-Fi drops and server restarts: every close other than
 * 4403 is retried, forever, with a capped backoff; graphql-ws re-subscribes by itself, and pages
 * learn of each reconnection (`onLive`) to refetch what they may have missed meanwhile.
 *
 * Queries go as POST, not GET: member lookups carry phone numbers, which must not end up in URLs
 * and access logs.
 */
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core'
import { createClient as createWsClient } from 'graphql-ws'

import { signalsUnauthenticated } from './errors'

/** The live connection: idle without subscriptions, else live, or retrying after a loss. */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting'

export interface ApiClientOptions {
  /** The page's location; the websocket URL follows it (ws: for http:, wss: for https:). */
  location: Pick<Location, 'protocol' | 'host'>
  token: () => string | null
  onUnauthenticated: () => void
  /** The live connection's state; `reconnected` is true when it came back after a loss. */
  onLive?: (state: LiveState, reconnected: boolean) => void
}

export const GRAPHQL_PATH = '/graphql'

/** The server's close code for a bad token or an ended session (strawberry's and Tessera's). */
export const SESSION_CLOSE_CODE = 4403

const RETRY_CAP_MS = 15_000

/**
 * How long to wait before reconnection attempt `retries` (from 0): doubling from one second up to
 * fifteen, plus up to a second of jitter so that a store's tablets do not all knock at once after
 * the server restarts.
 */
export function retryDelay(retries: number, random: () => number = Math.random): number {
  return Math.min(1000 * 2 ** retries, RETRY_CAP_MS) + Math.floor(random() * 1000)
}

function closeCode(event: unknown): number | null {
  return event !== null && typeof event === 'object' && 'code' in event && typeof event.code === 'number'
    ? event.code
    : null
}

/** Every lost connection is worth retrying except one the server closed because the session is over. */
export function shouldReconnect(event: unknown): boolean {
  return closeCode(event) !== SESSION_CLOSE_CODE
}

/** The websocket endpoint on the page's own origin, so a proxy or TLS in front needs no setting. */
export function websocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`
}

export function bearer(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** A client and the means to close its websocket when the session it belongs to ends. */
export interface ApiClient {
  client: Client
  dispose: () => void
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const onLive = options.onLive ?? (() => {})
  let lost = false
  const ws = createWsClient({
    url: websocketUrl(options.location),
    lazy: true,
    connectionParams: () => bearer(options.token()),
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((wake) => setTimeout(wake, retryDelay(retries))),
    shouldRetry: shouldReconnect,
    on: {
      connecting: () => onLive(lost ? 'reconnecting' : 'connecting', false),
      connected: () => {
        onLive('live', lost)
        lost = false
      },
      closed: (event) => {
        const code = closeCode(event)
        if (code === SESSION_CLOSE_CODE) {
          onLive('idle', false)
          options.onUnauthenticated()
          return
        }
        lost = code !== 1000
        onLive(lost ? 'reconnecting' : 'idle', false)
      },
    },
  })
  const client = new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    fetchOptions: () => ({
      headers: { accept: 'application/graphql-response+json, application/json', ...bearer(options.token()) },
    }),
    exchanges: [
      mapExchange({
        onResult(result) {
          if (signalsUnauthenticated(result.data, result.error)) options.onUnauthenticated()
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' }
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) }
            },
          }
        },
      }),
    ],
  })
  return { client, dispose: () => void ws.dispose() }
}
