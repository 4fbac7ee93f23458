/** Steps every scenario repeats: signing in and out, reading money off the page, screenshots. */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Download, Page } from 'playwright-core'

export const PASSWORD = 'tessera-demo'
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots')

export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-test=current-user]')
}

export async function signOut(page: Page): Promise<void> {
  await page.click('[data-test=logout]')
  await page.waitForURL(/\/admin\/login\?signedOut=1/)
}

/** Fen of a shown amount ("¥1,234.50" → 123450), exact. */
export function fen(text: string | null): number {
  const match = /(-?)¥([\d,]+)\.(\d{2})/.exec(text ?? '')
  if (!match) throw new Error(`no amount in ${JSON.stringify(text)}`)
  const value = Number((match[2] ?? '').replace(/,/g, '')) * 100 + Number(match[3])
  return match[1] ? -value : value
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Opens an ExportMenu (by its test id) and returns what its items read. */
export async function openExportMenu(page: Page, testId: string): Promise<string[]> {
  await page.click(`[data-test=${testId}-button]`)
  await page.waitForSelector('.el-dropdown-menu__item[data-export]:visible')
  return (await page.locator('.el-dropdown-menu__item[data-export]:visible').allTextContents()).map((item) => item.trim())
}

/**
 * Chooses one file of an ExportMenu and waits for the browser to save it, then for the menu to
 * have closed and the button to be idle (so the next menu opened is a fresh one, not this one
 * still fading out).
 */
export async function exportFile(page: Page, testId: string, kind: string, { menuOpen = false } = {}): Promise<Download> {
  if (!menuOpen) await openExportMenu(page, testId)
  // The server makes the file first: a report over the whole ledger can take seconds on a busy machine.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 45_000 }),
    page.click(`.el-dropdown-menu__item[data-export=${kind}]:visible`),
  ])
  await page.waitForSelector(`[data-test=${testId}-button]:not(.is-loading)`)
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item[data-export]')).every((item) => item.offsetParent === null),
  )
  return download
}

/** The bytes of a finished download (failing the test if the browser could not save it). */
export async function saved(download: Download): Promise<Buffer> {
  if (await download.failure()) throw new Error(`download failed: ${await download.failure()}`)
  return readFile(await download.path())
}
