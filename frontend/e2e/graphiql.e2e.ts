/**
 * GraphiQL for partner developers is Tessera's own: a browser opening /graphql lands on the
 * console's bundled explorer, which runs queries as the signed-in account, and nothing is fetched
 * from any other host (a store network may have no internet). The explorer's code is downloaded
 * only when its page opens.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startBackend, type Backend } from './support/backend'
import { launchBrowser, type Browser } from './support/browser'
import { screenshot, signIn } from './support/console'

let backend: Backend
let browser: Browser
let page: Page
const requested: string[] = []
const pageErrors: string[] = []

beforeAll(async () => {
  ;[backend, browser] = await Promise.all([startBackend(), launchBrowser()])
  page = browser.context.pages()[0] ?? (await browser.context.newPage())
  page.on('request', (request) => requested.push(request.url()))
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await backend?.stop()
})

describe('GraphiQL', () => {
  it('is not downloaded with the console', async () => {
    await signIn(page, backend.url, 'hq.admin')
    await page.waitForSelector('[data-test=tier-chart] canvas')

    expect(requested.filter((url) => /mountGraphiql|worker/.test(url))).toEqual([])
  })

  it("opens from /graphql in a browser and runs a query as the signed-in account", async () => {
    await page.goto(`${backend.url}/graphql`)
    await page.waitForURL(/\/admin\/graphiql$/)
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 })
    await page.waitForSelector('.graphiql-editor:has-text("query Me")')

    await page.click('.graphiql-execute-button')
    await page.waitForSelector('.result-window:has-text("hq.admin")')
    const result = (await page.textContent('.result-window')) ?? ''
    expect(result.replace(/\s/g, '')).toContain('"me":{"username":"hq.admin","displayName":"总部管理员","role":"HQ"')
    await screenshot(page, '40-graphiql')
  })

  it('fetched nothing from any other host', () => {
    const origin = new URL(backend.url).host
    expect(requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).host !== origin)).toEqual([])
  })

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
