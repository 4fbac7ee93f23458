/**
 * API clients (partner apps: a POS, an ERP, an e-shop) as HQ issues them: a name, a role with its
 * scope and the same per-account grants and withholds as a staff account (staff.ts), the fields it
 * may use as schema coordinates (`Member.name`, `Member.*`) typed one a line, a request rate, and
 * optionally when its key stops working. Editing changes the name, fields, rate and operations; the
 * role, scope and key stay (a new key is a rotation of its own). The server checks that every
 * coordinate names something the API has; here only their shape is checked.
 */
import type { CreateApiClientInput, Permission, Role, UpdateApiClientInput } from '@/generated/schema'

import { checkName, parseWhole, type Checked, type SettingsProblem } from './forms'
import { checkScope, operations, type Operations, type ScopeFields } from './staff'

/** `Type.field` or `Type.*`, as the server takes them (server/access/api_clients.py). */
const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.(\*|[A-Za-z_][A-Za-z0-9_]*)$/

export const DEFAULT_RATE = 600
export const MAX_RATE = 100_000

/**
 * What a till needs: find a member, show their name, number and cards, take a payment, a top-up or
 * a refund, and read what came back (each coordinate checked against schema/schema.graphql).
 */
export const POS_PRESET: readonly string[] = [
  'Query.memberLookup',
  'Member.name',
  'Member.memberNo',
  'Member.cards',
  'Card.*',
  'Mutation.consume',
  'Mutation.recharge',
  'Mutation.refund',
  'ConsumePayload.*',
  'ConsumeBreakdown.*',
  'TransferPayload.*',
  'Transfer.*',
  'UserError.*',
]

export interface ParsedFields {
  /** The coordinates in the order typed, each once. */
  fields: string[]
  /** The entries that are not `Type.field` or `Type.*`. */
  malformed: string[]
}

/**
 * The allowed fields as typed: one a line (commas and spaces separate too), blanks ignored, each
 * kept once in the order first typed.
 */
export function parseAllowedFields(text: string): ParsedFields {
  const fields: string[] = []
  const malformed: string[] = []
  for (const entry of text.split(/[\s,，;；]+/)) {
    if (!entry || fields.includes(entry) || malformed.includes(entry)) continue
    if (COORDINATE.test(entry)) fields.push(entry)
    else malformed.push(entry)
  }
  return { fields, malformed }
}

/** The text with the POS preset added: what is there stays first, the preset's others follow. */
export function withPosPreset(text: string): string {
  const { fields, malformed } = parseAllowedFields(text)
  return [...fields, ...malformed, ...POS_PRESET.filter((field) => !fields.includes(field))].join('\n')
}

/**
 * The coordinate a refusal of the allowed fields is about (the server names the one the API lacks
 * in its message): the longest of those sent that the message contains, or null.
 */
export function refusedCoordinate(message: string, sent: readonly string[]): string | null {
  const named = sent.filter((field) => message.includes(field))
  return named.sort((a, b) => b.length - a.length)[0] ?? null
}

export interface ApiClientForm extends ScopeFields, Operations {
  /** Set when editing a client. */
  id: string | null
  name: string
  /** One coordinate a line. */
  allowedFields: string
  rateLimitPerMinute: string
  /** The date picker's ISO string (with offset), or null for a key that never expires. */
  expiresAt: string | null
}

export function emptyApiClientForm(): ApiClientForm {
  return {
    id: null,
    name: '',
    role: 'STORE',
    regionId: null,
    storeId: null,
    allowedFields: '',
    rateLimitPerMinute: String(DEFAULT_RATE),
    grants: [],
    withholds: [],
    expiresAt: null,
  }
}

/** An API client as listed (the parts the form and the table read). */
export interface ApiClientRow {
  id: string
  name: string
  allowedFields: readonly string[]
  rateLimitPerMinute: number
  revokedAt?: string | null
  expiresAt?: string | null
  identity: {
    role: Role
    grants: readonly Permission[]
    withholds: readonly Permission[]
    region?: { id: string; name: string } | null
    store?: { id: string; name: string } | null
  }
}

/** The form filled with a client's name, fields, rate and operations, for editing. */
export function apiClientForm(client: ApiClientRow): ApiClientForm {
  return {
    ...emptyApiClientForm(),
    id: client.id,
    name: client.name,
    role: client.identity.role,
    regionId: client.identity.region?.id ?? null,
    storeId: client.identity.store?.id ?? null,
    allowedFields: client.allowedFields.join('\n'),
    rateLimitPerMinute: String(client.rateLimitPerMinute),
    grants: [...client.identity.grants],
    withholds: [...client.identity.withholds],
    expiresAt: client.expiresAt ?? null,
  }
}

export type ApiClientChange = { id: null; create: CreateApiClientInput } | { id: string; update: UpdateApiClientInput }

export function checkApiClient(form: ApiClientForm): Checked<ApiClientForm, ApiClientChange> {
  const problems: Partial<Record<keyof ApiClientForm, SettingsProblem>> = {}
  const name = checkName(form.name)
  if (name.problem) problems.name = name.problem
  const { fields, malformed } = parseAllowedFields(form.allowedFields)
  if (malformed.length) problems.allowedFields = 'coordinate'
  else if (!fields.length) problems.allowedFields = 'required'
  const rate = parseWhole(form.rateLimitPerMinute, 1, MAX_RATE)
  if (!rate.ok) problems.rateLimitPerMinute = rate.problem
  // The role, scope and expiry are set at issue only: an edit neither checks nor sends them.
  const scopeProblems: Partial<Record<keyof ScopeFields, SettingsProblem>> = {}
  const scope = checkScope(form, scopeProblems)
  if (!form.id) Object.assign(problems, scopeProblems)
  if (Object.keys(problems).length || !rate.ok) return { ok: false, problems }
  const change = { name: name.name, allowedFields: fields, rateLimitPerMinute: rate.value, ...operations(form) }
  if (form.id) return { ok: true, input: { id: form.id, update: change } }
  return { ok: true, input: { id: null, create: { ...change, scope, expiresAt: form.expiresAt } } }
}

/** Where a client acts: its store's or region's name, or null for the whole brand (HQ). */
export function scopeName(client: Pick<ApiClientRow, 'identity'>): string | null {
  return client.identity.store?.name ?? client.identity.region?.name ?? null
}

export type Expiry = { kind: 'never' } | { kind: 'until' | 'expired'; at: string }

/** When the client's key stops working, if ever, and whether it already has. */
export function expiryOf(client: Pick<ApiClientRow, 'expiresAt'>, now: Date = new Date()): Expiry {
  if (!client.expiresAt) return { kind: 'never' }
  return { kind: Date.parse(client.expiresAt) <= now.getTime() ? 'expired' : 'until', at: client.expiresAt }
}

/**
 * The expiry a new key keeps: the current key's while it lies ahead, else none (a key that has
 * lapsed is usually re-keyed to be used again; HQ may revoke it instead).
 */
export function rotationExpiry(client: Pick<ApiClientRow, 'expiresAt'>, now: Date = new Date()): string | null {
  const expiry = expiryOf(client, now)
  return expiry.kind === 'until' ? expiry.at : null
}
