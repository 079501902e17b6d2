import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { root } from '../support/server'

const shots = root + 'test-results/screenshots/'
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface Demo {
  base: string
  process: ChildProcess
}

/** `npm start` on a random port with a database of its own in memory; it exits by itself. */
function startDemo(env: Record<string, string>): Promise<Demo> {
  const child = spawn(process.execPath, ['demo/server.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DEMO_DATA_DIR: 'memory://', DEMO_LIFETIME_MS: '300000', DATABASE_URL: '', ...env },
  })
  return new Promise<Demo>((resolve, reject) => {
    let out = ''
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
      // It listens before its database is open and seeded: the tests start when it is.
      if (match && out.includes('Database ready')) resolve({ base: match[0], process: child })
    })
    child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)))
  })
}

/** A page that records errors, console errors and warnings, and CSP violations. */
async function open(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport })
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push('pageerror: ' + error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.type() + ': ' + message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
  })
  await page.goto(url)
  return { page, problems }
}

describe.runIf(browserAvailable())('the demo (npm start)', () => {
  let browser: Browser
  let seeded: Demo
  let empty: Demo

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    // One after the other: the first builds dist/ if src/ changed, and two builds must not race.
    const launched = launchChromium()
    seeded = await startDemo({ DEMO_SEED: '3000' })
    empty = await startDemo({ DEMO_SEED: '0' })
    browser = await launched
  })
  afterAll(async () => {
    seeded?.process.kill()
    empty?.process.kill()
    await browser?.close()
  })

  it('computes the NPS of pasted scores in the calculator, under a strict CSP', async () => {
    const { page, problems } = await open(browser, seeded.base + '/calculator')
    await page.fill('#a', '10\n9\n9/10\n3\nnot a score\n8')
    await expect.poll(() => page.textContent('#nps')).toBe('+40.0')
    expect(await page.textContent('#counts')).toBe('5 responses · promoters 3 · passives 1 · detractors 1')
    expect(await page.textContent('#unreadable')).toContain('1 value(s)')
    expect(await page.locator('#histogram tr').count()).toBe(11)
    expect(await page.textContent('#compare')).toMatch(/p = [\d.e-]+/)
    expect(problems).toEqual([])
    await page.close()
  })

  it("serves nothing outside dist/, the demo pages and the dashboard's files", async () => {
    for (const path of ['/package.json', '/dist/../package.json', '/demo/server.mjs', '/node_modules/pg/package.json', '/.data/x']) {
      expect((await fetch(seeded.base + path)).status, path).toBe(404)
    }
    expect((await fetch(seeded.base + '/dashboard/dashboard.js')).status).toBe(200)
    expect((await fetch(seeded.base + '/order/%22%3E%3Cscript%3E')).status).toBe(404)
  })

  it('shows the shop in five languages and checks out to a confirmation with the script tag', async () => {
    const { page, problems } = await open(browser, seeded.base + '/?lang=nb')
    expect(await page.textContent('h1')).toBe('Vinteren kommer. Vær klar.')
    expect(await page.locator('.product').count()).toBe(3)
    expect(await page.locator('.price').first().textContent()).toMatch(/kr/)
    await page.screenshot({ path: shots + 'demo-shop.png', fullPage: true })
    for (const [lang, heading] of [['sv', 'Vintern kommer. Var redo.'], ['fi', 'Talvi tulee. Ole valmis.'], ['da', 'Vinteren kommer. Vær klar.'], ['en', 'Winter is coming. Be ready.']]) {
      await page.selectOption('#lang', lang!)
      expect(await page.textContent('h1')).toBe(heading)
      expect(await page.getAttribute('html', 'lang')).toBe(lang)
    }
    await page.selectOption('#lang', 'nb')
    await page.click('[data-product=sweater]')
    await page.click('[data-product=boots]')
    expect(await page.textContent('#cart-count')).toBe('2')
    await page.click('#cart-link')
    await page.locator('#view-cart').waitFor()
    await expect.poll(() => page.locator('#cart-lines tr').count()).toBe(2)
    await page.screenshot({ path: shots + 'demo-shop-cart.png' })
    await page.click('#to-checkout')
    await page.locator('#view-checkout').waitFor()
    await page.screenshot({ path: shots + 'demo-shop-checkout.png' })
    await page.click('#place-order')
    await page.waitForURL(/\/order\/NH-\d{4}-\d{6}\?lang=nb$/)
    const order = /NH-\d{4}-\d{6}/.exec(page.url())![0]
    expect(await page.textContent('#order-number')).toBe(order)
    expect(await page.locator('#order-lines tr').count()).toBe(2)
    const tag = page.locator('script[src="/dist/npskit.iife.js"]')
    expect(await tag.evaluate((el) => ({ ...(el as HTMLScriptElement).dataset }))).toEqual({
      endpoint: '/api/responses',
      journeyPoint: 'checkout-complete',
      dedupeKey: order,
      brand: 'Nordhandel',
      locale: 'nb',
      accent: '#1f4e5f',
    })
    await page.locator('npskit-survey .card').waitFor()
    await page.screenshot({ animations: 'disabled', path: shots + 'demo-shop-confirmation.png' })
    expect(problems).toEqual([])
    await page.close()
  })

  it('re-creates the widget in the playground as options change, with a snippet to copy', async () => {
    const { page, problems } = await open(browser, seeded.base + '/playground')
    // In its real placement, as a shop's customer sees it: bottom right by default, then a modal.
    await page.locator('npskit-survey .bottom-right .card').waitFor()
    expect(await page.locator('npskit-survey .card').evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
    await page.selectOption('#opt-placement', 'modal')
    await page.locator('npskit-survey .modal [part~=backdrop]').waitFor()
    await page.selectOption('#opt-placement', 'inline')
    await page.locator('#preview npskit-survey .card').waitFor()
    await page.selectOption('#opt-placement', 'bottom-right')
    await page.fill('#opt-brand', 'Fjellbutikken')
    await page.selectOption('#opt-locale', 'sv')
    await page.selectOption('#opt-theme', 'dark')
    await page.fill('#opt-radius', '4')
    await page.fill('#opt-promoterLabel', 'Review us')
    await page.fill('#opt-promoterHref', 'https://example.com/review?a=1&b="2"')
    await page.fill('#opt-json', '{ "metadata": { "plan": "pro" ')
    await expect.poll(() => page.textContent('#error')).toMatch(/not a JSON object/)
    await page.fill('#opt-json', '{ "metadata": { "plan": "pro" } }')
    await expect.poll(() => page.textContent('#error')).toBe('')
    // The widget renders in a shadow root, which locators pierce.
    await page.locator('npskit-survey').getByText(/rekommendera Fjellbutikken/).waitFor()
    const snippet = (await page.textContent('#snippet'))!
    expect(snippet).toContain('data-brand="Fjellbutikken"')
    expect(snippet).toContain('data-locale="sv"')
    expect(snippet).toContain('data-radius="4"')
    expect(snippet).toContain('data-endpoint="/api/responses"')
    expect(snippet).toContain('"href": "https://example.com/review?a=1&b=\\"2\\""')
    expect(snippet).not.toContain('data-placement')
    expect(snippet).toContain('"metadata": {\n    "plan": "pro"\n  }')
    await page.screenshot({ animations: 'disabled', path: shots + 'demo-playground.png', fullPage: true })
    // An answer in the playground reaches the collector.
    await page.locator('npskit-survey [role=radio]').nth(9).click()
    await expect.poll(() => page.textContent('#log')).toContain('score 9')
    await expect
      .poll(async () => (await (await fetch(seeded.base + '/api/responses?journeyPoint=playground')).json()).items.map((r: { score: number; metadata: object }) => [r.score, r.metadata]))
      .toEqual([[9, { plan: 'pro' }]])
    expect(problems).toEqual([])
    await page.close()
  })

  it('shows the dashboard: NPS, charts, comparison and the inbox, with CSV export', async () => {
    const { page, problems } = await open(browser, seeded.base + '/dashboard')
    await page.locator('body[data-ready=true]').waitFor()
    expect(await page.textContent('#nps')).toMatch(/^[+−]?\d+$/)
    expect(await page.textContent('#interval')).toMatch(/95 % confidence interval/)
    expect(Number((await page.textContent('#total'))!.replace(/,/g, ''))).toBeGreaterThan(1000)
    expect(await page.textContent('#compare')).toMatch(/by chance p [<=] [\d.]+, (less than|about) 1 in [\d,]+: /)
    // Dates are written one way (3 Jun 2026), in the comparison as in the inbox.
    expect(await page.textContent('#compare')).not.toMatch(/\d{4}-\d\d-\d\d/)
    // The export covers the period shown from the first load on.
    const from = await page.inputValue('#from')
    expect(await page.getAttribute('#csv', 'href')).toContain('from=' + from)
    for (const id of ['distribution', 'trend', 'byJourneyPoint', 'byLocale']) {
      expect(await page.locator(`#${id}`).evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(100)
    }
    expect(await page.locator('#byLocaleTable tr').count()).toBe(6)
    expect(await page.locator('#distributionTable tr').count()).toBe(12)
    expect(await page.locator('#trendTable tr').count()).toBeGreaterThan(10)
    expect(await page.locator('#inbox .message').count()).toBe(10)
    expect(await page.locator('#inbox .consent').count()).toBeGreaterThan(0)
    await page.check('#only-consent')
    await expect.poll(() => page.locator('#inbox .message:not(:has(.consent))').count()).toBe(0)
    expect(await page.locator('#inbox .message').count()).toBe(10)
    await page.uncheck('#only-consent')
    await page.screenshot({ path: shots + 'demo-dashboard.png', fullPage: true })
    // Filter to one language: every number follows.
    const total = await page.textContent('#total')
    await page.selectOption('#locale', 'fi')
    await expect.poll(() => page.textContent('#total')).not.toBe(total)
    expect(await page.getAttribute('#csv', 'href')).toContain('locale=fi')
    // The dashboard's links are relative (the collector may be mounted under a path).
    const csv = await fetch(new URL((await page.getAttribute('#csv', 'href'))!, page.url()))
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: shots + 'demo-dashboard-phone.png', fullPage: true })
    expect(problems).toEqual([])
    await page.close()
  })

  it('has no accessibility violations (axe-core) on the shop, playground, dashboard and calculator', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const found: Record<string, string[]> = {}
    for (const path of ['/?lang=fi', '/?lang=en#cart', '/?lang=sv#checkout', '/order/NH-2026-123456?lang=da', '/playground', '/dashboard', '/calculator']) {
      const page = await context.newPage()
      await page.goto(seeded.base + path)
      if (path === '/dashboard') await page.locator('body[data-ready=true]').waitFor()
      // Where a survey shows, check it once it has settled: mid fade-in its text is still faint.
      if (path === '/playground' || path.startsWith('/order/')) {
        const card = page.locator('npskit-survey .card')
        await card.waitFor()
        await card.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)))
      }
      await page.addScriptTag({ path: axePath })
      found[path] = await page.evaluate(async () => {
        const axe = (window as any).axe
        const { violations } = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })
        return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
      })
      await page.close()
    }
    await context.close()
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])))
  })

  it('end to end: a customer checks out, answers 3 with a comment, and the dashboard shows it to follow up', async () => {
    const shop = await open(browser, empty.base + '/?lang=en')
    await shop.page.click('[data-product=mug]')
    await shop.page.goto(empty.base + '/#checkout')
    await shop.page.click('#place-order')
    await shop.page.waitForURL(/\/order\//)
    const order = /NH-\d{4}-\d{6}/.exec(shop.page.url())![0]
    const comment = 'The parcel was late <b>again</b> & nobody answered'
    await shop.page.getByRole('radio', { name: '3 out of 10' }).click()
    await shop.page.locator('npskit-survey textarea').fill(comment)
    await shop.page.locator('npskit-survey input[type=checkbox]').check()
    await shop.page.getByRole('button', { name: 'Send' }).click()
    await expect
      .poll(async () => (await (await fetch(empty.base + '/api/responses')).json()).items[0]?.complete, { timeout: 15_000 })
      .toBe(true)
    expect(shop.problems).toEqual([])
    await shop.page.close()

    const { page, problems } = await open(browser, empty.base + '/dashboard')
    await page.locator('body[data-ready=true]').waitFor()
    expect(await page.textContent('#total')).toBe('1')
    expect(await page.textContent('#nps')).toBe('−100')
    const entry = page.locator('#inbox .message').first()
    // Shown as text, exactly as written: the HTML in it is not markup.
    expect(await entry.locator('.comment').textContent()).toBe(comment)
    expect(await entry.locator('b').count()).toBe(0)
    expect(await entry.locator('.consent').count()).toBe(1)
    expect(await entry.textContent()).toContain(order)
    expect(await page.textContent('#open-count')).toBe('1 new')
    expect(await page.locator('#more').isHidden()).toBe(true)
    await page.screenshot({ path: shots + 'demo-dashboard-one-response.png', fullPage: true })
    await page.fill('#admin-name', 'Kari')
    await entry.getByRole('button', { name: 'Mark contacted' }).click()
    await expect.poll(() => page.textContent('#open-count')).toBe('0 new')
    expect(problems).toEqual([])
    await page.close()
  })
})
