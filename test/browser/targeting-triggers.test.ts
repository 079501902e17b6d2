import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { root, serve, type StaticServer } from '../support/server'

interface Fire {
  journeyPoint: string
  detail?: { dedupeKey?: string; metadata?: Record<string, unknown> }
  path: string
  at: number
}

type Points = Record<string, { on?: unknown }>

const fires = (page: Page) => page.evaluate(() => (window as unknown as { __fires: Fire[] }).__fires)
const names = async (page: Page) => (await fires(page)).map((f) => f.journeyPoint)
const errors = (page: Page) => page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)
const stop = (page: Page) => page.evaluate(() => (window as unknown as { __stop: () => void }).__stop())
// A RegExp survives the trip through the query string as { re, flags }.
const re = (r: RegExp) => ({ re: r.source, flags: r.flags })

describe.runIf(browserAvailable())('triggers in Chromium', () => {
  let browser: Browser
  let server: StaticServer
  let bundle: string

  beforeAll(async () => {
    const [built, b, s] = await Promise.all([
      build({ entryPoints: [root + 'src/triggers/index.ts'], bundle: true, format: 'iife', globalName: 'npskitTriggers', write: false, target: 'es2020' }),
      launchChromium(),
      serve(),
    ])
    bundle = built.outputFiles[0]!.text
    browser = b
    server = s
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  interface OpenOptions {
    readonly points?: Points
    readonly dataLayer?: unknown[]
    readonly context?: BrowserContextOptions
    /** Hide the Navigation API, so the history.pushState / popstate fallback is used. */
    readonly noNavigationApi?: boolean
  }

  async function open({ points, dataLayer, context, noNavigationApi }: OpenOptions = {}): Promise<{ page: Page; problems: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...context })
    const page = await ctx.newPage()
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    await page.route('**/__npskit-triggers.js', (route) => route.fulfill({ contentType: 'text/javascript', body: bundle }))
    if (noNavigationApi) await page.addInitScript(() => Object.defineProperty(window, 'navigation', { value: undefined }))
    const query = new URLSearchParams()
    if (points) query.set('points', JSON.stringify(points))
    if (dataLayer) query.set('dataLayer', JSON.stringify(dataLayer))
    await page.goto(`${server.origin}/test/fixtures/targeting.html?${query}`)
    return { page, problems }
  }
  const close = (page: Page) => page.context().close()

  it('url: fires on a matching page, and follows pushState and back/forward (Navigation API)', async () => {
    const { page, problems } = await open({
      points: {
        here: { on: { url: '/test/fixtures/targeting.html' } },
        thanks: { on: { url: '/shop/order/*/thanks' } },
        numbered: { on: { url: re(/^\/shop\/order\/\d+\/thanks$/) } },
      },
    })
    expect(await page.evaluate(() => typeof (window as unknown as { navigation?: unknown }).navigation)).toBe('object')
    await expect.poll(() => names(page)).toEqual(['here'])
    await page.evaluate(() => history.pushState({}, '', '/shop/order/A-1/thanks'))
    await expect.poll(() => names(page)).toEqual(['here', 'thanks'])
    await page.evaluate(() => history.pushState({}, '', '/shop/order/1001/thanks?utm_source=mail'))
    await expect.poll(() => names(page)).toEqual(['here', 'thanks', 'thanks', 'numbered'])
    await page.evaluate(() => history.replaceState({}, '', '/shop/order/1001/thanks?step=2#top')) // same path
    await page.waitForTimeout(50)
    expect(await names(page)).toEqual(['here', 'thanks', 'thanks', 'numbered'])
    await page.goBack()
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/shop/order/A-1/thanks')
    await expect.poll(() => names(page)).toEqual(['here', 'thanks', 'thanks', 'numbered', 'thanks'])
    await page.goBack()
    await expect.poll(() => names(page)).toHaveLength(6)
    expect((await fires(page)).at(-1)).toMatchObject({ journeyPoint: 'here', path: '/test/fixtures/targeting.html' })
    expect(problems).toEqual([])
    await close(page)
  })

  it('url: without the Navigation API, wraps pushState / replaceState and follows popstate, and unwraps on stop', async () => {
    const { page, problems } = await open({ points: { thanks: { on: { url: '/shop/*/thanks' } } }, noNavigationApi: true })
    expect(await page.evaluate(() => history.pushState.toString().includes('[native code]'))).toBe(false)
    await page.evaluate(() => history.pushState({}, '', '/shop/1/thanks'))
    await expect.poll(() => fires(page)).toHaveLength(1)
    await page.evaluate(() => history.pushState({}, '', '/shop/cart'))
    await page.evaluate(() => history.replaceState({}, '', '/shop/2/thanks'))
    await expect.poll(() => fires(page)).toHaveLength(2)
    await page.goBack()
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/shop/1/thanks')
    await expect.poll(() => fires(page)).toHaveLength(3)
    expect((await fires(page)).map((f) => f.path)).toEqual(['/shop/1/thanks', '/shop/2/thanks', '/shop/1/thanks'])
    await stop(page)
    expect(await page.evaluate(() => [history.pushState, history.replaceState].every((f) => f.toString().includes('[native code]')))).toBe(true)
    await page.evaluate(() => history.pushState({}, '', '/shop/3/thanks'))
    await page.waitForTimeout(50)
    expect(await fires(page)).toHaveLength(3)
    expect(problems).toEqual([])
    await close(page)
  })

  it('click: a selector, and the always-on data-npskit-trigger with its dedupe key', async () => {
    const { page } = await open({ points: { buy: { on: { click: '.buy' } } } })
    await page.click('.buy span')
    await page.click('[data-npskit-trigger]')
    await page.click('h1')
    expect((await fires(page)).map(({ journeyPoint, detail }) => [journeyPoint, detail])).toEqual([
      ['buy', undefined],
      ['support-closed', { dedupeKey: 'TICKET-7' }],
    ])
    await close(page)
  })

  it('event: a CustomEvent on window, and the always-on npskit:trigger', async () => {
    const { page } = await open({ points: { 'support-closed': { on: { event: 'chat:closed' } } } })
    await page.evaluate(() => {
      window.dispatchEvent(new CustomEvent('chat:closed', { detail: { dedupeKey: 'T-1', metadata: { agent: 'Kari' } } }))
      window.dispatchEvent(new CustomEvent('npskit:trigger', { detail: { journeyPoint: 'checkout-complete', dedupeKey: 'A-1001', metadata: { total: 990 } } }))
      window.dispatchEvent(new CustomEvent('npskit:trigger', { detail: {} }))
    })
    expect((await fires(page)).map(({ journeyPoint, detail }) => [journeyPoint, detail])).toEqual([
      ['support-closed', { dedupeKey: 'T-1', metadata: { agent: 'Kari' } }],
      ['checkout-complete', { dedupeKey: 'A-1001', metadata: { total: 990 } }],
    ])
    expect(await errors(page)).toEqual(['TypeError: npskit:trigger needs detail.journeyPoint'])
    await close(page)
  })

  it('dataLayer: entries pushed before npskit loaded are replayed, later ones followed, push restored on stop', async () => {
    const { page, problems } = await open({
      points: { 'checkout-complete': { on: { dataLayer: 'purchase' } } },
      dataLayer: [{ event: 'gtm.js' }, { event: 'purchase', ecommerce: { transaction_id: 'T-1001', value: 990 } }],
    })
    expect((await fires(page)).map((f) => f.detail)).toEqual([{ dedupeKey: 'T-1001' }])
    await page.evaluate(() => {
      const w = window as unknown as { dataLayer: unknown[]; gtag: (...args: unknown[]) => void }
      w.dataLayer.push({ event: 'view_item' }, { event: 'purchase', ecommerce: { transaction_id: 'T-1002' } })
      w.gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        w.dataLayer.push(arguments)
      }
      w.gtag('event', 'purchase', { transaction_id: 'T-1003' })
    })
    expect((await fires(page)).map((f) => f.detail?.dedupeKey)).toEqual(['T-1001', 'T-1002', 'T-1003'])
    await stop(page)
    expect(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push === Array.prototype.push)).toBe(true)
    expect(problems).toEqual([])
    await close(page)
  })

  it('dataLayer: creates window.dataLayer when the page has none', async () => {
    const { page } = await open({ points: { p: { on: { dataLayer: 'purchase' } } } })
    await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'purchase' }))
    expect(await names(page)).toEqual(['p'])
    await close(page)
  })

  it('afterMs: fires after that long on the page', async () => {
    const { page } = await open({ points: { browse: { on: { afterMs: 400 } } } })
    const started = await page.evaluate(() => performance.now())
    await expect.poll(() => fires(page), { timeout: 5000 }).toHaveLength(1)
    expect((await fires(page))[0]!.at).toBeGreaterThanOrEqual(400)
    expect(started).toBeLessThan(2000)
    await close(page)
  })

  it('scrollDepth: fires once the visitor has scrolled that share of the page into view', async () => {
    const { page } = await open({ points: { read: { on: { scrollDepth: 0.5 } } } })
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    expect(height).toBeGreaterThan(3000)
    await page.mouse.move(500, 400)
    await page.mouse.wheel(0, height * 0.5 - 768 - 200) // viewport bottom just short of half-way
    await page.waitForFunction(() => scrollY > 0)
    await page.waitForTimeout(100)
    expect(await fires(page)).toEqual([])
    await page.mouse.wheel(0, 400)
    await expect.poll(() => names(page)).toEqual(['read'])
    await page.mouse.wheel(0, 1000)
    await page.waitForTimeout(100)
    expect(await names(page)).toEqual(['read'])
    await close(page)
  })

  it('exitIntent: the mouse leaving through the top edge fires, through a side does not', async () => {
    const { page } = await open({ points: { leaving: { on: { exitIntent: true } } } })
    expect(await page.evaluate(() => matchMedia('(pointer: fine)').matches)).toBe(true)
    await page.mouse.move(500, 400)
    await page.mouse.move(-20, 400, { steps: 5 }) // out through the left side
    await page.mouse.move(500, 400, { steps: 5 })
    await page.waitForTimeout(50)
    expect(await fires(page)).toEqual([])
    await page.mouse.move(500, -20, { steps: 5 }) // towards the tabs
    await expect.poll(() => names(page)).toEqual(['leaving'])
    await page.mouse.move(500, 400, { steps: 5 })
    await page.mouse.move(500, -20, { steps: 5 })
    await page.waitForTimeout(50)
    expect(await names(page)).toEqual(['leaving']) // once per page
    await close(page)
  })

  it('exitIntent: never on a touch device', async () => {
    const { page } = await open({ points: { leaving: { on: { exitIntent: true } } }, context: { hasTouch: true, isMobile: true } })
    expect(await page.evaluate(() => matchMedia('(pointer: fine)').matches)).toBe(false)
    await page.mouse.move(200, 300)
    await page.mouse.move(200, -20, { steps: 5 })
    await page.waitForTimeout(50)
    expect(await fires(page)).toEqual([])
    await close(page)
  })

  it('a url limits the other kinds, per page of a single-page app', async () => {
    const { page } = await open({ points: { pricing: { on: { url: '/shop/pricing', click: '.buy' } }, left: { on: { url: '/shop/*', exitIntent: true } } } })
    await page.click('.buy')
    await page.evaluate(() => history.pushState({}, '', '/shop/pricing'))
    await page.click('.buy')
    await page.mouse.move(500, -20, { steps: 5 })
    await expect.poll(() => names(page)).toEqual(['pricing', 'left'])
    await page.evaluate(() => history.pushState({}, '', '/shop/cart'))
    await page.click('.buy')
    await page.mouse.move(500, 300, { steps: 3 })
    await page.mouse.move(500, -20, { steps: 5 }) // a new page: exit intent is armed again
    await expect.poll(() => names(page)).toEqual(['pricing', 'left', 'left'])
    await close(page)
  })

  it('after stop, nothing fires and the page works as before', async () => {
    const { page, problems } = await open({
      points: { all: { on: [{ click: '.buy' }, { event: 'e' }, { dataLayer: 'purchase' }, { afterMs: 300 }, { scrollDepth: 0.3 }, { exitIntent: true }, { url: '/x' }] } },
    })
    await stop(page)
    await page.click('.buy')
    await page.click('[data-npskit-trigger]')
    await page.evaluate(() => {
      window.dispatchEvent(new Event('e'))
      window.dispatchEvent(new CustomEvent('npskit:trigger', { detail: { journeyPoint: 'x' } }))
      ;(window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'purchase' })
      history.pushState({}, '', '/x')
    })
    await page.mouse.wheel(0, 3000)
    await page.mouse.move(500, -20, { steps: 5 })
    await page.waitForTimeout(500)
    expect(await fires(page)).toEqual([])
    expect(await page.evaluate(() => location.pathname)).toBe('/x')
    expect(problems).toEqual([])
    await close(page)
  })
})
