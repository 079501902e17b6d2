// Alerts on the dashboard in Chromium, from the built package (dist/collector.js): a failed alert
// is a notice with its destination, error, time and a link to the answer in the inbox, and "Send
// again" delivers it, signed and audited; an alert being retried shows its next attempt; and an
// alert's link (/dashboard#inbox/<id>) opens that answer in the inbox, through the sign-in too,
// or says plainly that it is not there.
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { listen, type Listening } from '../support/server'
import { response } from '../collector/storage/fixtures'

type CollectorModule = typeof import('../../src/collector')
const token = 'a-long-admin-token-for-the-alerts-test'
const missingId = '00000000-0000-4000-8000-000000000000'
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

describe.runIf(browserAvailable())('alerts on the dashboard, and the inbox link of an alert (Chromium)', () => {
  let browser: Browser
  let server: Listening
  let receiver: Listening
  let alerts: import('../../src/collector').Alerts
  let store: import('../../src/collector').Store
  let close: () => Promise<void>
  // How the receiver answers each answer's alert; what it accepted.
  const answers = new Map<string, number>()
  const delivered: string[] = []
  const refused = response({ score: 1, complete: true, comment: 'Nobody answered the phone', contactConsent: true, user: { email: 'kari@example.com' } })
  const retrying = response({ score: 4, complete: true, comment: 'The box was wet' })
  const erased = response({ score: 2, complete: true, comment: 'Forget me', user: { id: 'cust-erase' } })

  beforeAll(async () => {
    receiver = await listen(createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        const id = (JSON.parse(body) as { response: { id: string } }).response.id
        const status = answers.get(id) ?? 200
        if (status === 200) delivered.push(id)
        res.writeHead(status).end()
      })
    }))
    answers.set(refused.id, 410)
    answers.set(retrying.id, 503)
    const dist = '../../dist/collector.js'
    const { createAlerts, createCollector, createCollectorServer, createStore, openDatabase } = (await import(/* @vite-ignore */ dist)) as CollectorModule
    const db = await openDatabase({ dataDir: 'memory://' })
    store = createStore(db)
    // The first retry of a 503 waits half a minute or more: long enough to read its next attempt.
    alerts = createAlerts(db, { webhooks: receiver.origin + '/hook', retryBaseMs: 60_000, pollMs: 100, log: () => {} })
    await alerts.start()
    server = await listen(createCollectorServer(createCollector({ store, alerts, adminToken: token, log: () => {} })))
    for (const r of [refused, retrying, erased]) {
      const posted = await fetch(server.origin + '/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) })
      expect(posted.status).toBe(201)
    }
    // Until the worker has tried each once: one refused for good, one to retry, one delivered.
    const settled = async () => {
      const s = await alerts.status()
      return s.failed === 1 && s.pendingAlerts.find((a) => a.responseId === retrying.id)?.attempts === 1 && s.sent === 1
    }
    for (let i = 0; i < 200 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 100))
    close = async () => {
      await alerts.stop()
      await db.close()
    }
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await close?.()
    await receiver?.close()
  })

  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push('pageerror: ' + error.message))
    page.on('console', (message) => {
      // The 404 of a link to an answer that is not there is expected; anything else is a problem.
      if (message.type() === 'error' && !message.text().includes('404')) problems.push(message.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
    })
    return { page, problems }
  }

  /** axe-core's findings on the alerts card and the linked answer, in a page like `page` (run past the CSP). */
  async function violations(page: Page, hash: string): Promise<string[]> {
    const context = await browser.newContext({ bypassCSP: true })
    await context.addCookies(await page.context().cookies())
    const audit = await context.newPage()
    await audit.goto(server.origin + '/dashboard' + hash)
    await audit.locator('#inbox-focus .message').waitFor()
    await audit.addScriptTag({ path: axePath })
    const found = await audit.evaluate(async () => {
      const { violations } = await (window as any).axe.run(
        { include: [['.alerts'], ['#inbox-focus']] },
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      )
      return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
    })
    await context.close()
    return found
  }

  async function signIn(page: Page): Promise<void> {
    await page.fill('#token', token)
    await page.click('button[type=submit]')
    await page.waitForURL(/\/dashboard(#.*)?$/)
    await page.locator('body[data-ready=true]').waitFor()
  }

  it('shows failed alerts with where, why and when, links them to the inbox, and sends one again, signed and audited', async () => {
    const { page, problems } = await newPage()
    await page.goto(server.origin + '/login')
    await signIn(page)

    const card = page.locator('#alerts')
    expect(await card.isVisible()).toBe(true)
    expect(await card.locator('.muted').first().textContent()).toMatch(/^1 sent · 1 waiting · 1 failed/)
    expect(await card.locator('.alert-failed-count').textContent()).toBe('1 alert could not be delivered and was given up on. Check the destination, then send it again.')
    const failure = page.locator(`#alerts-failed li[data-id="${refused.id}"]`)
    const destination = `webhook ${receiver.origin}`
    expect(await failure.textContent()).toMatch(new RegExp(`^${destination} · alert · HTTP 410 · failed .+ after 1 attempt · Open the answer Send again$`))
    expect(await failure.getByRole('link', { name: 'Open the answer' }).getAttribute('href')).toBe(`#inbox/${refused.id}`)
    // The one being retried: its error and when it is tried next, not a failure.
    const waiting = page.locator(`#alerts-waiting li[data-id="${retrying.id}"]`)
    expect(await waiting.textContent()).toMatch(/ · alert · retrying after HTTP 503 \(1 attempt\): next attempt .+ · Open the answer$/)
    expect(await page.locator(`#alerts-failed li[data-id="${retrying.id}"]`).count()).toBe(0)
    expect(await violations(page, `#inbox/${refused.id}`)).toEqual([])

    // The link opens that answer in the inbox, above the list, and moves the focus to it.
    await failure.getByRole('link', { name: 'Open the answer' }).click()
    const linked = page.locator('#inbox-focus .message')
    await expect.poll(() => linked.getAttribute('data-id')).toBe(refused.id)
    expect(await linked.locator('.comment').textContent()).toBe('Nobody answered the phone')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inbox-focus')

    // Send again: asks for the name first, like every change an admin makes.
    await page.fill('#admin-name', '')
    await failure.getByRole('button', { name: 'Send again' }).click()
    await expect.poll(() => page.textContent('#error')).toContain('Type your name')
    answers.set(refused.id, 200)
    await page.fill('#admin-name', 'Ola Nordmann')
    await failure.getByRole('button', { name: 'Send again' }).click()
    await expect.poll(() => page.locator('#alerts-failed').count()).toBe(0)
    expect(await page.locator('.alert-failed-count').count()).toBe(0)
    expect(await page.locator('#alerts-events li').first().textContent()).toMatch(new RegExp(`^alert to ${destination} \\(it had failed with HTTP 410\\) sent again by Ola Nordmann \\(session\\), `))
    await expect.poll(() => delivered.filter((id) => id === refused.id).length, { timeout: 10_000 }).toBe(1)
    expect((await alerts.status()).events[0]).toMatchObject({ responseId: refused.id, by: 'Ola Nordmann', via: 'session', lastError: 'HTTP 410' })
    expect(problems).toEqual([])
    await page.close()
  })

  it('opens the answer of an alert\'s link after signing in, and says plainly when it is not there', async () => {
    const { page, problems } = await newPage()
    await page.goto(`${server.origin}/dashboard#inbox/${retrying.id}`)
    // Not signed in: the sign-in page, which keeps the link's fragment through the sign-in.
    await page.waitForURL(/\/login#inbox\//)
    await signIn(page)
    expect(new URL(page.url()).hash).toBe(`#inbox/${retrying.id}`)
    const linked = page.locator('#inbox-focus .message')
    await expect.poll(() => linked.getAttribute('data-id')).toBe(retrying.id)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inbox-focus')
    // It can be worked on where it is: contacted, and the inbox below follows.
    await page.fill('#admin-name', 'Kari')
    await linked.getByRole('button', { name: 'Mark contacted' }).click()
    await expect.poll(() => linked.locator('.state-badge').textContent()).toBe('Contacted')
    expect((await store.followUpHistory(retrying.id))?.map((e) => [e.to, e.by])).toEqual([['contacted', 'Kari']])

    // An id that was never stored, one that is not an id, and one erased at the customer's request.
    const notice = page.locator('#inbox-focus .notice')
    for (const hash of [`#inbox/${missingId}`, '#inbox/not-an-id']) {
      await page.evaluate((h) => (location.hash = h), hash)
      await expect.poll(() => notice.textContent()).toMatch(/^There is no answer with this link: it was erased/)
      expect(await page.locator('#inbox-focus .message').count()).toBe(0)
    }
    expect(await store.eraseCustomer({ user: 'cust-erase' })).toBe(1)
    await page.goto(`${server.origin}/dashboard#inbox/${erased.id}`)
    await page.locator('body[data-ready=true]').waitFor()
    await expect.poll(() => notice.textContent()).toMatch(/^There is no answer with this link/)
    // Closing it leaves the inbox as it was.
    await page.locator('#inbox-focus').getByRole('link', { name: 'Close' }).click()
    await expect.poll(() => page.locator('#inbox-focus').isHidden()).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  })
})
