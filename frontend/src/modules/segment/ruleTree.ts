/**
 * The segment builder's rule tree and its two conversions: to the API's one-of `SegmentRuleInput`
 * (checked first, so a rule the server would refuse is explained beside its condition before it
 * is sent) and back from a saved segment's `rule` JSON (database IDs and amounts in fen, as the
 * server stores it; see schema/segment/inputs.py and server/segment/predicates.py).
 *
 *     Group      { op: and | or, negated, children }   → {and: [...]} / {or: [...]}, {not: …} when negated
 *     Condition  { key, negated, values | min/max | days | from/to }  → {gender: [...]}, {age: {min, max}} …
 *
 * Every node keeps the path it was sent at, so an INVALID error whose `field` is a path
 * (["rule", "and", "1", "not", "age", "max"]) lands beside the condition it is about.
 */
import { fenToMoney, parseMoney } from '@/core/money'
import type { Gender, RfmGroup, SegmentRuleInput, TagMatch } from '@/generated/schema'

export type PredicateKey =
  | 'gender'
  | 'age'
  | 'birthdayMonths'
  | 'tiers'
  | 'regions'
  | 'homeStores'
  | 'tags'
  | 'registered'
  | 'lastVisit'
  | 'spend'
  | 'visits'
  | 'points'
  | 'balance'
  | 'rfmGroups'
  | 'campaignReceived'
  | 'campaignConverted'

/** How a predicate's value is edited: a list to pick from, a range, a window with a range, dates. */
export type PredicateShape = 'list' | 'range' | 'window' | 'dates'

export interface PredicateSpec {
  shape: PredicateShape
  /** Amounts (yuan, two decimals) rather than whole numbers. */
  money?: boolean
  /** Highest whole number the server accepts. */
  highest?: number
  /** The node type of the IDs listed (global IDs in the input, database IDs when saved). */
  idType?: 'Tier' | 'Region' | 'Store' | 'Tag' | 'Campaign'
}

export const PREDICATES: Record<PredicateKey, PredicateSpec> = {
  gender: { shape: 'list' },
  age: { shape: 'range', highest: 150 },
  birthdayMonths: { shape: 'list' },
  tiers: { shape: 'list', idType: 'Tier' },
  regions: { shape: 'list', idType: 'Region' },
  homeStores: { shape: 'list', idType: 'Store' },
  tags: { shape: 'list', idType: 'Tag' },
  registered: { shape: 'dates' },
  lastVisit: { shape: 'dates' },
  spend: { shape: 'window', money: true },
  visits: { shape: 'window', highest: 1_000_000 },
  points: { shape: 'range', highest: 10_000_000_000_000 },
  balance: { shape: 'range', money: true },
  rfmGroups: { shape: 'list' },
  campaignReceived: { shape: 'list', idType: 'Campaign' },
  campaignConverted: { shape: 'list', idType: 'Campaign' },
}

export const PREDICATE_KEYS = Object.keys(PREDICATES) as PredicateKey[]

/** The window of "in the last N days" predicates, as the server bounds it. */
export const MAX_DAYS = 3650

/** Groups nest at most this deep in the builder (the server allows 8 levels, NOT included). */
export const MAX_GROUP_DEPTH = 3

/** One condition on the member; the fields its predicate does not use stay empty. Numbers are kept as typed. */
export interface Condition {
  id: string
  type: 'condition'
  negated: boolean
  key: PredicateKey
  /** Picked values: genders, RFM groups, months "1"-"12", or global IDs. */
  values: string[]
  /** tags: how the picked tags combine. */
  match: TagMatch
  min: string
  max: string
  days: string
  /** YYYY-MM-DD or empty. */
  from: string
  to: string
}

export interface Group {
  id: string
  type: 'group'
  negated: boolean
  op: 'and' | 'or'
  children: RuleNode[]
}

export type RuleNode = Condition | Group

let lastId = 0
function nextId(): string {
  lastId += 1
  return `n${lastId}`
}

export function newCondition(key: PredicateKey = 'gender'): Condition {
  return { id: nextId(), type: 'condition', negated: false, key, values: [], match: 'ANY', min: '', max: '', days: '', from: '', to: '' }
}

export function newGroup(op: 'and' | 'or' = 'and', children: RuleNode[] = []): Group {
  return { id: nextId(), type: 'group', negated: false, op, children }
}

