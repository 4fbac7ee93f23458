/**
 * Page numbers over a cursor connection. The API pages forward only (`first`/`after`, stable
 * under inserts), so the pager remembers the `after` cursor of every page it has opened: going
 * back reuses one, going forward appends the last page's `endCursor`. A new filter starts over.
 */
export interface CursorPages {
  /** `after` for page i (null for the first page). */
  readonly cursors: readonly (string | null)[]
  /** The open page, 0-based. */
  readonly index: number
}

export const FIRST_PAGE: CursorPages = { cursors: [null], index: 0 }

export function cursorOf(pages: CursorPages): string | null {
  return pages.cursors[pages.index] ?? null
}

export function forward(pages: CursorPages, endCursor: string | null | undefined): CursorPages {
  if (!endCursor) return pages
  const cursors = [...pages.cursors.slice(0, pages.index + 1), endCursor]
  return { cursors, index: pages.index + 1 }
}

export function back(pages: CursorPages): CursorPages {
  return pages.index === 0 ? pages : { cursors: pages.cursors, index: pages.index - 1 }
}
