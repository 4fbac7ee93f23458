import { describe, expect, it } from 'vitest'

import {
  globalId,
  newCondition,
  newGroup,
  nodeForField,
  removeNode,
  toRuleInput,
  treeFromSaved,
  withKey,
  type Condition,
  type Group,
} from './ruleTree'

function condition(fields: Partial<Condition> & Pick<Condition, 'key'>): Condition {
  return { ...newCondition(fields.key), ...fields }
}

describe('toRuleInput', () => {
  it('sends a group of conditions as the one-of input, NOT as a wrapper', () => {
    const root = newGroup('and', [
      condition({ key: 'gender', values: ['FEMALE'] }),
      condition({ key: 'age', min: '20', max: '35', negated: true }),
      newGroup('or', [
        condition({ key: 'spend', days: '90', min: '1000', max: '' }),
        condition({ key: 'tags', match: 'NONE', values: ['VGFnOjE='] }),
      ]),
    ])

    const checked = toRuleInput(root)

    expect(checked.ok && checked.input).toEqual({
      and: [
        { gender: ['FEMALE'] },
        { not: { age: { min: 20, max: 35 } } },
        { or: [{ spend: { days: 90, min: '1000.00', max: null } }, { tags: { match: 'NONE', ids: ['VGFnOjE='] } }] },
      ],
    })
  })

  it('turns months into numbers and dates left open into null', () => {
    const root = newGroup('or', [
      condition({ key: 'birthdayMonths', values: ['2', '11'] }),
      condition({ key: 'lastVisit', to: '2026-10-01' }),
      condition({ key: 'balance', min: '0', max: '¥1,000.5' }),
    ])

    const checked = toRuleInput(root)

    expect(checked.ok && checked.input).toEqual({
      or: [{ birthdayMonths: [2, 11] }, { lastVisit: { from: null, to: '2026-10-01' } }, { balance: { min: '0.00', max: '1000.50' } }],
    })
  })

  it('negates a whole group', () => {
    const inner = newGroup('or', [condition({ key: 'gender', values: ['MALE'] })])
    inner.negated = true

    const checked = toRuleInput(newGroup('and', [inner]))

    expect(checked.ok && checked.input).toEqual({ and: [{ not: { or: [{ gender: ['MALE'] }] } }] })
  })

  it('names the problem of each faulty condition and sends nothing', () => {
    const empty = condition({ key: 'tiers' })
    const reversed = condition({ key: 'points', min: '500', max: '100' })
    const noWindow = condition({ key: 'visits', days: '', min: '3' })
    const fraction = condition({ key: 'age', min: '20.5' })
    const badMoney = condition({ key: 'spend', days: '30', max: '1.234' })
    const open = condition({ key: 'registered' })
    const backwards = condition({ key: 'registered', from: '2026-05-01', to: '2026-04-01' })
    const emptyGroup = newGroup('or')
    const fine = condition({ key: 'gender', values: ['FEMALE'] })
    const root = newGroup('and', [empty, reversed, noWindow, fraction, badMoney, open, backwards, emptyGroup, fine])

    const checked = toRuleInput(root)

    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.problems).toEqual({
      [empty.id]: { field: 'values', problem: 'pickOne' },
      [reversed.id]: { field: 'max', problem: 'minOverMax' },
      [noWindow.id]: { field: 'days', problem: 'days' },
      [fraction.id]: { field: 'min', problem: 'whole' },
      [badMoney.id]: { field: 'max', problem: 'money' },
      [open.id]: { field: 'from', problem: 'datesEmpty' },
      [backwards.id]: { field: 'to', problem: 'datesOrder' },
      [emptyGroup.id]: { field: 'children', problem: 'emptyGroup' },
    })
  })

  it('refuses a range with neither bound, an age over 150 and a window over ten years', () => {
    const none = condition({ key: 'age' })
    const old = condition({ key: 'age', max: '151' })
    const long = condition({ key: 'visits', days: '3651', min: '1' })

    const checked = toRuleInput(newGroup('and', [none, old, long]))

    expect(!checked.ok && checked.problems).toEqual({
      [none.id]: { field: 'min', problem: 'rangeEmpty' },
      [old.id]: { field: 'max', problem: 'whole' },
      [long.id]: { field: 'days', problem: 'days' },
    })
  })

  it('compares money bounds exactly, in fen', () => {
    const checked = toRuleInput(newGroup('and', [condition({ key: 'balance', min: '100.10', max: '100.09' })]))

    expect(!checked.ok && Object.values(checked.problems)).toEqual([{ field: 'max', problem: 'minOverMax' }])
  })
})

