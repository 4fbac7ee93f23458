/** Steps every scenario repeats: signing in and out, reading money off the page, screenshots. */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Page } from 'playwright-core'

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
