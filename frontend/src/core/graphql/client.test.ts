import { describe, expect, it } from 'vitest'

import { bearer, websocketUrl } from './client'

describe('websocketUrl', () => {
  it('follows the page: ws on http, wss on https, same host and port', () => {
    expect(websocketUrl({ protocol: 'http:', host: '127.0.0.1:8000' })).toBe('ws://127.0.0.1:8000/graphql')
    expect(websocketUrl({ protocol: 'https:', host: 'crm.example.cn' })).toBe('wss://crm.example.cn/graphql')
  })
})

describe('bearer', () => {
  it('sends the token only when there is one', () => {
    expect(bearer('abc')).toEqual({ authorization: 'Bearer abc' })
    expect(bearer(null)).toEqual({})
  })
})
