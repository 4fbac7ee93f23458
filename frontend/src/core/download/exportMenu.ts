/**
 * The 导出 menu a page puts in its header (core/components/ExportMenu.vue): who sees it, and the
 * files it lists, each a download (download.ts) the page builds from what it shows.
 */
import { mayEnter, type AccessRule, type Grantee } from '@/core/session/access'

import type { DownloadRequest } from './download'

/**
 * Who is offered downloads: staff with EXPORT (HQ and REGION by default, anyone granted it). The
 * server decides (and audits) every file; the menu only shows to those it would serve.
 */
export const EXPORT_ACCESS: AccessRule = { permissions: ['EXPORT'] }

export function mayExport(staff: Grantee | null): boolean {
  return mayEnter(EXPORT_ACCESS, staff)
}

/** One file the menu offers. */
export interface ExportChoice {
  /** Names the item (its `command` and `data-export`), e.g. "xlsx". */
  key: string
  /** What the item reads, already translated. */
  label: string
  request: DownloadRequest
}

/** The download behind the item clicked; null for a command the menu does not list. */
export function chosenExport(choices: readonly ExportChoice[], command: unknown): DownloadRequest | null {
  return choices.find((choice) => choice.key === command)?.request ?? null
}
