import { describe, expect, it } from 'vitest'

import { changedFields } from './changes'

describe('changedFields', () => {
  it('lists each field once, from either side', () => {
    expect(changedFields({ name: 'a', phone: '138****' }, { name: 'b', email: 'x@y' })).toEqual(['name', 'phone', 'email'])
  })

  it('is empty for entries with no field changes', () => {
    expect(changedFields(null, undefined)).toEqual([])
    expect(changedFields([1], 'text')).toEqual([])
  })
})
