// The landing page of email survey links in Firefox ESR (puppeteer-core over WebDriver BiDi), against
// the built collector: the link's score is checked, a real click on another records it at once, the
// comment completes the one response, under the page's CSP with nothing blocked and nothing fetched
// from elsewhere. The scanner rules are the collector's and tested in Chromium and over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'puppeteer-core'
import { firefoxAvailable, launchFirefox } from '../support/firefox'
import { startLandingCollector, type LandingCollector } from '../support/landing'

// A window far longer than the test: an answer recorded here was recorded as a human's, at once.
const windowMs = 120_000

describe.runIf(firefoxAvailable())('the email link landing page in Firefox ESR', { timeout: 120_000 }, () => {
  let browser: Browser
  let landing: LandingCollector

  beforeAll(async () => {
    ;[landing, browser] = await Promise.all([startLandingCollector(windowMs), launchFirefox()])
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await landing?.close()
  })

  it('checks the link’s score; a click on another records it at once, the comment completes it', async () => {
    const { token, url } = landing.link()
    const page = await browser.newPage()
    const outside: string[] = []
    page.on('request', (request) => {
      // (The page's icon is `data:,`: no request to anyone.)
      if (!request.url().startsWith(landing.origin) && !request.url().startsWith('data:')) outside.push(request.url())
    })
    await page.evaluateOnNewDocument(() => {
      ;(window as unknown as { violations: string[] }).violations = []
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(e.violatedDirective))
    })
    await page.goto(url(9))
    const checked = () =>
      page.evaluate(() => document.querySelector('npskit-survey')?.shadowRoot?.querySelector('[aria-checked=true]')?.textContent ?? null)
    await expect.poll(checked, { timeout: 30_000 }).toBe('9')
    expect(await landing.rows(token)).toEqual([])

    const six = await page.waitForSelector('npskit-survey >>> [aria-label="6 av 10"]')
    await six!.click()
    await expect.poll(async () => (await landing.rows(token))[0]?.score, { timeout: 15_000 }).toBe(6)
    expect(await checked()).toBe('6')

    const box = await page.waitForSelector('npskit-survey >>> textarea')
    await box!.type('Pakken kom for sent')
    await (await page.waitForSelector('npskit-survey >>> [part~=submit]'))!.click()
    await expect.poll(async () => (await landing.rows(token))[0]?.comment, { timeout: 15_000 }).toBe('Pakken kom for sent')
    expect(await landing.rows(token)).toHaveLength(1)
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
    expect(outside).toEqual([])
    await page.close()
  })
})