describe('nodeForField', () => {
  it("finds the condition an API error's path points into, through NOT and nested groups", () => {
    const age = condition({ key: 'age', min: '20', negated: true })
    const tiers = condition({ key: 'tiers', values: ['x'] })
    const inner = newGroup('or', [tiers])
    const root = newGroup('and', [age, inner])
    const checked = toRuleInput(root)
    if (!checked.ok) throw new Error('expected a valid rule')

    expect(nodeForField(checked.paths, ['rule', 'and', '0', 'not', 'age', 'max'])).toBe(age.id)
    expect(nodeForField(checked.paths, ['rule', 'and', '1', 'or', '0', 'tiers', '0'])).toBe(tiers.id)
    expect(nodeForField(checked.paths, ['rule', 'and', '1', 'or'])).toBe(inner.id)
    expect(nodeForField(checked.paths, ['rule'])).toBe(root.id)
  })

  it('is null for an error that is not about the rule', () => {
    const checked = toRuleInput(newGroup('and', [condition({ key: 'gender', values: ['MALE'] })]))
    if (!checked.ok) throw new Error('expected a valid rule')

    expect(nodeForField(checked.paths, ['name'])).toBeNull()
    expect(nodeForField(checked.paths, null)).toBeNull()
  })
})

describe('treeFromSaved', () => {
  it('gives back the input the saved rule came from: global IDs, amounts from fen', () => {
    const saved = {
      and: [
        { tiers: [2, 3] },
        { not: { tags: { match: 'ALL', ids: [7] } } },
        { or: [{ spend: { days: 30, min: 100050, max: null } }, { registered: { from: '2026-01-01', to: null } }] },
        { not: { not: { rfmGroups: ['IMPORTANT_VALUE'] } } },
      ],
    }

    const checked = toRuleInput(treeFromSaved(saved))

    expect(checked.ok && checked.input).toEqual({
      and: [
        { tiers: [globalId('Tier', 2), globalId('Tier', 3)] },
        { not: { tags: { match: 'ALL', ids: [globalId('Tag', 7)] } } },
        { or: [{ spend: { days: 30, min: '1000.50', max: null } }, { registered: { from: '2026-01-01', to: null } }] },
        { rfmGroups: ['IMPORTANT_VALUE'] },
      ],
    })
  })

  it('puts a lone condition or a negated group under an AND root', () => {
    expect(toRuleInput(treeFromSaved({ gender: ['MALE'] }))).toMatchObject({ ok: true, input: { and: [{ gender: ['MALE'] }] } })
    const tree = treeFromSaved({ not: { or: [{ points: { min: 10, max: null } }] } })
    expect(tree.negated).toBe(true)
    expect(toRuleInput(tree)).toMatchObject({ ok: true, input: { not: { or: [{ points: { min: 10, max: null } }] } } })
  })

  it('refuses JSON that is not a rule', () => {
    expect(() => treeFromSaved({ shoeSize: 42 })).toThrow('Unknown rule')
    expect(() => treeFromSaved({ gender: ['MALE'], age: {} })).toThrow('Not a rule node')
  })
})

describe('campaign predicates', () => {
  it('send and read back campaign IDs', () => {
    const saved = { or: [{ campaignReceived: [4] }, { not: { campaignConverted: [4, 5] } }] }

    expect(toRuleInput(treeFromSaved(saved))).toMatchObject({
      ok: true,
      input: {
        or: [{ campaignReceived: [globalId('Campaign', 4)] }, { not: { campaignConverted: [globalId('Campaign', 4), globalId('Campaign', 5)] } }],
      },
    })
  })
})

describe('globalId', () => {
  it('is the base64 of Type:pk, as the server encodes them', () => {
    expect(globalId('Tier', 1)).toBe('VGllcjox')
  })
})

describe('editing', () => {
  it('switching a predicate keeps the place and the NOT but clears the value, with a 30-day window', () => {
    const before = condition({ key: 'age', min: '20', negated: true })

    const after = withKey(before, 'visits')

    expect(after).toMatchObject({ id: before.id, negated: true, key: 'visits', min: '', days: '30' })
  })

  it('removes a node wherever it is', () => {
    const deep = condition({ key: 'gender', values: ['MALE'] })
    const root: Group = newGroup('and', [newGroup('or', [deep, condition({ key: 'gender', values: ['FEMALE'] })])])

    removeNode(root, deep.id)

    expect(toRuleInput(root)).toMatchObject({ ok: true, input: { and: [{ or: [{ gender: ['FEMALE'] }] }] } })
  })
})
