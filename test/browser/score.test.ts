import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { serve, type StaticServer } from '../support/server'
// @ts-expect-error plain JS fixture shared with the page and the worker
import { computeCases } from '../fixtures/score-cases.js'

describe.runIf(browserAvailable())('npskit/score (built dist/score.js) in Chromium', () => {
  let browser: Browser
  let server: StaticServer
  let page: Page
  let inNode: unknown

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve()])
    inNode = computeCases(await import(/* @vite-ignore */ new URL('../../dist/score.js', import.meta.url).href))
    page = await browser.newPage()
    await page.goto(server.origin + '/test/fixtures/score.html')
    await page.waitForFunction(() => '__page' in window)
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  it('gives the same results in a page as in Node', async () => {
    const inPage = await page.evaluate(() => (window as unknown as { __page: unknown }).__page)
    expect(inPage).toEqual(inNode)
  })

  it('runs unchanged in a module web worker', async () => {
    const inWorker = await page.evaluate(() => (window as unknown as { __worker: Promise<unknown> }).__worker)
    expect(inWorker).toEqual(inNode)
  })

  it('is a real computation, not an empty object', () => {
    const cases = inNode as { nps: number; error: { name: string } }
    expect(cases.nps).toBeCloseTo(((7 - 6) / 16) * 100, 10)
    expect(cases.error.name).toBe('RangeError')
  })
})
