import { buildSchema, isObjectType } from 'graphql'
import { describe, expect, it } from 'vitest'

import schemaText from '../../../../schema/schema.graphql?raw'

import {
  POS_PRESET,
  apiClientForm,
  checkApiClient,
  emptyApiClientForm,
  expiryOf,
  parseAllowedFields,
  refusedCoordinate,
  rotationExpiry,
  scopeName,
  withPosPreset,
} from './apiClient'

const STORE = 'U3RvcmU6MQ=='
const till = { ...emptyApiClientForm(), name: ' POS 上海一店 ', storeId: STORE, allowedFields: 'Query.memberLookup\nMember.*' }

const issued = {
  id: 'QXBpQ2xpZW50OjE=',
  name: 'POS 上海一店',
  allowedFields: ['Member.*', 'Query.memberLookup'],
  rateLimitPerMinute: 120,
  revokedAt: null,
  expiresAt: '2027-01-01T00:00:00+08:00',
  identity: {
    role: 'STORE' as const,
    grants: ['ADJUST' as const],
    withholds: [],
    region: { id: 'UmVnaW9uOjE=', name: '华东大区' },
    store: { id: STORE, name: '上海一店' },
  },
}

describe('parseAllowedFields', () => {
  it('reads one coordinate a line, trimmed, blanks skipped, each once in the order typed', () => {
    expect(parseAllowedFields('  Member.name \n\n Query.memberLookup\r\nMember.name\n  Card.*  \n')).toEqual({
      fields: ['Member.name', 'Query.memberLookup', 'Card.*'],
      malformed: [],
    })
  })

  it('takes commas and spaces as separators too', () => {
    expect(parseAllowedFields('Member.name, Member.memberNo，Card.* UserError.*').fields).toEqual([
      'Member.name',
      'Member.memberNo',
      'Card.*',
      'UserError.*',
    ])
  })

  it('sets apart what is not Type.field or Type.*', () => {
    expect(parseAllowedFields('Member\nMember.name\n*.name\nMember.na-me\nMember.name.first\nMember').malformed).toEqual([
      'Member',
      '*.name',
      'Member.na-me',
      'Member.name.first',
    ])
  })

  it('reads nothing from blank text', () => {
    expect(parseAllowedFields(' \n \n')).toEqual({ fields: [], malformed: [] })
  })
})

describe('the POS preset', () => {
  const schema = buildSchema(schemaText)

  it('names only types and fields the API has', () => {
    for (const coordinate of POS_PRESET) {
      const [typeName = '', field = ''] = coordinate.split('.')
      const type = schema.getType(typeName)
      expect(isObjectType(type), coordinate).toBe(true)
      if (field !== '*' && isObjectType(type)) expect(Object.keys(type.getFields()), coordinate).toContain(field)
    }
  })

  it('fills empty text, and adds to what is there without repeating it', () => {
    expect(withPosPreset('')).toBe(POS_PRESET.join('\n'))
    const added = withPosPreset('Member.phone\nMember.name')
    expect(added.split('\n')).toEqual(['Member.phone', 'Member.name', ...POS_PRESET.filter((field) => field !== 'Member.name')])
    expect(withPosPreset(added)).toBe(added)
  })
})

