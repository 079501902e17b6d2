import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page, Route } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { serve, type StaticServer } from '../support/server'

// Issue #18: from the script tag to a visible survey in two round trips. Every file is served 50 ms
// late (a simulated network), so a fetch that waits for another is plain in the timings.
const delayMs = 50

interface Fetched {
  file: string
  start: number
  end: number
}

describe.runIf(browserAvailable())('the script tag on the way to its first paint (Chromium)', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  async function open(body: string, setup?: (page: Page) => Promise<unknown>): Promise<{ page: Page; fetched: () => Promise<Fetched[]> }> {
    const page = await browser.newPage()
    await page.route('**/dist/**', async (route) => {
      await new Promise((r) => setTimeout(r, delayMs))
      await route.continue()
    })
    await page.route('**/page.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Order confirmed</title><h1>Thanks</h1>${body}` }))
    if (setup) await setup(page)
    await page.goto(server.origin + '/page.html')
    const fetched = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.startsWith('/dist/'))
          .map((e) => ({ file: new URL(e.name).pathname.slice('/dist/'.length), start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
      )
    return { page, fetched }
  }

  const tag = '<script src="/dist/npskit.iife.js" data-journey-point="checkout-complete" data-locale="nb" data-brand="Nordhandel" data-endpoint="/api/nps"></script>'

  it('fetches the engine, the UI and the locale side by side: none starts after another has ended', async () => {
    const { page, fetched } = await open(tag, (p) =>
      p.addInitScript(() => {
        new MutationObserver(() => {
          const w = window as unknown as { appeared?: number }
          if (document.querySelector('npskit-survey')) w.appeared ??= performance.now()
        }).observe(document, { childList: true, subtree: true })
      }),
    )
    await page.locator('npskit-survey [role=radio]').first().waitFor()
    const files = await fetched()
    const critical = files.filter((f) => /^(npskit-engine|npskit-ui|locales\/nb)\.js$/.test(f.file))
    expect(critical.map((f) => f.file).sort()).toEqual(['locales/nb.js', 'npskit-engine.js', 'npskit-ui.js'])
    for (const a of critical) {
      for (const b of critical) {
        if (a !== b) expect(a.start, `${a.file} started only after ${b.file} had ended`).toBeLessThan(b.end)
      }
    }
    // The script tag itself came first: two round trips in all before the survey could paint.
    const first = files.find((f) => f.file === 'npskit.iife.js')!
    for (const f of critical) expect(f.start).toBeGreaterThanOrEqual(first.end)
    // What follows the first paint does not hold it up: the later steps and delivery come after.
    await expect.poll(async () => (await fetched()).map((f) => f.file).sort()).toEqual(
      ['locales/nb.js', 'npskit-delivery.js', 'npskit-engine.js', 'npskit-steps.js', 'npskit-ui.js', 'npskit.iife.js'],
    )
    const appeared = await page.evaluate(() => (window as unknown as { appeared: number }).appeared)
    for (const f of await fetched()) if (/steps|delivery/.test(f.file)) expect(f.start, f.file).toBeGreaterThanOrEqual(appeared)
    await page.close()
  })

  it('with the visitor’s own language (locale auto), still fetches the locale beside the rest', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' })
    const page = await context.newPage()
    await page.route('**/dist/**', async (route) => {
      await new Promise((r) => setTimeout(r, delayMs))
      await route.continue()
    })
    await page.route('**/page.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/dist/npskit.iife.js" data-journey-point="checkout-complete" data-storage="memory"></script>' }),
    )
    await page.goto(server.origin + '/page.html')
    await expect(page.locator('npskit-survey [part~=question]').textContent()).resolves.toContain('rekommendera')
    const files = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ file: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    )
    const engine = files.find((f) => f.file.endsWith('/npskit-engine.js'))!
    const locale = files.find((f) => f.file.endsWith('/locales/sv.js'))!
    expect(locale.start).toBeLessThan(engine.end)
    await context.close()
  })

  // The engine held back much longer than the UI and the locale, as on a network where it comes last.
  async function slowEngine(body: string, engine: (route: Route) => Promise<void>) {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.route('**/dist/npskit-engine.js', engine)
    await page.route('**/page.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Order confirmed</title><h1>Thanks</h1>${body}` }))
    await page.goto(server.origin + '/page.html')
    const engineArrived = () =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/npskit-engine.js') && (e as PerformanceResourceTiming).responseEnd > 0))
    return { page, errors, engineArrived }
  }

  it('paints the question without waiting for the engine, and a score chosen meanwhile counts once it arrives', async () => {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const { page, engineArrived } = await slowEngine(tag, async (route) => {
      await held
      await route.continue()
    })
    const scores = page.locator('npskit-survey [role=radio]')
    await expect.poll(() => scores.count()).toBe(11)
    expect(await engineArrived()).toBe(false)
    // The customer answers before the engine is here: the score shows as chosen at once.
    await scores.nth(9).click()
    expect(await scores.nth(9).getAttribute('aria-checked')).toBe('true')
    const before = server.posted.length
    release()
    // The engine takes the painted question over: the promoter's follow-up, in the same survey.
    await page.locator('npskit-survey textarea').waitFor()
    expect(await page.locator('npskit-survey').count()).toBe(1)
    await page.locator('npskit-survey textarea').fill('Fast delivery')
    await page.locator('npskit-survey .primary').click()
    await expect.poll(() => server.posted.slice(before).map((p) => [p.body.score, p.body.comment]), { timeout: 10_000 }).toContainEqual([9, 'Fast delivery'])
    // The visit and the prompt were recorded once, by the engine: the rules ran on one history.
    const history = await page.evaluate(() => JSON.parse(localStorage.getItem('npskit:history') ?? '{}'))
    expect(history.visits).toBe(1)
    expect(history.prompts).toHaveLength(1)
    await page.close()
  })

  it('boots the engine only once the question is on screen, even when the engine arrives long before the UI', async () => {
    const page = await browser.newPage()
    await page.route('**/dist/npskit-ui.js', async (route) => {
      await new Promise((r) => setTimeout(r, 400))
      await route.continue()
    })
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const w = window as unknown as { appeared?: number }
        if (document.querySelector('npskit-survey')) w.appeared ??= performance.now()
      }).observe(document, { childList: true, subtree: true })
    })
    // A call made after the first stage ran answers once the engine has booted.
    const after = `<script>setTimeout(() => npskit('on', 'shown', () => {}).then(() => (window.booted = performance.now())))</script>`
    await page.route('**/page.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Order confirmed</title>${tag}${after}` }))
    await page.goto(server.origin + '/page.html')
    await page.waitForFunction(() => [(window as unknown as { booted?: number }).booted, (window as unknown as { appeared?: number }).appeared].every((t) => typeof t === 'number'), null, { timeout: 10_000 })
    const { appeared, booted, engineEnd } = await page.evaluate(() => {
      const w = window as unknown as { appeared: number; booted: number }
      const engine = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/npskit-engine.js')) as PerformanceResourceTiming
      return { appeared: w.appeared, booted: w.booted, engineEnd: engine.responseEnd }
    })
    // The engine was here well before the question; it waited for it.
    expect(engineEnd).toBeLessThan(appeared)
    expect(booted).toBeGreaterThan(appeared)
    await page.close()
  })

  it('takes the painted question away when the engine cannot be loaded, or finds the options wrong', async () => {
    const failing = await slowEngine(tag, (route) => route.fulfill({ status: 404, body: '' }))
    await expect.poll(() => failing.errors.length).toBeGreaterThan(0)
    await expect.poll(() => failing.page.locator('npskit-survey').count()).toBe(0)
    await failing.page.close()

    // A mistake only the engine's checks see (an endpoint that is not http(s)): reported, not shown.
    const wrong = await slowEngine(tag.replace('data-endpoint="/api/nps"', 'data-endpoint="javascript:alert(1)"'), async (route) => {
      await new Promise((r) => setTimeout(r, 300))
      await route.continue()
    })
    await expect.poll(() => wrong.errors.join()).toContain('endpoint')
    await expect.poll(() => wrong.page.locator('npskit-survey').count()).toBe(0)
    await wrong.page.close()
  })

  it('makes exactly one request on a page where nobody is asked', async () => {
    const { page, fetched } = await open('<script src="/dist/npskit.iife.js" data-endpoint="/api/nps"></script>')
    await page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    await page.waitForTimeout(300)
    expect((await fetched()).map((f) => f.file)).toEqual(['npskit.iife.js'])
    await page.close()
  })

  it('makes exactly one request at a journey point whose rules say no (answered lately)', async () => {
    const { page, fetched } = await open(tag, async (p) => {
      await p.addInitScript(() => {
        const now = Date.now()
        localStorage.setItem('npskit:history', JSON.stringify({ v: 1, visitorId: 'v', firstSeen: now, visits: 3, surveys: { nps: { answered: now - 1000 } }, prompts: [], keys: [] }))
      })
    })
    await page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    await page.waitForTimeout(300)
    expect((await fetched()).map((f) => f.file)).toEqual(['npskit.iife.js'])
    await page.close()
  })
})
