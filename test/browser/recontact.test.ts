import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { contractProblems } from '../support/contract'
import { startRecontactCollector } from '../support/recontactCollector'
import { listen, serve, type Listening, type StaticServer } from '../support/server'

// Issue #19, one person on many devices: two browser contexts are two devices (no shared storage).
// The shop's page (one origin) runs the script tag with `recontactCheck`; the collector (another
// origin, CORS) is first a small fake that implements the contract's routes, then the npskit
// collector itself as built (dist/collector.js, PGlite in memory).

/** A collector under test: where it listens, every URL asked of it, and a switch to make it slow. */
interface Subject extends Listening {
  readonly urls: string[]
  /** What was POSTed, where the test can see it (the fake only). */
  readonly bodies?: Record<string, unknown>[]
  slow(ms: number): void
}

type CollectorModule = typeof import('../../src/collector')

/** The npskit collector as built, behind a recorder of URLs that can also hold the recontact answer. */
async function startNpskitCollector(): Promise<Subject> {
  const dist = '../../dist/collector.js'
  const { createCollector, createStore, openDatabase } = (await import(/* @vite-ignore */ dist)) as CollectorModule
  const db = await openDatabase({ dataDir: 'memory://' })
  const handle = createCollector({ store: createStore(db), allowedOrigins: ['*'], log: () => {} })
  const urls: string[] = []
  let delayMs = 0
  const server = createServer(async (req, res) => {
    urls.push(req.url ?? '')
    if (delayMs && req.url?.startsWith('/api/recontact?')) await new Promise((r) => setTimeout(r, delayMs))
    void handle(req, res)
  })
  const listening = await listen(server)
  return { ...listening, urls, slow: (ms) => void (delayMs = ms), close: async () => (await listening.close(), await db.close()) }
}

type Result = { status: string; reason?: string }
type Npskit = (command: string, ...args: unknown[]) => Promise<Result>

describe.runIf(browserAvailable()).each([
  ['a fake collector', startRecontactCollector as () => Promise<Subject>],
  ['the npskit collector', startNpskitCollector],
])('recontactCheck in Chromium against %s', (_, start) => {
  let browser: Browser
  let server: StaticServer
  let collector: Subject
  const contexts: BrowserContext[] = []
  const pageUrls: string[] = []

  const shopPage = (user: object, consent = 'granted') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order confirmation</title></head><body>
<h1>Thank you for your order</h1>
<script type="application/json" data-npskit-config>${JSON.stringify({ user })}</script>
<script src="/dist/npskit.iife.js" data-endpoint="${collector.origin}/api/responses" data-recontact-check="${collector.origin}"
  data-consent="${consent}" data-locale="en" data-auto-close-ms="0"></script>
</body></html>`

  beforeAll(async () => {
    collector = await start()
    const pages = {
      '/order/1': shopPage({ id: 'C-1042', email: 'Kari.Nordmann@example.no' }),
      '/order/2': shopPage({ id: 'C-2077' }),
      '/order/3': shopPage({ id: 'C-3001' }, 'pending'),
      '/order/4': shopPage({ id: 'C-4004' }),
    }
    ;[browser, server] = await Promise.all([launchChromium(), serve({ pages })])
  })
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})))
    await Promise.all([browser?.close(), server?.close(), collector?.close()])
  })

  /** A new device opens `path`. */
  async function device(path: string): Promise<Page> {
    const context = await browser.newContext()
    contexts.push(context)
    const page = await context.newPage()
    page.on('request', (r) => pageUrls.push(r.url()))
    await page.goto(server.origin + path)
    await page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    return page
  }
  const trigger = (page: Page) => page.evaluate(() => (window as unknown as { npskit: Npskit }).npskit('trigger', 'checkout-complete'))
  const delivered = (page: Page) => page.evaluate(() => localStorage.getItem('npskit:queue') === null)
  const checks = () => collector.urls.filter((u) => u.startsWith('/api/recontact?'))

  it('answered on one device: not asked on a second device for the same person, asked for another person', async () => {
    const phone = await device('/order/1')
    const shown = trigger(phone)
    const survey = phone.locator('npskit-survey')
    await survey.locator('[role=radio]').nth(9).click()
    await survey.locator('textarea').fill('Quick delivery')
    await survey.locator('[part~=submit]').click()
    expect(await shown).toMatchObject({ status: 'answered', score: 9 })
    // Delivered (each item leaves the stored queue on a 2xx): the response and the `shown` event.
    await expect.poll(() => delivered(phone), { timeout: 10_000 }).toBe(true)
    // The phone asked first (salt, then one check with two hashes) and reported the showing.
    expect(checks()).toHaveLength(1)
    expect(new URL(checks()[0]!, 'http://x').searchParams.getAll('h')).toHaveLength(2)
    if (collector.bodies) expect(collector.bodies.filter((b) => b.type === 'event').map((b) => b.event)).toEqual(['shown'])

    const laptop = await device('/order/1')
    expect(await trigger(laptop)).toEqual({ status: 'not-shown', reason: 'recontact-answered' })
    expect(await laptop.locator('npskit-survey').count()).toBe(0)

    const other = await device('/order/2')
    const asked = trigger(other)
    await other.locator('npskit-survey [role=radio]').first().waitFor()
    await other.locator('npskit-survey [part~=close]').click()
    expect(await asked).toMatchObject({ status: 'dismissed' })
    await expect.poll(() => delivered(other), { timeout: 10_000 }).toBe(true)
    // …and having dismissed it, Ola is left alone on his next device too.
    expect(await trigger(await device('/order/2'))).toEqual({ status: 'not-shown', reason: 'recontact-dismissed' })
    if (collector.bodies) {
      expect(collector.bodies.filter((b) => b.type === 'event').map((b) => b.event)).toEqual(['shown', 'shown', 'dismissed'])
      // What the widget posted is the contract's event payload, and a response carries no `type`.
      for (const body of collector.bodies) expect(body.type === 'event' ? contractProblems(body) : body.type).toEqual(body.type === 'event' ? [] : undefined)
    }
  })

  it('makes no request to the collector before consent, and asks it once consent is granted', async () => {
    const before = collector.urls.length
    const page = await device('/order/3')
    expect(await trigger(page)).toEqual({ status: 'not-shown', reason: 'consent-pending' })
    await page.waitForTimeout(300)
    expect(collector.urls.slice(before)).toEqual([])
    await page.evaluate(() => (window as unknown as { npskit: Npskit }).npskit('setConsent', 'granted'))
    await page.locator('npskit-survey [role=radio]').first().waitFor()
    expect(collector.urls.slice(before).filter((u) => u.startsWith('/api/recontact'))).toEqual(['/api/recontact/salt', expect.stringMatching(/^\/api\/recontact\?h=[0-9a-f]{64}&answered=90&dismissed=14$/)])
  })

  it('asks when the collector takes longer than 800 ms', async () => {
    collector.slow(5000)
    try {
      const page = await device('/order/4')
      const started = Date.now()
      trigger(page).catch(() => {}) // still waiting when the test ends
      await page.locator('npskit-survey [role=radio]').first().waitFor({ timeout: 4000 })
      // Shown well before the collector's answer (5 s), after the 800 ms it was given.
      expect(Date.now() - started).toBeLessThan(4000)
    } finally {
      collector.slow(0)
    }
  })

  it('never puts the id or the email in any URL', async () => {
    expect(pageUrls.length).toBeGreaterThan(10)
    const all = [...pageUrls, ...collector.urls].join('\n')
    expect(all).not.toMatch(/C-1042|C-2077|C-3001|C-4004|kari|nordmann|%40|@example/i)
  })
})
