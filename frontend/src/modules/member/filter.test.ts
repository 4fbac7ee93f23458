import { describe, expect, it } from 'vitest'

import { emptyMemberFilter, memberFilterInput } from './filter'

describe('memberFilterInput', () => {
  it('sends no condition for an empty form', () => {
    expect(memberFilterInput(emptyMemberFilter())).toEqual({})
  })

  it('sends the conditions that are set, the text trimmed', () => {
    const form = { text: ' 5678 ', tierIds: ['T1'], tagIds: [], homeStoreIds: ['S1', 'S2'] }

    expect(memberFilterInput(form)).toEqual({ text: '5678', tierIds: ['T1'], homeStoreIds: ['S1', 'S2'] })
  })
})
