// The inbox in Chromium, from the built package (dist/collector.js): a detractor who may be
// contacted goes new → contacted ("Reply by email" opens a drafted mailto: and records the contact)
// → resolved with a note, signed with the admin's name; and the median time to first contact
// appears on the dashboard.
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { listen, type Listening } from '../support/server'
import { response } from '../collector/storage/fixtures'

type CollectorModule = typeof import('../../src/collector')
const token = 'a-long-admin-token-for-the-inbox-test'
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const HOUR = 36e5

describe.runIf(browserAvailable())('the inbox of the dashboard (Chromium)', () => {
  let browser: Browser
  let server: Listening
  let store: import('../../src/collector').Store
  let close: () => Promise<void>
  const now = Date.now()
  const iso = (ms: number) => new Date(ms).toISOString()
  // Answered two hours ago, in Norwegian, and may be contacted: first in the inbox though older.
  const kari = response({
    score: 2, comment: 'Rabattkoden virket ikke', contactConsent: true, locale: 'nb-NO', complete: true,
    user: { email: 'kari@example.com', name: 'Kari' }, createdAt: iso(now - 2 * HOUR), updatedAt: iso(now - 2 * HOUR),
  })
  const silent = response({ score: 5, comment: 'Slow delivery', complete: true, createdAt: iso(now - HOUR), updatedAt: iso(now - HOUR) })

  beforeAll(async () => {
    // A path in a variable: the built package, which the type check (run before the build) does not see.
    const dist = '../../dist/collector.js'
    const { createCollector, createCollectorServer, createStore, openDatabase } = (await import(/* @vite-ignore */ dist)) as CollectorModule
    const db = await openDatabase({ dataDir: 'memory://' })
    store = createStore(db)
    await store.upsertMany([kari, silent, response({ score: 10, createdAt: iso(now - 3 * HOUR), updatedAt: iso(now - 3 * HOUR) })])
    server = await listen(createCollectorServer(createCollector({ store, adminToken: token, log: () => {} })))
    close = () => db.close()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await close?.()
  })

  async function signIn(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push('pageerror: ' + error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
    })
    await page.goto(server.origin + '/login')
    await page.fill('#token', token)
    await page.click('button[type=submit]')
    await page.waitForURL(/\/dashboard$/)
    await page.locator('body[data-ready=true]').waitFor()
    return { page, problems }
  }

  it('takes a detractor from new to contacted to resolved, and shows the median time to first contact', async () => {
    const { page, problems } = await signIn()
    const first = page.locator('#inbox .message').first()
    expect(await first.getAttribute('data-id')).toBe(kari.id)
    expect(await page.locator('#inbox .message').count()).toBe(2)
    expect(await page.textContent('#open-count')).toBe('2 new')
    expect(await first.locator('.state-badge').textContent()).toBe('New')
    expect(await page.textContent('#ttc-median')).toBe('–')

    // Without a name, nothing is recorded and the page asks for one.
    const reply = first.getByRole('link', { name: 'Reply by email' })
    await reply.click()
    await expect.poll(() => page.textContent('#error')).toContain('Type your name')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('admin-name')
    expect(await store.followUpHistory(kari.id)).toEqual([])

    await page.fill('#admin-name', 'Ola Nordmann')
    // The draft is in the customer's language, quotes the comment and is signed with the name.
    const href = (await reply.getAttribute('href'))!
    expect(href.startsWith('mailto:kari@example.com?subject=Om%20tilbakemeldingen%20din&body=Hei%20Kari%2C%0D%0A')).toBe(true)
    expect(href).toContain(encodeURIComponent('> Rabattkoden virket ikke'))
    await reply.click()
    const contacted = page.locator(`#inbox .message[data-id="${kari.id}"]`)
    await expect.poll(() => contacted.locator('.state-badge').textContent()).toBe('Contacted')
    expect(await contacted.locator('.state').textContent()).toMatch(/^Contacted by Ola Nordmann, /)
    expect(await page.textContent('#open-count')).toBe('1 new')
    // Two hours from answer to first contact (and the seconds this test took, on a busy machine):
    // the median, and the week's row in the table.
    const twoHours = /^2 h( \d min)?$/
    await expect.poll(() => page.textContent('#ttc-median')).toMatch(twoHours)
    expect(await page.textContent('#ttc-summary')).toContain('over 1 answers contacted')
    const week = await page.locator('#ttcTable tr').nth(1).locator('td').allTextContents()
    expect(week.slice(1)).toEqual(['1', expect.stringMatching(twoHours), expect.stringMatching(twoHours)])

    // Resolved with a note: it leaves the open list and appears under Resolved.
    await contacted.getByLabel('Note').fill('Sent a new code, valid for 48 hours')
    await contacted.getByRole('button', { name: 'Mark resolved' }).click()
    await expect.poll(() => page.locator(`#inbox .message[data-id="${kari.id}"]`).count()).toBe(0)
    expect(await page.textContent('#state-counts')).toBe('1 new · 0 contacted · 1 resolved')
    await page.selectOption('#follow-up-state', 'resolved')
    const resolved = page.locator(`#inbox .message[data-id="${kari.id}"]`)
    await resolved.waitFor()
    expect(await resolved.locator('.state').textContent()).toMatch(/^Resolved by Ola Nordmann, .*: Sent a new code, valid for 48 hours$/)
    await resolved.locator('.history summary').click()
    await expect.poll(() => resolved.locator('.events li').allTextContents()).toEqual([
      expect.stringMatching(/: New → Contacted by Ola Nordmann$/),
      expect.stringMatching(/: Contacted → Resolved by Ola Nordmann: Sent a new code, valid for 48 hours$/),
    ])
    // Resolving does not move the first contact.
    expect(await page.textContent('#ttc-median')).toMatch(twoHours)

    // Recorded with the session it came through; the name stays in this browser.
    expect((await store.followUpHistory(kari.id))?.map((e) => [e.to, e.by, e.via])).toEqual([
      ['contacted', 'Ola Nordmann', 'session'],
      ['resolved', 'Ola Nordmann', 'session'],
    ])
    await page.reload()
    await page.locator('body[data-ready=true]').waitFor()
    expect(await page.inputValue('#admin-name')).toBe('Ola Nordmann')
    expect(await page.evaluate(() => document.cookie)).toBe('')
    expect(problems).toEqual([])

    // The inbox and the time to first contact have no accessibility violations (axe-core, run past the CSP).
    const context = await browser.newContext({ bypassCSP: true })
    await context.addCookies(await page.context().cookies())
    const audit = await context.newPage()
    await audit.goto(server.origin + '/dashboard')
    await audit.locator('body[data-ready=true]').waitFor()
    await audit.selectOption('#follow-up-state', '')
    await audit.locator('#inbox .message').nth(1).waitFor()
    await audit.addScriptTag({ path: axePath })
    const violations = await audit.evaluate(async () => {
      const { violations } = await (window as any).axe.run(
        { include: [['.inbox'], ['.contact-times']] },
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      )
      return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
    })
    expect(violations).toEqual([])
    await context.close()
    await page.close()
  })
})
