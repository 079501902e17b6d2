// The response rate on the dashboard in Chromium, from the built package (dist/collector.js):
// events and answers posted to the collector as the widget and the shop post them become the
// funnel (sent → shown → answered → commented per journey point and channel) and the rate by week.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { listen, root, type Listening } from '../support/server'
import { event, response } from '../collector/storage/fixtures'

type CollectorModule = typeof import('../../src/collector')
const token = 'a-long-admin-token-for-the-funnel-test'
const secret = 'Qm9yZGVyLWNvbGxpZS1zYWZlLXJhbmRvbS1zZWNyZXQ='
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const HOUR = 36e5
const shots = root + 'test-results/screenshots/'

describe.runIf(browserAvailable())('the response rate on the dashboard (Chromium)', () => {
  let browser: Browser
  let server: Listening
  let close: () => Promise<void>
  const now = Date.now()
  const iso = (ms: number) => new Date(ms).toISOString()
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const postJson = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(server.origin + path, { method: 'POST', headers, body: JSON.stringify(body) })

  beforeAll(async () => {
    const dist = '../../dist/collector.js'
    const { createCollector, createCollectorServer, createStore, openDatabase } = (await import(/* @vite-ignore */ dist)) as CollectorModule
    const db = await openDatabase({ dataDir: 'memory://' })
    server = await listen(createCollectorServer(createCollector({ store: createStore(db), adminToken: token, links: { secret }, log: () => {} })))
    close = () => db.close()
    // On the site: 4 shown, 1 dismissed, 2 answered, 1 of them with a comment.
    const answered = [response({ createdAt: iso(now - 2 * HOUR), updatedAt: iso(now - 2 * HOUR), comment: 'Quick checkout', complete: true }), response({ score: 4, createdAt: iso(now - HOUR), updatedAt: iso(now - HOUR) })]
    for (const r of answered) {
      expect((await postJson('/api/responses', event({ responseId: r.id, at: iso(Date.parse(r.createdAt) - 60_000) }))).status).toBe(201)
      expect((await postJson('/api/responses', r)).status).toBe(201)
    }
    expect((await postJson('/api/responses', event({ at: iso(now - 3 * HOUR) }))).status).toBe(201)
    expect((await postJson('/api/responses', event({ event: 'dismissed', at: iso(now - 3 * HOUR) }))).status).toBe(201)
    // A retry of a shown event counts once.
    const retried = event({ at: iso(now - 4 * HOUR) })
    expect((await postJson('/api/responses', retried)).status).toBe(201)
    expect((await postJson('/api/responses', retried)).status).toBe(200)
    // By email: 4 links signed through the admin route (each an email sent), 1 opened and answered.
    for (let i = 0; i < 4; i++) {
      expect((await postJson('/api/links', { orderId: `NH-${i}`, locale: 'nb', journeyPoint: 'order-delivered' }, auth)).status).toBe(201)
    }
    expect((await postJson('/api/responses', event({ channel: 'email', journeyPoint: 'order-delivered', at: iso(now - HOUR) }))).status).toBe(201)
    const fromEmail = response({ channel: 'email', journeyPoint: 'order-delivered', createdAt: iso(now - HOUR), updatedAt: iso(now - HOUR) })
    expect((await postJson('/api/responses', fromEmail)).status).toBe(201)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await close?.()
  })

  it('shows shown → answered → commented per journey point and channel, and the response rate', async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push('pageerror: ' + error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    await page.goto(server.origin + '/login')
    await page.fill('#token', token)
    await page.click('button[type=submit]')
    await page.waitForURL(/\/dashboard$/)
    await page.locator('body[data-ready=true]').waitFor()

    const rows = await page.locator('#funnelTable tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)))
    expect(rows).toEqual([
      ['Journey point', 'Channel', 'Sent', 'Shown', 'Dismissed', 'Answered', 'Commented', 'Rate'],
      // Most asked first: 4 emails sent and 1 opened, then 4 shown on the site.
      ['order-delivered', 'email', '4', '1', '0', '1', '0', '25 %'],
      ['checkout-complete', 'web', '0', '4', '1', '2', '1', '50 %'],
    ])
    const summary = await page.textContent('#funnel-summary')
    expect(summary).toContain('On the site: 50 % answered (4 shown, 1 dismissed, 2 answered, 1 with a comment).')
    expect(summary).toContain('By email: 25 % answered (4 emails sent, 1 opened, 1 answered, 0 with a comment).')
    // The rate by week is drawn: the chart's canvas has ink on it.
    const inked = await page.evaluate(() => {
      const canvas = document.getElementById('rate') as HTMLCanvasElement
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
      return n
    })
    expect(inked).toBeGreaterThan(500)
    mkdirSync(shots, { recursive: true })
    await page.locator('.funnel').screenshot({ path: shots + 'dashboard-response-rate.png' })

    // Filtering by journey point narrows the funnel; a language filter leaves it over every language.
    await page.selectOption('#journeyPoint', 'order-delivered')
    await expect.poll(() => page.locator('#funnelTable tr').count()).toBe(2)
    expect(await page.textContent('#funnel-summary')).not.toContain('On the site')
    await page.selectOption('#journeyPoint', '')
    await page.selectOption('#locale', 'nb')
    await expect.poll(() => page.locator('#funnelTable tr').count()).toBe(3)
    expect(await page.textContent('#error')).toBe('')
    expect(problems).toEqual([])

    // No accessibility violations in the card (axe-core, run past the CSP).
    const context = await browser.newContext({ bypassCSP: true })
    await context.addCookies(await page.context().cookies())
    const audit = await context.newPage()
    await audit.goto(server.origin + '/dashboard')
    await audit.locator('body[data-ready=true]').waitFor()
    await audit.addScriptTag({ path: axePath })
    const violations = await audit.evaluate(async () => {
      const { violations } = await (window as any).axe.run({ include: [['.funnel']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
      return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
    })
    expect(violations).toEqual([])
    await context.close()
    await page.close()
  })
})
