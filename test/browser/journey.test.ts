import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { checkoutPages, scriptTag, shopPage } from '../support/journey'
import { recordActivity } from '../support/recorder'
import { serve, type StaticServer } from '../support/server'

// The targeting rules end to end, through the script tag exactly as a shop uses it: a walk
// through a multi-page checkout, and the consent guarantee.
const DAY = 86_400_000


describe.runIf(browserAvailable())('journey points and consent, through the script tag in Chromium', () => {
  let browser: Browser
  let server: StaticServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  // A fake shop on the test server's origin: every page is the script tag plus a heading.
  async function shop(context: BrowserContext, pages: Record<string, string>): Promise<void> {
    await context.route(/\/shop\//, (route) => {
      const path = new URL(route.request().url()).pathname
      const html = pages[path]
      return html ? route.fulfill({ contentType: 'text/html', body: html }) : route.fulfill({ status: 404 })
    })
  }
  const loaded = (page: Page) => page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
  // The script tag's methods return promises (the rest of npskit may still be loading).
  const explain = (page: Page, journeyPoint: string, dedupeKey: string) =>
    page.evaluate(
      async ([p, k]) => (await (window as unknown as { npskit: { explain(p: string, o: object): Promise<{ reason: string }> } }).npskit.explain(p!, { dedupeKey: k })).reason,
      [journeyPoint, dedupeKey],
    )

  it('asks once on the confirmation page of a multi-page checkout, never again for that order or within the wait', async () => {
    const context = await browser.newContext()
    const start = Date.UTC(2026, 10, 2, 10)
    await context.clock.setFixedTime(start)
    await shop(context, checkoutPages())
    const page = await context.newPage()
    for (const step of ['product', 'cart', 'checkout']) {
      await page.goto(server.origin + '/shop/' + step)
      await loaded(page)
      await page.waitForTimeout(100)
      expect(await page.locator('npskit-survey').count(), step).toBe(0)
    }
    const before = server.posted.length
    await page.goto(server.origin + '/shop/order/1')
    const survey = page.locator('npskit-survey')
    await survey.locator('[role=radio]').nth(3).click()
    await survey.locator('textarea').fill('Leveringen tok to uker')
    await survey.locator('[part~=submit]').click()
    await expect.poll(() => server.posted.slice(before).filter((p) => p.body.complete).length).toBe(1)
    expect(server.posted.slice(before).map((p) => [p.body.score, p.body.complete, p.body.journeyPoint])).toEqual([
      [3, false, 'checkout-complete'],
      [3, true, 'checkout-complete'],
    ])

    // The same order again (a reload, the link in the e-mail): never, and the script tag's first
    // stage says so by itself: the rest of npskit is not even fetched. (Once the page has heard the
    // collector's answer and emptied its queue: a response still queued would load the engine to send it.)
    await expect.poll(() => page.evaluate(() => localStorage.getItem('npskit:queue'))).toBeNull()
    const fetched: string[] = []
    const record = (r: { url(): string }) => fetched.push(new URL(r.url()).pathname)
    page.on('request', record)
    await page.goto(server.origin + '/shop/order/1')
    await loaded(page)
    await page.waitForTimeout(200)
    expect(fetched.filter((p) => p.startsWith('/dist/'))).toEqual(['/dist/npskit.iife.js'])
    page.off('request', record)
    expect(await explain(page, 'checkout-complete', 'ORDER-1')).toBe('already-surveyed-key')
    // The next order a week later: still within the 90-day wait after an answer.
    await context.clock.setFixedTime(start + 7 * DAY)
    await page.goto(server.origin + '/shop/order/2')
    await loaded(page)
    await page.waitForTimeout(200)
    expect(await page.locator('npskit-survey').count()).toBe(0)
    expect(await explain(page, 'checkout-complete', 'ORDER-2')).toBe('answered-recently')
    // Three months later the customer may be asked again.
    await context.clock.setFixedTime(start + 91 * DAY)
    await page.goto(server.origin + '/shop/order/3')
    await survey.locator('[role=radiogroup]').waitFor()
    await context.close()
  })

  it('before consent: no request, no storage access, nothing shown; granting it asks at the pending journey point', async () => {
    const context = await browser.newContext()
    const recorder = await recordActivity(context)
    await shop(context, {
      '/shop/order/9': shopPage('Order 9', scriptTag('data-consent="pending" data-journey-point="checkout-complete" data-dedupe-key="ORDER-9"')),
    })
    const page = await context.newPage()
    await page.goto(server.origin + '/shop/order/9')
    await loaded(page)
    await page.waitForTimeout(300)
    expect(await page.locator('npskit-survey').count()).toBe(0)
    expect(recorder.callsFrom(/npskit/)).toEqual([])
    const fetched = recorder.requests.map((r) => new URL(r.url).pathname)
    // Only the first stage: with consent pending it fetches nothing more by itself.
    expect(fetched).toEqual(['/shop/order/9', '/dist/npskit.iife.js'])
    // Asking why loads the rules (code from beside the script), and still touches no storage.
    expect(await explain(page, 'checkout-complete', 'ORDER-9')).toBe('consent-pending')
    expect(recorder.callsFrom(/npskit/)).toEqual([])
    expect(recorder.requests.map((r) => new URL(r.url).pathname)).toEqual(['/shop/order/9', '/dist/npskit.iife.js', '/dist/npskit-engine.js'])

    // Denied: still nothing.
    await page.evaluate(() => (window as unknown as { npskit: (c: string, v: string) => void }).npskit('setConsent', 'denied'))
    await page.waitForTimeout(200)
    expect(recorder.callsFrom(/npskit/)).toEqual([])
    expect(recorder.requests).toHaveLength(3)

    // The visitor changes their mind: a denial dropped the pending journey point, so granting
    // alone asks nothing; the next trigger may store, fetch and ask.
    await page.evaluate(() => (window as unknown as { npskit: (c: string, v: string) => void }).npskit('setConsent', 'granted'))
    await page.waitForTimeout(200)
    expect(await page.locator('npskit-survey').count()).toBe(0)
    await page.evaluate(() => void (window as unknown as { npskit: { trigger(p: string, o: object): unknown } }).npskit.trigger('checkout-complete', { dedupeKey: 'ORDER-9' }))
    await page.locator('npskit-survey [role=radiogroup]').waitFor()
    expect(recorder.callsFrom(/npskit/).some((c) => c.api === 'localStorage')).toBe(true)

    // Pending, then granted on the same page (the banner accepted): asked at the pending point.
    const next = await context.newPage()
    await next.route(/\/shop\/order\/10$/, (route) =>
      route.fulfill({ contentType: 'text/html', body: shopPage('Order 10', scriptTag('data-storage="memory" data-consent="pending" data-journey-point="checkout-complete" data-dedupe-key="ORDER-10"')) }),
    )
    await next.goto(server.origin + '/shop/order/10')
    await loaded(next)
    await next.waitForTimeout(200)
    expect(await next.locator('npskit-survey').count()).toBe(0)
    await next.evaluate(() => (window as unknown as { npskit: (c: string, v: string) => void }).npskit('setConsent', 'granted'))
    await next.locator('npskit-survey [role=radiogroup]').waitFor()
    await context.close()
  })

  it('decides "outside the sample" in the first stage, says so with debug, and never fetches the rest', async () => {
    const context = await browser.newContext()
    await shop(context, { '/shop/order/5': shopPage('Order 5', scriptTag('data-journey-point="checkout-complete" data-sample-rate="0" data-debug')) })
    const page = await context.newPage()
    const fetched: string[] = []
    const logs: string[] = []
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname))
    page.on('console', (m) => logs.push(m.text()))
    await page.goto(server.origin + '/shop/order/5')
    await loaded(page)
    await page.waitForTimeout(200)
    expect(fetched).toEqual(['/shop/order/5', '/dist/npskit.iife.js'])
    expect(logs).toEqual(['npskit: checkout-complete sampled-out'])
    // The engine agrees when asked.
    expect(await explain(page, 'checkout-complete', 'ORDER-5')).toBe('sampled-out')
    await context.close()
  })

  it('leaves a sample rate that is not a number to the engine, which names the mistake', async () => {
    const context = await browser.newContext()
    await shop(context, { '/shop/order/6': shopPage('Order 6', scriptTag('data-journey-point="checkout-complete" data-sample-rate="ten percent"')) })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(server.origin + '/shop/order/6')
    await expect.poll(() => errors).toEqual([expect.stringMatching(/option "sampleRate" must be a number/)])
    await context.close()
  })
})
