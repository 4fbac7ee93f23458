/**
 * GraphiQL (React) inside the Vue console. Everything it needs comes from this bundle: the Monaco
 * editor's workers are Vite workers (`graphiql/setup-workers/vite`), the styles are imported here.
 * Requests go to the same /graphql the console uses, subscriptions over the same graphql-ws
 * protocol, both with the account's bearer token.
 */
import 'graphiql/setup-workers/vite'
import 'graphiql/style.css'

import { createGraphiQLFetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import { createClient } from 'graphql-ws'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

import { bearer, GRAPHQL_PATH, websocketUrl } from '@/core/graphql/client'

export const DEFAULT_QUERY = `# Tessera's GraphQL API, as your console account.
# Ctrl+Enter runs; Docs lists every field.

query Me {
  me {
    username
    displayName
    role
    permissions
  }
}
`

export function mountGraphiql(
  element: HTMLElement,
  options: { token: string | null; location: Pick<Location, 'protocol' | 'host'> },
): () => void {
  const wsClient = createClient({
    url: websocketUrl(options.location),
    lazy: true,
    connectionParams: () => bearer(options.token),
  })
  const fetcher = createGraphiQLFetcher({ url: GRAPHQL_PATH, headers: bearer(options.token), wsClient })
  const root = createRoot(element)
  root.render(createElement(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY, shouldPersistHeaders: false }))
  return () => {
    root.unmount()
    void wsClient.dispose()
  }
}
