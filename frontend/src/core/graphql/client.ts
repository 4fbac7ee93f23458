/**
 * The urql client: POST /graphql with the staff's bearer token, subscriptions over graphql-ws on
 * the same origin, and one hook that notices an expired session wherever the API says so.
 *
 * Queries go as POST, not GET: member lookups carry phone numbers, which must not end up in URLs
 * and access logs.
 */
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core'
import { createClient as createWsClient } from 'graphql-ws'

import { signalsUnauthenticated } from './errors'

export interface ApiClientOptions {
  /** The page's location; the websocket URL follows it (ws: for http:, wss: for https:). */
  location: Pick<Location, 'protocol' | 'host'>
  token: () => string | null
  onUnauthenticated: () => void
}

export const GRAPHQL_PATH = '/graphql'

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
  const ws = createWsClient({
    url: websocketUrl(options.location),
    lazy: true,
    connectionParams: () => bearer(options.token()),
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
