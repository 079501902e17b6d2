import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { snippet } from '../support/readme'
import { root } from '../support/server'

// The README's analytics recipes (issue #19), exactly as written there, in Chromium: a fake Tag
// Manager container running the recipe's GA4 Event tag, and a fake Segment `analytics`. The CDN is
// answered from the local build, and POSTs are recorded.
const shop = 'https://shop.example'
const cdn = /^https:\/\/cdn\.jsdelivr\.net\/npm\/npskit@[\d.]+\/dist\/(.+)$/

// Stands in for GTM: like the real container it reads what was pushed before it loaded, merges every
// push into its data model, takes over push(), and fires the recipe's tag on /^npskit_.*/ with the
// four Data Layer Variables as GA4 parameters.
const gtm = `
window.dataLayer = window.dataLayer || []
dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' })
window.__ga4 = []
const model = {}
const run = (item) => {
  Object.assign(model, item)
  if (/^npskit_.*/.test(item.event)) __ga4.push([item.event, { journey_point: model.journeyPoint, score: model.score, category: model.category, channel: model.channel }])
}
dataLayer.forEach(run)
const push = dataLayer.push
dataLayer.push = function (...items) { items.forEach(run); return push.apply(this, items) }
`
// Segment's analytics.js, as far as a page calls it.
const segment = `window.__tracked = []; window.analytics = { track: (name, props) => __tracked.push([name, props]) }`

interface Visit {
  page: Page
  posted: Record<string, unknown>[]
  problems: string[]
}

describe.runIf(browserAvailable())('analytics recipes in Chromium (README)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function visit(head: string, body: string, scripts: Record<string, string> = {}): Promise<Visit> {
    const page = await browser.newPage()
    const posted: Record<string, unknown>[] = []
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    await page.route('**/*', async (route) => {
      const request = route.request()
      const url = request.url()
      const file = cdn.exec(url)?.[1]
      if (file) return route.fulfill({ body: readFileSync(join(root, 'dist', file)), contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' } })
      const path = new URL(url).pathname
      if (request.method() === 'POST') {
        expect(path).toBe('/api/nps')
        posted.push(JSON.parse(request.postData() ?? 'null') as Record<string, unknown>)
        return route.fulfill({ status: 201 })
      }
      if (path === '/') {
        const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order confirmation</title>${head}</head><body><h1>Thank you for your order</h1>${body}</body></html>`
        return route.fulfill({ body: html, contentType: 'text/html' })
      }
      if (scripts[path]) return route.fulfill({ body: scripts[path], contentType: 'text/javascript' })
      return route.fulfill({ status: 404 })
    })
    await page.goto(shop + '/')
    return { page, posted, problems }
  }

  const survey = (v: Visit) => v.page.locator('npskit-survey')
  async function answer(v: Visit, score: number, comment: string): Promise<void> {
    await survey(v).locator('[role=radio]').nth(score).click()
    await survey(v).locator('textarea').fill(comment)
    await survey(v).locator('[part~=submit]').click()
    await expect.poll(() => v.posted.some((p) => p.complete === true), { timeout: 10_000 }).toBe(true)
  }
  const events = (v: Visit) => v.posted.filter((p) => p.type === 'event').map((p) => p.event)
  const get = <T>(v: Visit, name: string) => v.page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name) as Promise<T>

  it('GA4 through Tag Manager: shown, score and answered reach the GA4 tag with the four parameters, never the comment', async () => {
    const v = await visit(`<script>${gtm}</script>`, snippet('ga4-gtm'))
    await answer(v, 9, 'Fast delivery, mail me at kari@example.no')
    const params = { journey_point: 'checkout-complete', channel: 'web' }
    await expect.poll(() => get<unknown[]>(v, '__ga4').then((g) => g.length)).toBe(3)
    expect(await get(v, '__ga4')).toEqual([
      ['npskit_shown', { ...params, score: null, category: null }],
      ['npskit_score', { ...params, score: 9, category: 'promoter' }],
      ['npskit_answered', { ...params, score: 9, category: 'promoter' }],
    ])
    expect(JSON.stringify(await get(v, 'dataLayer'))).not.toMatch(/kari|Fast delivery/)
    // The collector got the showing as an event beside both phases of the response.
    await expect.poll(() => events(v)).toEqual(['shown'])
    const shown = v.posted.find((p) => p.type === 'event')!
    expect(shown).toMatchObject({ event: 'shown', journeyPoint: 'checkout-complete', channel: 'web', responseId: v.posted.find((p) => p.complete)!.id })
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('GA4 through Tag Manager: a close without a score is npskit_dismissed, and a dismissed event', async () => {
    const v = await visit(`<script>${gtm}</script>`, snippet('ga4-gtm'))
    await survey(v).locator('[part~=close]').click()
    await expect.poll(() => get<[string][]>(v, '__ga4').then((g) => g.map(([name]) => name))).toEqual(['npskit_shown', 'npskit_dismissed'])
    await expect.poll(() => events(v), { timeout: 10_000 }).toEqual(['shown', 'dismissed'])
    expect(v.posted.filter((p) => p.type !== 'event')).toEqual([])
    await v.page.close()
  })

  // What Segment's analytics.track received for a survey shown, scored and answered, and no problem on the page.
  async function expectTracked(v: Visit, score: number, category: string): Promise<void> {
    await expect.poll(() => get<unknown[]>(v, '__tracked').then((t) => t.length)).toBe(3)
    const detail = { journeyPoint: 'checkout-complete', score, category, channel: 'web' }
    expect(await get(v, '__tracked')).toEqual([
      ['npskit_shown', { ...detail, score: null, category: null }],
      ['npskit_score', detail],
      ['npskit_answered', detail],
    ])
    expect(v.problems).toEqual([])
  }

  it('Segment with the package: onEvent hands each event to analytics.track', async () => {
    const bundled = await build({
      stdin: { contents: snippet('segment'), loader: 'js', resolveDir: root },
      bundle: true,
      format: 'esm',
      write: false,
      alias: { npskit: './dist/index.js' },
      logLevel: 'silent',
    })
    const v = await visit(`<script>${segment}</script>`, '<script type="module" src="/app.js"></script>', { '/app.js': bundled.outputFiles[0]!.text })
    await answer(v, 3, 'Too expensive')
    await expectTracked(v, 3, 'detractor')
    await v.page.close()
  })

  it('Segment with the script tag: data-data-layer names an object that forwards each push to analytics.track', async () => {
    const v = await visit(`<script>${segment}</script>`, snippet('segment-tag'))
    await answer(v, 7, 'Ok')
    await expectTracked(v, 7, 'passive')
    await v.page.close()
  })
})
