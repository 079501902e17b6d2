import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { serve, type StaticServer } from '../support/server'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
const nonce = 'r4nd0mN0nce'
// The strictest policy a shop might set: scripts only from itself, styles only with the nonce.
const strictCsp = `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'`

describe.runIf(browserAvailable())('the script tag (dist/npskit.iife.js) in Chromium', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve({ htmlHeaders: { 'content-security-policy': strictCsp } })])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  async function open(path: string): Promise<{ page: Page; problems: string[]; requested: string[] }> {
    const page = await browser.newPage()
    const problems: string[] = []
    const requested: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await page.goto(server.origin + path)
    return { page, problems, requested }
  }

  it('reads data-* and the JSON block, replays queued calls in order, and shows at the journey point', async () => {
    const { page, problems, requested } = await open('/test/fixtures/script-tag.html')
    const host = page.locator('npskit-survey')
    await host.locator('[role=radiogroup]').waitFor()
    // data-locale="nb" and data-brand
    await expect(host.locator('[part~=question]').textContent()).resolves.toContain('anbefale Nordhandel')
    // data-placement
    expect(await host.evaluate((el) => el.shadowRoot!.querySelector('.root')!.className)).toContain('bottom-left')
    await host.locator('[role=radio]').nth(3).click()
    await host.locator('textarea').fill('Pakken kom for sent')
    await host.getByRole('button', { name: 'Send' }).click()
    await expect(host.locator('[part~=thank-you]').textContent()).resolves.toContain('Vi leser alt')
    expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual([
      'show:checkout-complete',
      'score:3',
      'submit:Pakken kom for sent',
    ])
    const global = await page.evaluate(() => {
      const n = (window as unknown as { npskit: Record<string, unknown> }).npskit
      return { type: typeof n, version: n.version, methods: ['show', 'hide', 'on', 'destroy'].every((m) => typeof n[m] === 'function') }
    })
    expect(global).toEqual({ type: 'function', version: pkg.version, methods: true })
    // The UI and exactly one locale were fetched from beside the script.
    expect(requested).toContain('/dist/npskit-ui.js')
    expect(requested.filter((p) => p.startsWith('/dist/locales/'))).toEqual(['/dist/locales/nb.js'])
    // No <nps-survey> on this page: its wiring stays on the CDN.
    expect(requested).not.toContain('/dist/npskit-connect.js')
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
    // data-cookieconsent belongs to a consent manager: a warning, nothing worse.
    expect(problems).toEqual([expect.stringContaining('data-cookieconsent')])
    await page.close()
  })

  it('costs only the loader on a page where no survey shows, and loading it twice gives one instance and a warning', async () => {
    const { page, problems, requested } = await open('/test/fixtures/script-tag-quiet.html')
    await page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    await page.waitForTimeout(300)
    // Chromium may serve the second tag from its memory cache: one or two requests, all the loader.
    expect(new Set(requested.filter((p) => p.startsWith('/dist/')))).toEqual(new Set(['/dist/npskit.iife.js']))
    expect(await page.locator('npskit-survey').count()).toBe(0)
    expect(problems).toEqual([expect.stringContaining('twice')])
    // The one instance works: showing now fetches the UI.
    await page.evaluate(() => void (window as unknown as { npskit: (c: string, o?: object) => unknown }).npskit('show'))
    await page.locator('npskit-survey').locator('[role=radiogroup]').waitFor()
    expect(requested).toContain('/dist/npskit-ui.js')
    expect(await page.locator('npskit-survey').count()).toBe(1)
    await page.close()
  })

  it('registers <nps-survey>: the element shows inline, its wiring is fetched for it, and removing it ends the survey', async () => {
    const page = await browser.newPage()
    const requested: string[] = []
    const problems: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()))
    await page.route('**/element.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><main><nps-survey brand="Nordhandel" locale="da" storage="memory"></nps-survey></main><script src="/dist/npskit.iife.js"></script><script>document.querySelector("nps-survey").addEventListener("nps-score", (e) => (window.scored = e.detail.score))</script>',
      }),
    )
    await page.goto(server.origin + '/element.html')
    const inside = page.locator('nps-survey npskit-survey')
    await expect(inside.locator('[part~=question]').textContent()).resolves.toContain('anbefale Nordhandel')
    expect(requested).toContain('/dist/npskit-connect.js')
    await inside.locator('[role=radio]').nth(6).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { scored?: number }).scored)).toBe(6)
    await page.evaluate(() => document.querySelector('nps-survey')!.remove())
    await expect.poll(() => page.locator('npskit-survey').count()).toBe(0)
    expect(problems).toEqual([])
    await page.close()
  })

  it('fetches the UI while a journey point waits out its delay, so the survey is ready when the delay ends', async () => {
    const page = await browser.newPage()
    await page.route('**/delayed.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script>
          new MutationObserver(() => { if (document.querySelector('npskit-survey')) window.appeared ??= performance.now() }).observe(document.documentElement, { childList: true, subtree: true })
        </script>
        <script type="application/json" data-npskit-config>{ "journeyPoints": { "checkout-complete": { "delayMs": 1500 } } }</script>
        <script src="/dist/npskit.iife.js" data-journey-point="checkout-complete" data-storage="memory"></script>`,
      }),
    )
    await page.goto(server.origin + '/delayed.html')
    await page.locator('npskit-survey [role=radiogroup]').waitFor()
    const { appeared, uiStart } = await page.evaluate(() => ({
      appeared: (window as unknown as { appeared: number }).appeared,
      uiStart: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/dist/npskit-ui.js'))!.startTime,
    }))
    // Fetched right after the trigger, not after the 1.5 s delay (half of it is a wide margin).
    expect(appeared - uiStart).toBeGreaterThan(750)
    await page.close()
  })

  it('reports a wrong attribute on the console instead of breaking the page', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push('pageerror ' + e.message))
    await page.route('**/bad.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><p id=ok>shop</p><script src="/dist/npskit.iife.js" data-placement="center"></script>',
      }),
    )
    await page.goto(server.origin + '/bad.html')
    await page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    // Nothing to do on this page, so the rest of npskit (which checks the options) is not even loaded.
    expect(errors).toEqual([])
    // A command loads it: the mistake is named on the console, and the command answered, not thrown.
    await page.evaluate(() => (window as unknown as { npskit: (c: string) => Promise<unknown> }).npskit('show'))
    expect(errors).toEqual([expect.stringMatching(/option "placement" must be one of/), expect.stringMatching(/cannot run "show"/)])
    expect(await page.locator('#ok').textContent()).toBe('shop')
    await page.close()
  })

  it("styles the survey with its own script tag's nonce where constructable stylesheets are missing", async () => {
    const run = async (withNonce: boolean) => {
      const page = await browser.newPage()
      await page.addInitScript(() => {
        delete (Document.prototype as unknown as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
      })
      await page.route('**/nonce.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'content-security-policy': strictCsp },
          body: `<!doctype html><script src="/test/fixtures/csp-violations.js"></script><p>Takk!</p>
            <script src="/dist/npskit.iife.js" ${withNonce ? `nonce="${nonce}"` : ''} data-journey-point="checkout-complete" data-locale="en"></script>`,
        }),
      )
      await page.goto(server.origin + '/nonce.html')
      await page.locator('npskit-survey .card').waitFor()
      const position = await page.locator('npskit-survey .card').evaluate((el) => getComputedStyle(el).position)
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
      await page.close()
      return { position, violations }
    }
    expect(await run(true)).toEqual({ position: 'fixed', violations: [] })
    // Without the nonce the policy blocks the style: the check above can fail.
    expect((await run(false)).violations.length).toBeGreaterThan(0)
  })

  it('reports a CDN that fails to serve the rest of npskit on the console, and the page carries on', async () => {
    const page = await browser.newPage()
    const pageErrors: string[] = []
    const consoleErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
    await page.route('**/dist/npskit-engine.js', (route) => route.fulfill({ status: 404, body: 'not found' }))
    await page.route('**/cdn-down.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><p id=ok>shop</p><nps-survey brand="Nordhandel"></nps-survey><script src="/dist/npskit.iife.js" data-journey-point="checkout-complete" data-storage="memory"></script>',
      }),
    )
    await page.goto(server.origin + '/cdn-down.html')
    await expect.poll(() => consoleErrors.length).toBeGreaterThan(0)
    await page.evaluate(() => (window as unknown as { npskit: (c: string) => Promise<unknown> }).npskit('show'))
    await page.waitForTimeout(200)
    expect(pageErrors).toEqual([])
    expect(await page.locator('#ok').textContent()).toBe('shop')
    await page.close()
  })
})
