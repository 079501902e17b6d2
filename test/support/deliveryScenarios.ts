import { afterAll, beforeAll, expect, it } from 'vitest'
import type { TestApi } from '../fixtures/delivery-entry'
import { startCollector, type Collector } from './collector'
import { bundleDeliveryEntry } from './deliveryEntry'
import { serve, type StaticServer } from './server'

// The delivery scenarios where engines differ (keepalive and sendBeacon on the way out, Web Locks
// across tabs, CORS, a broken fetch), written once for any browser's driver. The full set runs in
// Chromium (delivery.test.ts); Firefox and WebKit run these through a small adapter each.
type Window = { __npskit: TestApi }

/** One tab of a visitor's browser. */
export interface Tab {
  /** Runs `fn(arg)` in the page and returns its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>
  /** Navigates; resolves once the new page has loaded. */
  goto(url: string): Promise<void>
}

/** A visitor: one browser profile (storage shared by its tabs, nothing shared with other visitors). */
export interface Visitor {
  newTab(): Promise<Tab>
}

export interface DeliveryDriver {
  /** The test-results folder the fixture's bundle goes to (one per suite). */
  entry: string
  /** Starts the browser. */
  launch(): Promise<void>
  /** A fresh visitor. A driver that runs one profile at a time may end the previous visitor. */
  visitor(): Promise<Visitor>
  close(): Promise<void>
}

/** Registers the shared delivery scenarios for `driver` (call inside a `describe`). */
export function deliveryScenarios(driver: DeliveryDriver): void {
  let server: StaticServer
  const collectors: Collector[] = []

  beforeAll(async () => {
    await bundleDeliveryEntry(driver.entry)
    ;[, server] = await Promise.all([driver.launch(), serve({ lifetimeMs: 600_000 })])
  }, 120_000)
  afterAll(async () => {
    await Promise.all(collectors.map((c) => c.close()))
    await Promise.all([driver.close(), server?.close()])
  })

  const collect = async () => {
    const collector = await startCollector()
    collectors.push(collector)
    return collector
  }
  /** The fixture page in a new tab of `visitor`, delivering to `collector` (another origin: CORS applies). */
  const open = async (visitor: Visitor, collector: Collector, options: object = {}): Promise<Tab> => {
    const tab = await visitor.newTab()
    const query = new URLSearchParams({ endpoint: collector.url, options: JSON.stringify(options), entry: driver.entry })
    await tab.goto(`${server.origin}/test/fixtures/delivery.html?${query}`)
    await expect.poll(() => tab.evaluate(() => (globalThis as unknown as Partial<Window>).__npskit !== undefined, null), { timeout: 20_000 }).toBe(true)
    return tab
  }
  const queued = (tab: Tab) => tab.evaluate(() => (globalThis as unknown as Window).__npskit.queued().length, null)
  const score = (tab: Tab, id: string) => tab.evaluate((id) => (globalThis as unknown as Window).__npskit.score(id), id)

  it('keeps responses while the collector is down and stores each once when it is back, from two tabs', async () => {
    const collector = await collect()
    await collector.down()
    const visitor = await driver.visitor()
    const options = { retry: { baseMs: 250, maxMs: 1000 } }
    const tabs = [await open(visitor, collector, options), await open(visitor, collector, options)]
    for (let i = 0; i < 10; i++) {
      const id = `two-tabs-${i}`
      await score(tabs[i % 2]!, id)
      await tabs[i % 2]!.evaluate((id) => (globalThis as unknown as Window).__npskit.comment(id, 'from a tab'), id)
    }
    await new Promise((r) => setTimeout(r, 500))
    await collector.up()
    await expect.poll(() => [...collector.stored.values()].filter((r) => r.complete).length, { timeout: 30_000 }).toBe(10)
    for (const tab of tabs) await expect.poll(() => queued(tab), { timeout: 10_000 }).toBe(0)
    expect(collector.duplicates()).toEqual([])
    expect(collector.receipts.every((r) => r.cookie === undefined)).toBe(true)
  })

  it('retries a 500, and on pagehide sends what waits for a retry', async () => {
    const collector = await collect()
    collector.plan = (n) => (n === 0 ? 'error' : 'ok')
    const tab = await open(await driver.visitor(), collector, { retry: { baseMs: 60_000 } })
    await score(tab, 'waiting')
    await expect.poll(() => collector.receipts.length, { timeout: 10_000 }).toBe(1)
    await tab.goto('about:blank')
    await expect.poll(() => collector.stored.get('waiting'), { timeout: 10_000 }).toBeDefined()
    expect(collector.receipts.map((r) => r.status)).toEqual([500, 204])
  })

  it('stores a score given just before navigating away', async () => {
    const collector = await collect()
    const tab = await open(await driver.visitor(), collector)
    await tab.evaluate(() => {
      ;(globalThis as unknown as Window).__npskit.score('gone')
      location.href = 'about:blank'
    }, null)
    await expect.poll(() => collector.stored.get('gone'), { timeout: 10_000 }).toBeDefined()
  })

  it('sends no cookies, and custom headers go through a CORS preflight', async () => {
    const collector = await collect()
    const tab = await open(await driver.visitor(), collector, { headers: { 'x-shop-key': 'k1' } })
    await tab.evaluate(() => {
      // Cookies are per host, not per port: the collector on 127.0.0.1 would get this one if asked.
      document.cookie = 'session=secret; path=/'
      ;(globalThis as unknown as Window).__npskit.score('cookieless')
    }, null)
    await expect.poll(() => collector.stored.get('cookieless'), { timeout: 10_000 }).toBeDefined()
    expect(collector.receipts.map((r) => r.cookie)).toEqual([undefined])
    expect(collector.receipts[0]!.headers['x-shop-key']).toBe('k1')
    expect(collector.preflights()).toBe(1)
    await expect.poll(() => queued(tab), { timeout: 10_000 }).toBe(0)
  })

  it('delivers by XMLHttpRequest when the host page broke fetch', async () => {
    const collector = await collect()
    const tab = await open(await driver.visitor(), collector)
    await tab.evaluate(() => {
      window.fetch = () => {
        throw new Error('broken by the host page')
      }
      ;(globalThis as unknown as Window).__npskit.score('no-fetch')
    }, null)
    await expect.poll(() => collector.stored.get('no-fetch'), { timeout: 10_000 }).toBeDefined()
    await expect.poll(() => queued(tab), { timeout: 10_000 }).toBe(0)
  })
}
