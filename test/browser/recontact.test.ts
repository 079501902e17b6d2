import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { contractProblems } from '../support/contract'
import { startRecontactCollector, type RecontactCollector } from '../support/recontactCollector'
import { serve, type StaticServer } from '../support/server'

// Issue #19, one person on many devices: two browser contexts are two devices (no shared storage).
// The shop's page (one origin) runs the script tag with `recontactCheck`; the collector (another
// origin, CORS) is a small fake that implements the contract's routes.

type Result = { status: string; reason?: string }
type Npskit = (command: string, ...args: unknown[]) => Promise<Result>

describe.runIf(browserAvailable())('recontactCheck in Chromium against a fake collector', () => {
  let browser: Browser
  let server: StaticServer
  let collector: RecontactCollector
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
    collector = await startRecontactCollector()
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
  const checks = () => collector.urls.filter((u) => u.startsWith('/api/recontact?'))

  it('answered on one device: not asked on a second device for the same person, asked for another person', async () => {
    const phone = await device('/order/1')
    const shown = trigger(phone)
    const survey = phone.locator('npskit-survey')
    await survey.locator('[role=radio]').nth(9).click()
    await survey.locator('textarea').fill('Quick delivery')
    await survey.locator('[part~=submit]').click()
    expect(await shown).toMatchObject({ status: 'answered', score: 9 })
    await expect.poll(() => collector.bodies.some((b) => b.complete === true), { timeout: 10_000 }).toBe(true)
    // The phone asked first (salt, then one check with two hashes) and reported the showing.
    expect(checks()).toHaveLength(1)
    expect(new URL(checks()[0]!, 'http://x').searchParams.getAll('h')).toHaveLength(2)
    await expect.poll(() => collector.bodies.filter((b) => b.type === 'event').map((b) => b.event)).toEqual(['shown'])

    const laptop = await device('/order/1')
    expect(await trigger(laptop)).toEqual({ status: 'not-shown', reason: 'recontact-answered' })
    expect(await laptop.locator('npskit-survey').count()).toBe(0)

    const other = await device('/order/2')
    const asked = trigger(other)
    await other.locator('npskit-survey [role=radio]').first().waitFor()
    await other.locator('npskit-survey [part~=close]').click()
    expect(await asked).toMatchObject({ status: 'dismissed' })
    // …and having dismissed it, Ola is left alone on his next device too.
    await expect.poll(() => collector.bodies.filter((b) => b.type === 'event').map((b) => b.event)).toEqual(['shown', 'shown', 'dismissed'])
    expect(await trigger(await device('/order/2'))).toEqual({ status: 'not-shown', reason: 'recontact-dismissed' })
    // What the widget posted is the contract's event payload, and a response carries no `type`.
    for (const body of collector.bodies) expect(body.type === 'event' ? contractProblems(body) : body.type).toEqual(body.type === 'event' ? [] : undefined)
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
