/** Direct GraphQL calls for test set-up and checks: signing in, finding a member and a card to work with. */
import { PASSWORD } from './console'

export async function graphql<T>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as { data?: T; errors?: unknown[] }
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`)
  return body.data
}

export async function login(url: string, username: string, password = PASSWORD): Promise<string> {
  const data = await graphql<{ login: { token: string | null } }>(
    url,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  )
  if (!data.login.token) throw new Error(`cannot sign in as ${username}`)
  return data.login.token
}
