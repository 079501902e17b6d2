// The landing page of email survey links in WebKit (WebKitGTK's MiniBrowser over WebDriver), against
// the built collector: under the page's CSP the widget loads and shows the link's score checked, a real
// click on another records it at once, and the comment completes the one response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLandingCollector, type LandingCollector } from '../support/landing'
import { launchWebKit, webkitAvailable, type WebKit } from '../support/webkit'

// A window far longer than the test: an answer recorded here was recorded as a human's, at once.
const windowMs = 120_000

describe.runIf(webkitAvailable())('the email link landing page in WebKit', { timeout: 120_000 }, () => {
  let webkit: WebKit
  let landing: LandingCollector

  beforeAll(async () => {
    ;[webkit, landing] = await Promise.all([launchWebKit(), startLandingCollector(windowMs)])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([webkit?.close(), landing?.close()])
  })

  it('checks the link’s score; a click on another records it at once, the comment completes it', async () => {
    const { token, url } = landing.link()
    const page = await webkit.session()
    await page.navigate(url(9))
    const checked = () => page.execute(() => document.querySelector('npskit-survey')?.shadowRoot?.querySelector('[aria-checked=true]')?.textContent ?? null)
    await expect.poll(checked, { timeout: 30_000 }).toBe('9')
    expect(await landing.rows(token)).toEqual([])

    await (await page.find('npskit-survey >>> [aria-label="6 av 10"]')).click()
    await expect.poll(async () => (await landing.rows(token))[0]?.score, { timeout: 15_000 }).toBe(6)
    expect(await checked()).toBe('6')

    await (await page.find('npskit-survey >>> textarea')).type('Pakken kom for sent')
    await (await page.find('npskit-survey >>> [part~=submit]')).click()
    await expect.poll(async () => (await landing.rows(token))[0]?.comment, { timeout: 15_000 }).toBe('Pakken kom for sent')
    expect(await landing.rows(token)).toHaveLength(1)
    await page.close()
  })
})
