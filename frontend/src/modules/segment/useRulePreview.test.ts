import { describe, expect, it } from 'vitest'

import { newCondition, newGroup, toRuleInput } from './ruleTree'
import { placeRuleErrors } from './useRulePreview'

describe('placeRuleErrors', () => {
  it('puts each API error beside the node its path names, the first one per node, and keeps the rest', () => {
    const age = { ...newCondition('age'), min: '30', negated: true }
    const tiers = { ...newCondition('tiers'), values: ['VGllcjox'] }
    const checked = toRuleInput(newGroup('and', [age, tiers]))
    if (!checked.ok) throw new Error('expected a valid rule')
    const errors = [
      { field: ['rule', 'and', '0', 'not', 'age', 'max'], code: 'INVALID' as const, message: 'The maximum is below the minimum.' },
      { field: ['rule', 'and', '0', 'not', 'age', 'min'], code: 'INVALID' as const, message: 'Too old.' },
      { field: ['rule', 'and', '1', 'tiers', '0'], code: 'INVALID' as const, message: 'Not a Tier ID.' },
      { field: ['name'], code: 'DUPLICATE' as const, message: 'Taken.' },
    ]

    const placed = placeRuleErrors(errors, checked.paths, (error) => `said: ${error.message}`)

    expect(placed.nodes).toEqual({
      [age.id]: { field: 'max', text: 'said: The maximum is below the minimum.' },
      [tiers.id]: { field: '0', text: 'said: Not a Tier ID.' },
    })
    expect(placed.rest).toEqual([errors[3]])
  })
})
