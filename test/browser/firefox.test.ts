import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'puppeteer-core'
import { firefoxAvailable, launchFirefox } from '../support/firefox'
import { snippet } from '../support/readme'
import { root, serve, type StaticServer } from '../support/server'

// The same page in Gecko where engines differ: shadow DOM and constructable stylesheets, the
// script tag's dynamic import of its UI from a classic script, keyboard handling, strict CSP,
// and the last-moment delivery when the customer leaves (keepalive fetch / sendBeacon).
const strictCsp = "default-src 'self'; script-src 'self'; style-src 'self'"

describe.runIf(firefoxAvailable())('the script tag in Firefox ESR', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchFirefox(), serve({ htmlHeaders: { 'content-security-policy': strictCsp } })])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(server.origin + '/test/fixtures/firefox.html')
    await page.waitForSelector('npskit-survey >>> [role=radiogroup]')
    return { page, errors }
  }

  it('shows from data-* attributes, answers by keyboard alone, posts both phases, under a strict CSP', async () => {
    const { page, errors } = await open()
    const before = server.posted.length
    // Focus the scale the way a keyboard user does, then pick 3 with the digit key.
    await page.$eval('npskit-survey >>> [role=radio][tabindex="0"]', (el) => (el as HTMLElement).focus())
    await page.keyboard.press('3')
    await page.keyboard.press('Enter')
    await page.waitForSelector('npskit-survey >>> textarea')
    await page.type('npskit-survey >>> textarea', 'Pakken kom for sent')
    await page.click('npskit-survey >>> [part~=submit]')
    await page.waitForSelector('npskit-survey >>> [part~=thank-you]')
    await expect.poll(() => server.posted.slice(before).length, { timeout: 10_000 }).toBe(2)
    const [first, last] = server.posted.slice(before)
    expect(first!.body).toMatchObject({ score: 3, complete: false, locale: 'nb', journeyPoint: 'checkout-complete' })
    expect(last!.body).toMatchObject({ id: first!.body.id, comment: 'Pakken kom for sent', complete: true })
    const styled = await page.$eval('npskit-survey >>> .card', (el) => getComputedStyle(el).position)
    expect(styled).toBe('fixed')
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('delivers a score chosen just before the customer navigates away', async () => {
    const { page } = await open()
    const before = server.posted.length
    await page.click('npskit-survey >>> [role=radio]:nth-of-type(10)')
    await page.goto('about:blank')
    await expect.poll(() => server.posted.slice(before).map((p) => p.body.score), { timeout: 10_000 }).toContain(9)
    await page.close()
  })
})

// Firefox checks an import map's `integrity` for the files the first stage imports (README,
// "Subresource Integrity"): the README's snippet, its CDN swapped for a local copy of dist/.
describe.runIf(firefoxAvailable())('Subresource Integrity in Firefox ESR', () => {
  let browser: Browser
  let folder: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'npskit-sri-'))
    browser = await launchFirefox()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  // Serves a copy of dist/ in which `tampered` (if any) has one byte more, and the snippet on a page.
  async function visit(name: string, tampered?: string): Promise<{ page: Page; server: StaticServer }> {
    const dir = join(folder, name)
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true })
    if (tampered) appendFileSync(join(dir, 'dist', tampered), '\n')
    const server = await serve({ dir, lifetimeMs: 60_000 })
    const html = snippet('integrity').replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/npskit@[\d.]+\/dist\//g, server.origin + '/dist/')
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>Order</title></head><body>${html}<script>window.carriedOn = true</script></body></html>`)
    const page = await browser.newPage()
    await page.goto(server.origin + '/index.html')
    return { page, server }
  }

  it('shows the survey when every file matches its pinned hash', async () => {
    const { page, server } = await visit('intact')
    await page.waitForSelector('npskit-survey >>> [role=radiogroup]')
    await page.close()
    await server.close()
  })

  it('runs nothing from an altered engine, and the page carries on', async () => {
    const { page, server } = await visit('altered', 'npskit-engine.js')
    await page.waitForFunction(() => (window as unknown as { carriedOn?: boolean }).carriedOn)
    await expect.poll(() => server.requests.includes('/dist/npskit-engine.js'), { timeout: 10_000 }).toBe(true)
    await new Promise((r) => setTimeout(r, 500))
    // The UI and the locale were fetched beside the engine (nothing in them runs by itself): no survey.
    expect(await page.$$('npskit-survey')).toHaveLength(0)
    await page.close()
    await server.close()
  })
})
