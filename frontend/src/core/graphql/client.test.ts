import { describe, expect, it } from 'vitest'

import { bearer, retryDelay, shouldReconnect, websocketUrl } from './client'

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

describe('retryDelay', () => {
  it('doubles from one second, stops growing at fifteen, and adds under a second of jitter', () => {
    const none = () => 0
    expect([0, 1, 2, 3, 4, 5, 30].map((retries) => retryDelay(retries, none))).toEqual([
      1000, 2000, 4000, 8000, 15000, 15000, 15000,
    ])
    expect(retryDelay(0, () => 0.999)).toBe(1999)
  })
})

describe('shouldReconnect', () => {
  it('retries a dropped network, a restart and a slow-subscriber close, but not an ended session', () => {
    expect([1006, 1012, 4008, 4499].map((code) => shouldReconnect({ code, reason: '' }))).toEqual([true, true, true, true])
    expect(shouldReconnect({ code: 4403, reason: 'Forbidden' })).toBe(false)
  })

  it('retries a failure that is not a close event (the socket could not be opened)', () => {
    expect(shouldReconnect(new Error('boom'))).toBe(true)
  })
})
