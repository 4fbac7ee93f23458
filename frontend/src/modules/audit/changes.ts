/** What an audit entry changed, as the names of the fields in its before/after (both masked JSON). */
export function changedFields(before: unknown, after: unknown): string[] {
  const names = new Set<string>()
  for (const side of [before, after]) {
    if (side && typeof side === 'object' && !Array.isArray(side)) for (const name of Object.keys(side)) names.add(name)
  }
  return [...names]
}