describe('checkApiClient', () => {
  it('issues a store client with its fields, the default rate and no expiry', () => {
    expect(checkApiClient(till)).toEqual({
      ok: true,
      input: {
        id: null,
        create: {
          name: 'POS 上海一店',
          scope: { role: 'STORE', regionId: null, storeId: STORE },
          allowedFields: ['Query.memberLookup', 'Member.*'],
          rateLimitPerMinute: 600,
          grants: [],
          withholds: [],
          expiresAt: null,
        },
      },
    })
  })

  it('sends the expiry, the rate as a number and drops a grant that is also withheld', () => {
    const checked = checkApiClient({
      ...till,
      role: 'HQ',
      rateLimitPerMinute: ' 60 ',
      grants: ['EXPORT', 'ADJUST'],
      withholds: ['EXPORT'],
      expiresAt: '2027-01-01T00:00:00+08:00',
    })
    expect(checked.ok && checked.input.id === null && checked.input.create).toMatchObject({
      scope: { role: 'HQ', regionId: null, storeId: null },
      rateLimitPerMinute: 60,
      grants: ['ADJUST'],
      withholds: ['EXPORT'],
      expiresAt: '2027-01-01T00:00:00+08:00',
    })
  })

  it('names every problem', () => {
    expect(checkApiClient(emptyApiClientForm())).toEqual({
      ok: false,
      problems: { name: 'required', allowedFields: 'required', storeId: 'required' },
    })
    expect(checkApiClient({ ...till, role: 'REGION', allowedFields: 'Member.name\nmember name', rateLimitPerMinute: '0' })).toEqual({
      ok: false,
      problems: { allowedFields: 'coordinate', rateLimitPerMinute: 'range', regionId: 'required' },
    })
    expect(checkApiClient({ ...till, rateLimitPerMinute: '100001' })).toEqual({ ok: false, problems: { rateLimitPerMinute: 'range' } })
    expect(checkApiClient({ ...till, rateLimitPerMinute: '6.5' })).toEqual({ ok: false, problems: { rateLimitPerMinute: 'whole' } })
  })

  it('edits the name, fields, rate and operations only, not the role, scope or expiry', () => {
    const form = apiClientForm(issued)
    expect(form).toEqual({
      id: issued.id,
      name: 'POS 上海一店',
      role: 'STORE',
      regionId: 'UmVnaW9uOjE=',
      storeId: STORE,
      allowedFields: 'Member.*\nQuery.memberLookup',
      rateLimitPerMinute: '120',
      grants: ['ADJUST'],
      withholds: [],
      expiresAt: '2027-01-01T00:00:00+08:00',
    })
    expect(checkApiClient({ ...form, allowedFields: `${form.allowedFields}\nMutation.consume`, role: 'REGION', regionId: null })).toEqual({
      ok: true,
      input: {
        id: issued.id,
        update: {
          name: 'POS 上海一店',
          allowedFields: ['Member.*', 'Query.memberLookup', 'Mutation.consume'],
          rateLimitPerMinute: 120,
          grants: ['ADJUST'],
          withholds: [],
        },
      },
    })
  })
})

describe('refusedCoordinate', () => {
  it('finds the coordinate the server names, the longest when one contains another', () => {
    expect(refusedCoordinate('The API has no Member.salary.', ['Member.name', 'Member.salary'])).toBe('Member.salary')
    expect(refusedCoordinate('The API has no Member.nameX.', ['Member.name', 'Member.nameX'])).toBe('Member.nameX')
    expect(refusedCoordinate('List at least one field the client may use.', ['Member.name'])).toBeNull()
  })
})

describe('display', () => {
  it('names the store, else the region, else nothing for the whole brand', () => {
    expect(scopeName(issued)).toBe('上海一店')
    expect(scopeName({ identity: { ...issued.identity, role: 'REGION', store: null } })).toBe('华东大区')
    expect(scopeName({ identity: { ...issued.identity, role: 'HQ', store: null, region: null } })).toBeNull()
  })

  const now = new Date('2026-11-24T12:00:00Z')

  it('tells a key that never expires from one that will and one that has', () => {
    expect(expiryOf({ expiresAt: null }, now)).toEqual({ kind: 'never' })
    expect(expiryOf({ expiresAt: '2027-01-01T00:00:00+08:00' }, now)).toEqual({ kind: 'until', at: '2027-01-01T00:00:00+08:00' })
    expect(expiryOf({ expiresAt: '2026-11-24T12:00:00Z' }, now)).toEqual({ kind: 'expired', at: '2026-11-24T12:00:00Z' })
  })

  it('keeps a future expiry for a rotated key, and none for a lapsed one', () => {
    expect(rotationExpiry({ expiresAt: '2027-01-01T00:00:00+08:00' }, now)).toBe('2027-01-01T00:00:00+08:00')
    expect(rotationExpiry({ expiresAt: '2026-01-01T00:00:00+08:00' }, now)).toBeNull()
    expect(rotationExpiry({ expiresAt: null }, now)).toBeNull()
  })
})
