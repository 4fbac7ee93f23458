import { describe, expect, it } from 'vitest'

import { safeRedirect } from './meta'

describe('safeRedirect', () => {
  it('keeps a path on this site', () => {
    expect(safeRedirect('/members?text=5678')).toBe('/members?text=5678')
  })

  it.each([['https://evil.example'], ['//evil.example'], ['/\\evil.example'], ['members'], [undefined], [['/a']]])(
    'refuses %j',
    (value) => {
      expect(safeRedirect(value)).toBeNull()
    },
  )
})