/** A condition switched to another predicate: its old value means nothing there. */
export function withKey(condition: Condition, key: PredicateKey): Condition {
  return { ...newCondition(key), id: condition.id, negated: condition.negated, days: PREDICATES[key].shape === 'window' ? '30' : '' }
}

export type RuleProblem =
  | 'emptyGroup'
  | 'pickOne'
  | 'rangeEmpty'
  | 'whole'
  | 'money'
  | 'minOverMax'
  | 'days'
  | 'datesEmpty'
  | 'date'
  | 'datesOrder'

/** What is wrong with one node, and which of its fields (for the message's place). */
export interface NodeProblem {
  field: 'children' | 'values' | 'min' | 'max' | 'days' | 'from' | 'to'
  problem: RuleProblem
}

/** Where each node went in the input: its path (as the API names fields) and its id. */
export type NodePaths = { path: string[]; id: string }[]

export type CheckedRule =
  | { ok: true; input: SegmentRuleInput; paths: NodePaths }
  | { ok: false; problems: Record<string, NodeProblem> }

const WHOLE = /^\d+$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: RuleProblem }

interface Bound {
  /** What goes to the API: a whole number, or a Money string. */
  value: number | string
  /** Comparable: the number itself, or fen. */
  size: number
}

function bound(text: string, spec: PredicateSpec): Parsed<Bound | null> {
  const trimmed = text.trim()
  if (!trimmed) return { ok: true, value: null }
  if (spec.money) {
    const parsed = parseMoney(trimmed, { allowZero: true })
    return parsed.ok ? { ok: true, value: { value: parsed.value, size: parsed.fen } } : { ok: false, problem: 'money' }
  }
  if (!WHOLE.test(trimmed) || Number(trimmed) > (spec.highest ?? Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'whole' }
  return { ok: true, value: { value: Number(trimmed), size: Number(trimmed) } }
}

type Bounds = { min: number | string | null; max: number | string | null }

function bounds(condition: Condition, spec: PredicateSpec): { ok: true; value: Bounds } | { ok: false; problem: NodeProblem } {
  const min = bound(condition.min, spec)
  if (!min.ok) return { ok: false, problem: { field: 'min', problem: min.problem } }
  const max = bound(condition.max, spec)
  if (!max.ok) return { ok: false, problem: { field: 'max', problem: max.problem } }
  if (!min.value && !max.value) return { ok: false, problem: { field: 'min', problem: 'rangeEmpty' } }
  if (min.value && max.value && min.value.size > max.value.size) return { ok: false, problem: { field: 'max', problem: 'minOverMax' } }
  return { ok: true, value: { min: min.value?.value ?? null, max: max.value?.value ?? null } }
}

/** The predicate's input value, or what is wrong with it. */
function predicateValue(condition: Condition): { ok: true; value: unknown } | { ok: false; problem: NodeProblem } {
  const spec = PREDICATES[condition.key]
  switch (spec.shape) {
    case 'list': {
      if (!condition.values.length) return { ok: false, problem: { field: 'values', problem: 'pickOne' } }
      if (condition.key === 'tags') return { ok: true, value: { match: condition.match, ids: [...condition.values] } }
      if (condition.key === 'birthdayMonths') return { ok: true, value: condition.values.map(Number) }
      return { ok: true, value: [...condition.values] }
    }
    case 'range':
    case 'window': {
      let days: number | null = null
      if (spec.shape === 'window') {
        const typed = condition.days.trim()
        if (!WHOLE.test(typed) || Number(typed) < 1 || Number(typed) > MAX_DAYS) return { ok: false, problem: { field: 'days', problem: 'days' } }
        days = Number(typed)
      }
      const range = bounds(condition, spec)
      if (!range.ok) return range
      return { ok: true, value: days === null ? range.value : { days, ...range.value } }
    }
    case 'dates': {
      const from = condition.from.trim()
      const to = condition.to.trim()
      if (!from && !to) return { ok: false, problem: { field: 'from', problem: 'datesEmpty' } }
      if (from && !DATE.test(from)) return { ok: false, problem: { field: 'from', problem: 'date' } }
      if (to && !DATE.test(to)) return { ok: false, problem: { field: 'to', problem: 'date' } }
      if (from && to && from > to) return { ok: false, problem: { field: 'to', problem: 'datesOrder' } }
      return { ok: true, value: { from: from || null, to: to || null } }
    }
  }
}

/**
 * The tree as the API's input, with the path of every node, or each faulty node's problem.
 * `base` is where the rule sits in the request (["rule"] for previewSegment and the segment inputs).
 */
export function toRuleInput(root: Group, base: string[] = ['rule']): CheckedRule {
  const problems: Record<string, NodeProblem> = {}
  const paths: NodePaths = []

  function build(node: RuleNode, path: string[]): SegmentRuleInput | null {
    paths.push({ path, id: node.id })
    const inner = node.negated ? [...path, 'not'] : path
    let built: SegmentRuleInput | null
    if (node.type === 'group') {
      if (!node.children.length) {
        problems[node.id] = { field: 'children', problem: 'emptyGroup' }
        return null
      }
      const children = node.children.map((child, i) => build(child, [...inner, node.op, String(i)]))
      built = children.every((child): child is SegmentRuleInput => child !== null)
        ? (node.op === 'and' ? { and: children } : { or: children })
        : null
    } else {
      const value = predicateValue(node)
      if (!value.ok) {
        problems[node.id] = value.problem
        return null
      }
      built = { [node.key]: value.value } as unknown as SegmentRuleInput
    }
    return built && node.negated ? { not: built } : built
  }

  const input = build(root, base)
  if (!input || Object.keys(problems).length) return { ok: false, problems }
  return { ok: true, input, paths }
}

/**
 * The node an API error is about: the deepest node whose path starts the error's field path, or
 * null when the error is not about the rule (a taken name).
 */
export function nodeForField(paths: NodePaths, field: readonly string[] | null | undefined): string | null {
  if (!field) return null
  let best: { id: string; length: number } | null = null
  for (const { path, id } of paths) {
    const prefix = path.every((segment, i) => field[i] === segment)
    if (prefix && (!best || path.length >= best.length)) best = { id, length: path.length }
  }
  return best?.id ?? null
}

/** A Relay global ID, as strawberry makes them: base64 of "Type:pk". */
export function globalId(type: string, pk: number | string): string {
  return btoa(`${type}:${pk}`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

function amount(value: unknown): string {
  return typeof value === 'number' ? fenToMoney(value) : ''
}

function conditionFromSaved(key: PredicateKey, value: unknown): Condition {
  const spec = PREDICATES[key]
  const condition = newCondition(key)
  const record = isObject(value) ? value : {}
  switch (spec.shape) {
    case 'list': {
      const items = key === 'tags' ? record['ids'] : value
      const list = Array.isArray(items) ? items : []
      condition.values = list.map((item) => (spec.idType ? globalId(spec.idType, text(item)) : text(item)))
      if (key === 'tags' && typeof record['match'] === 'string') condition.match = record['match'] as TagMatch
      break
    }
    case 'range':
    case 'window':
      condition.min = spec.money ? amount(record['min']) : text(record['min'])
      condition.max = spec.money ? amount(record['max']) : text(record['max'])
      condition.days = text(record['days'])
      break
    case 'dates':
      condition.from = text(record['from'])
      condition.to = text(record['to'])
      break
  }
  return condition
}

function nodeFromSaved(json: unknown): RuleNode {
  if (!isObject(json) || Object.keys(json).length !== 1) throw new Error(`Not a rule node: ${JSON.stringify(json)}`)
  const [[key, value]] = Object.entries(json) as [[string, unknown]]
  if (key === 'not') {
    const inner = nodeFromSaved(value)
    inner.negated = !inner.negated
    return inner
  }
  if (key === 'and' || key === 'or') {
    return newGroup(key, (Array.isArray(value) ? value : []).map(nodeFromSaved))
  }
  if (key in PREDICATES) return conditionFromSaved(key as PredicateKey, value)
  throw new Error(`Unknown rule ${key}`)
}

/** The builder's tree for a saved rule; the root is always a group. */
export function treeFromSaved(json: unknown): Group {
  const node = nodeFromSaved(json)
  return node.type === 'group' ? node : newGroup('and', [node])
}

/** How deep a node sits: the root group is 1. */
export function groupDepth(root: Group, id: string, depth = 1): number | null {
  if (root.id === id) return depth
  for (const child of root.children) {
    if (child.type === 'group') {
      const found = groupDepth(child, id, depth + 1)
      if (found !== null) return found
    }
  }
  return null
}

/** The tree without one node (removing the root empties it). */
export function removeNode(root: Group, id: string): void {
  const index = root.children.findIndex((child) => child.id === id)
  if (index >= 0) {
    root.children.splice(index, 1)
    return
  }
  for (const child of root.children) if (child.type === 'group') removeNode(child, id)
}

export type { Gender, RfmGroup }
