// The dashboard behind ADMIN_TOKEN, in Chromium, from the built package (dist/collector.js):
// sign in, use the inbox with the session cookie, sign out.
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { listen, type Listening } from '../support/server'
import { response } from '../collector/storage/fixtures'

type CollectorModule = typeof import('../../src/collector')
const token = 'a-long-admin-token-for-the-test'
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

describe.runIf(browserAvailable())('signing in to the dashboard (Chromium)', () => {
  let browser: Browser
  let server: Listening
  let close: () => Promise<void>

  beforeAll(async () => {
    const dist = '../../dist/collector.js'
    const { createCollector, createCollectorServer, createStore, openDatabase } = (await import(/* @vite-ignore */ dist)) as CollectorModule
    const db = await openDatabase({ dataDir: 'memory://' })
    const store = createStore(db)
    const now = Date.now()
    for (let i = 0; i < 12; i++) {
      const at = new Date(now - i * 864e5).toISOString()
      await store.upsertResponse(response({ score: i % 11, comment: i < 3 ? `Comment ${i}` : null, createdAt: at, updatedAt: at, complete: true }))
    }
    server = await listen(createCollectorServer(createCollector({ store, adminToken: token, log: () => {} })))
    close = () => db.close()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await close?.()
  })

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push('pageerror: ' + error.message))
    page.on('console', (message) => {
      // The wrong token's 401 is the page's own answer, not a problem.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
    })
    await page.goto(url)
    return { page, problems }
  }

  it('sends a visitor to the sign-in page, refuses a wrong token, and opens the dashboard for the right one', async () => {
    const { page, problems } = await open(server.origin + '/dashboard')
    expect(new URL(page.url()).pathname).toBe('/login')
    // The sign-in page has no accessibility violations (axe-core, run past the page's CSP in a context of its own).
    const context = await browser.newContext({ bypassCSP: true })
    const audit = await context.newPage()
    await audit.goto(server.origin + '/login')
    await audit.addScriptTag({ path: axePath })
    const violations = await audit.evaluate(async () => {
      const { violations } = await (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })
      return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
    })
    expect(violations).toEqual([])
    await context.close()
    await page.fill('#token', 'not-the-token')
    await page.click('button[type=submit]')
    await expect.poll(() => page.textContent('.notice')).toBe('That is not the admin token.')

    await page.fill('#token', token)
    await page.click('button[type=submit]')
    await page.waitForURL(/\/dashboard$/)
    await page.locator('body[data-ready=true]').waitFor()
    expect(await page.textContent('#total')).toBe('12')
    // The session is HttpOnly: no script on the page can read it.
    expect(await page.evaluate(() => document.cookie)).toBe('')
    const [cookie] = await page.context().cookies()
    expect(cookie).toMatchObject({ name: 'npskit_session', httpOnly: true, sameSite: 'Strict', path: '/' })

    // The inbox changes data with the session cookie (and the page's own Origin).
    // Eight detractors (scores 0–6, and 0 again), all new.
    expect(await page.textContent('#open-count')).toBe('8 new')
    await page.fill('#admin-name', 'Kari')
    await page.locator('#inbox .message').first().getByRole('button', { name: 'Mark contacted' }).click()
    await expect.poll(() => page.textContent('#open-count')).toBe('7 new')

    await page.click('.signout button')
    await page.waitForURL(/\/login\?signed-out$/)
    expect(await page.textContent('.notice')).toBe('You are signed out.')
    await page.goto(server.origin + '/dashboard')
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(problems).toEqual([])
    await page.close()
  })
})
