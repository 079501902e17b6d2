import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkoutPages, scriptTag, shopPage } from '../support/journey'
import { serve, type StaticServer } from '../support/server'
import { launchWebKit, webkitAvailable, type Session, type WebKit } from '../support/webkit'

// The targeting rules end to end through the script tag in Safari's engine, on the same fake shop
// as the Chromium suite (journey.test.ts; the clock-driven waits stay there, where the clock can
// be set): once per order across a multi-page checkout, the consent guarantee, and sampling.
type Page = Window & {
  __logs: string[]
  npskit: ((command: string, value?: string) => unknown) & { explain(point: string, options: object): Promise<{ reason: string }>; trigger(point: string, options: object): unknown }
}

const pages = {
  ...checkoutPages(),
  '/shop/order/9': shopPage('Order 9', scriptTag('data-consent="pending" data-journey-point="checkout-complete" data-dedupe-key="ORDER-9"')),
  '/shop/order/10': shopPage('Order 10', scriptTag('data-storage="memory" data-consent="pending" data-journey-point="checkout-complete" data-dedupe-key="ORDER-10"')),
  '/shop/order/5': shopPage('Order 5', scriptTag('data-journey-point="checkout-complete" data-sample-rate="0" data-debug')),
}

describe.runIf(webkitAvailable())('journey points and consent, through the script tag in WebKit', { timeout: 120_000 }, () => {
  let webkit: WebKit
  let server: StaticServer
  let page: Session

  beforeAll(async () => {
    ;[webkit, server] = await Promise.all([launchWebKit(), serve({ pages, inject: '/test/fixtures/problems.js', lifetimeMs: 600_000 })])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([webkit?.close(), server?.close()])
  })

  /** Loads `path` and waits for the first stage; returns the paths the page requested. */
  async function visit(path: string): Promise<string[]> {
    const from = server.requests.length
    await page.navigate(server.origin + path)
    await page.waitUntil(() => typeof (window as unknown as Partial<Page>).npskit === 'function')
    await new Promise((r) => setTimeout(r, 300))
    // WebKit asks for the site's icon on its own: not the page's doing.
    return server.requests.slice(from).filter((path) => path !== '/favicon.ico')
  }
  const shown = () => page.execute(() => document.querySelectorAll('npskit-survey').length)
  const explain = (point: string, dedupeKey: string) =>
    page.execute(async (args) => (await (window as unknown as Page).npskit.explain(args[0]!, { dedupeKey: args[1] })).reason, [point, dedupeKey])
  /** Everything the page's origin holds in storage the widget could use. */
  const storage = () =>
    page.execute(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      indexedDB: (await indexedDB.databases()).length,
    }))
  const nothingStored = { local: 0, session: 0, cookie: '', indexedDB: 0 }

  it('asks once on the confirmation page of a multi-page checkout, never again for that order or within the wait', async () => {
    page = await webkit.session()
    for (const step of ['product', 'cart', 'checkout']) {
      await visit('/shop/' + step)
      expect(await shown(), step).toBe(0)
    }
    const before = server.posted.length
    await visit('/shop/order/1')
    await (await page.waitFor('npskit-survey >>> [role=radio]:nth-of-type(4)')).click()
    await (await page.waitFor('npskit-survey >>> textarea')).type('Leveringen tok to uker')
    await (await page.find('npskit-survey >>> [part~=submit]')).click()
    await expect.poll(() => server.posted.slice(before).filter((p) => p.body.complete).length, { timeout: 10_000 }).toBe(1)
    expect(server.posted.slice(before).map((p) => [p.body.score, p.body.complete, p.body.journeyPoint])).toEqual([
      [3, false, 'checkout-complete'],
      [3, true, 'checkout-complete'],
    ])
    // The same order again: the first stage says no by itself, and fetches nothing more.
    const again = await visit('/shop/order/1')
    expect(again.filter((p) => p.startsWith('/dist/'))).toEqual(['/dist/npskit.iife.js'])
    expect(await shown()).toBe(0)
    expect(await explain('checkout-complete', 'ORDER-1')).toBe('already-surveyed-key')
    // The next order, right after answering: within the wait.
    await visit('/shop/order/2')
    expect(await shown()).toBe(0)
    expect(await explain('checkout-complete', 'ORDER-2')).toBe('answered-recently')
  })

  it('before consent: no request, nothing stored, nothing shown; granting it asks at the pending journey point', async () => {
    page = await webkit.session()
    expect(await visit('/shop/order/9')).toEqual(['/shop/order/9', '/test/fixtures/problems.js', '/dist/npskit.iife.js'])
    expect(await shown()).toBe(0)
    expect(await storage()).toEqual(nothingStored)
    expect(await explain('checkout-complete', 'ORDER-9')).toBe('consent-pending')
    await page.execute(() => void (window as unknown as Page).npskit('setConsent', 'denied'))
    await new Promise((r) => setTimeout(r, 200))
    expect(await storage()).toEqual(nothingStored)
    expect(await shown()).toBe(0)
    // Granted after a denial: the next trigger may store and ask.
    await page.execute(() => void (window as unknown as Page).npskit('setConsent', 'granted'))
    await page.execute(() => void (window as unknown as Page).npskit.trigger('checkout-complete', { dedupeKey: 'ORDER-9' }))
    await page.waitFor('npskit-survey >>> [role=radiogroup]')
    expect((await storage()).local).toBeGreaterThan(0)

    // Pending, then granted on the same page (the banner accepted): asked at the pending point.
    page = await webkit.session()
    await visit('/shop/order/10')
    expect(await shown()).toBe(0)
    await page.execute(() => void (window as unknown as Page).npskit('setConsent', 'granted'))
    await page.waitFor('npskit-survey >>> [role=radiogroup]')
  })

  it('decides "outside the sample" in the first stage, says so with debug, and never fetches the rest', async () => {
    page = await webkit.session()
    const requested = await visit('/shop/order/5')
    expect(requested.filter((p) => p.startsWith('/dist/'))).toEqual(['/dist/npskit.iife.js'])
    expect(await page.execute(() => (window as unknown as Page).__logs)).toEqual(['npskit: checkout-complete sampled-out'])
    expect(await explain('checkout-complete', 'ORDER-5')).toBe('sampled-out')
  })
})
