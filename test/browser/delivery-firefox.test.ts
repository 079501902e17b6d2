import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'puppeteer-core'
import type { TestApi } from '../fixtures/delivery-entry'
import { firefoxAvailable, launchFirefox } from '../support/firefox'
import { bundleDeliveryEntry } from '../support/deliveryEntry'
import { startCollector, type Collector } from '../support/collector'
import { serve, type StaticServer } from '../support/server'

// The delivery scenarios where Gecko differs from Chromium: keepalive and sendBeacon on the
// way out, Web Locks across tabs, CORS, and a broken fetch. The full set runs in Chromium
// (delivery.test.ts); this file repeats the ones an engine could get wrong.
type Window = { __npskit: TestApi }

describe.runIf(firefoxAvailable())('delivery in Firefox ESR', () => {
  let browser: Browser
  let server: StaticServer
  const collectors: Collector[] = []
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    await bundleDeliveryEntry('delivery-firefox')
    ;[browser, server] = await Promise.all([launchFirefox(), serve()])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([...collectors.map((c) => c.close()), ...contexts.map((c) => c.close().catch(() => {}))])
    await Promise.all([browser?.close(), server?.close()])
  })

  const collect = async () => {
    const collector = await startCollector()
    collectors.push(collector)
    return collector
  }
  const newContext = async () => {
    const context = await browser.createBrowserContext()
    contexts.push(context)
    return context
  }
  const open = async (context: BrowserContext, collector: Collector, options: object = {}): Promise<Page> => {
    const page = await context.newPage()
    const query = new URLSearchParams({ endpoint: collector.url, options: JSON.stringify(options), entry: 'delivery-firefox' })
    await page.goto(`${server.origin}/test/fixtures/delivery.html?${query}`)
    await page.waitForFunction(() => (globalThis as unknown as Partial<Window>).__npskit !== undefined)
    return page
  }
  const queued = (page: Page) => page.evaluate(() => (globalThis as unknown as Window).__npskit.queued().length)

  it('keeps responses while the collector is down and stores each once when it is back, from two tabs', async () => {
    const collector = await collect()
    await collector.down()
    const context = await newContext()
    const options = { retry: { baseMs: 250, maxMs: 1000 } }
    const tabs = [await open(context, collector, options), await open(context, collector, options)]
    const ids: string[] = []
    for (let i = 0; i < 10; i++) {
      const id = `ff-${i}`
      ids.push(id)
      await tabs[i % 2]!.evaluate((id) => (globalThis as unknown as Window).__npskit.score(id), id)
      await tabs[i % 2]!.evaluate((id) => (globalThis as unknown as Window).__npskit.comment(id, 'from Firefox'), id)
    }
    await new Promise((r) => setTimeout(r, 500))
    await collector.up()
    await expect.poll(() => [...collector.stored.values()].filter((r) => r.complete).length, { timeout: 20_000 }).toBe(10)
    for (const tab of tabs) await expect.poll(() => queued(tab)).toBe(0)
    expect(collector.duplicates()).toEqual([])
    expect(collector.receipts.every((r) => r.cookie === undefined)).toBe(true)
  })

  it('retries a 500, and on pagehide sends what waits for a retry', async () => {
    const collector = await collect()
    collector.plan = (n) => (n === 0 ? 'error' : 'ok')
    const page = await open(await newContext(), collector, { retry: { baseMs: 60_000 } })
    await page.evaluate(() => (globalThis as unknown as Window).__npskit.score('ff-waiting'))
    await expect.poll(() => collector.receipts.length, { timeout: 5000 }).toBe(1)
    await page.goto('about:blank')
    await expect.poll(() => collector.stored.get('ff-waiting'), { timeout: 5000 }).toBeDefined()
    expect(collector.receipts.map((r) => r.status)).toEqual([500, 204])
  })

  it('stores a score given just before navigating away, and delivers by XMLHttpRequest when fetch is broken', async () => {
    const collector = await collect()
    const page = await open(await newContext(), collector)
    await page.evaluate(() => {
      (globalThis as unknown as Window).__npskit.score('ff-gone')
      location.href = 'about:blank'
    })
    await expect.poll(() => collector.stored.get('ff-gone'), { timeout: 5000 }).toBeDefined()
    const broken = await open(await newContext(), collector)
    await broken.evaluate(() => {
      window.fetch = () => {
        throw new Error('broken by the host page')
      }
      (globalThis as unknown as Window).__npskit.score('ff-no-fetch')
    })
    await expect.poll(() => collector.stored.get('ff-no-fetch'), { timeout: 5000 }).toBeDefined()
    await expect.poll(() => queued(broken)).toBe(0)
  })
})
