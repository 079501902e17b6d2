// The landing page of email survey links in Chromium, against the built collector (dist/) with the
// widget it serves: the link's score is chosen and can be changed, the comment is posted, everything
// is one response; a link scanner (eleven GETs, then eleven page loads running the script, within
// five seconds) records nothing; a customer who clicks one score and closes the tab at once is heard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { linkSecret, startLandingCollector, type LandingCollector } from '../support/landing'

const windowMs = 5000

describe.runIf(browserAvailable())('the email link landing page (Chromium)', () => {
  let browser: Browser
  let landing: LandingCollector
  let server: { origin: string }
  const link = () => landing.link()
  const rows = (token: string) => landing.rows(token)

  beforeAll(async () => {
    landing = await startLandingCollector(windowMs)
    server = { origin: landing.origin }
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await landing?.close()
  })

  /** A page that reports CSP violations, errors and every request that leaves the collector. */
  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push('pageerror: ' + error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin)) problems.push('third-party request: ' + request.url())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
    })
    await page.goto(url)
    return { page, problems }
  }

  it('gives a reader without JavaScript the same question as a form: the link’s score chosen, the answer recorded once it is sent', async () => {
    const { token, url } = link()
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()))
    await page.goto(url(4))
    const four = page.getByRole('radio', { name: '4' })
    expect(await four.isChecked()).toBe(true)
    expect(await page.getByRole('group', { name: 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?' }).count()).toBe(1)
    // Opening the page records nothing, with or without JavaScript.
    expect(await rows(token)).toEqual([])
    await page.getByRole('radio', { name: '2' }).check()
    await page.getByRole('textbox').fill('Ingen svarte på e-posten min')
    await page.getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByText('Takk for ærlig tilbakemelding').waitFor()
    expect(await rows(token)).toHaveLength(1)
    expect((await rows(token))[0]).toMatchObject({ score: 2, category: 'detractor', comment: 'Ingen svarte på e-posten min', contact_consent: true, complete: true, channel: 'email' })
    expect(violations).toEqual([])
    await context.close()
  })

  it('shows the link’s score chosen; a tap on another records it at once, the comment completes the one response', async () => {
    const { token, url } = link()
    const { page, problems } = await open(url(9))
    const nine = page.getByRole('radio', { name: '9 av 10' })
    await expect.poll(() => nine.getAttribute('aria-checked')).toBe('true')
    expect(await page.getByText('Hvor sannsynlig er det at du vil anbefale Nordhandel').count()).toBe(1)
    // The page's own answer is only held: nothing is recorded yet.
    expect(await rows(token)).toEqual([])

    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/r/') && r.status() === 201)
    await page.getByRole('radio', { name: '6 av 10' }).click()
    await posted
    expect((await rows(token))[0]).toMatchObject({ score: 6, category: 'detractor', comment: null, user_info: { email: 'kari@example.com' }, metadata: { orderId: expect.stringMatching(/^NH-\d+$/) } })

    await page.getByRole('textbox').fill('Pakken kom en uke for sent')
    const completed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/r/') && r.status() === 200)
    await page.getByRole('button', { name: 'Send' }).click()
    await completed
    await page.getByText('Takk for ærlig tilbakemelding').waitFor()
    const stored = await rows(token)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ score: 6, comment: 'Pakken kom en uke for sent', complete: true, channel: 'email' })
    // The page was seen: one shown event of the email channel for the response rate.
    const linkId = (await import('../../src/collector/landing/responseId')).linkResponseId(token)
    await expect
      .poll(() => landing.query('SELECT kind, channel FROM events WHERE response_id = $1', [linkId]), { timeout: 10_000 })
      .toEqual([{ kind: 'shown', channel: 'email' }])
    // The held answer of the first paint (9) does not come back over the human's.
    await new Promise((r) => setTimeout(r, windowMs + 500))
    expect((await rows(token))[0]).toMatchObject({ score: 6, comment: 'Pakken kom en uke for sent' })
    expect(await page.evaluate(() => [...document.querySelectorAll('[style]')].length)).toBe(0)
    expect(problems).toEqual([])
    await page.close()
  })

  it('records nothing for a scanner: eleven GETs, then eleven page loads running the script within five seconds', async () => {
    const { token, url } = link()
    for (let score = 0; score <= 10; score++) expect((await fetch(url(score))).status).toBe(200)
    expect(await rows(token)).toEqual([])
    // As the scanners of mail gateways do it: every link at once, each page running its script.
    const context = await browser.newContext()
    const started = Date.now()
    const statuses = await Promise.all(
      Array.from({ length: 11 }, async (_, score) => {
        const page = await context.newPage()
        const held = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/r/'))
        await page.goto(url(score))
        return (await held).status()
      }),
    )
    const took = Date.now() - started
    expect(statuses).toEqual(Array(11).fill(202))
    const [state] = await landing.query('SELECT scanner, pending FROM link_answers WHERE response_id = $1', [(await import('../../src/collector/landing/responseId')).linkResponseId(token)])
    // Eleven loads on two shared cores may take longer than the window; then this run shows nothing.
    if (took < windowMs) expect(state).toEqual({ scanner: true, pending: null })
    await context.close()
    await new Promise((r) => setTimeout(r, windowMs + 1000))
    expect(await rows(token)).toEqual([])
  })

  it('records the score of a customer who clicks it and closes the tab at once', async () => {
    const { token, url } = link()
    const page = await browser.newPage()
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/r/'))
    await page.goto(url(10))
    await sent
    await page.close()
    await expect.poll(async () => (await rows(token)).length, { timeout: windowMs + 5000 }).toBe(1)
    expect((await rows(token))[0]).toMatchObject({ score: 10, category: 'promoter', journey_point: 'order-delivered' })
  })

  it('opens from the email: a tap on a score of the rendered email lands on the page with that score chosen', async () => {
    const emailModule = '../../dist/email.js'
    const { surveyEmail } = (await import(/* @vite-ignore */ emailModule)) as typeof import('../../src/email')
    const links = link()
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } })
    await page.setContent(surveyEmail({ brand: 'Nordhandel', locale: 'nb', links }).html)
    await Promise.all([page.waitForURL(/\/r\//), page.locator('a', { hasText: /^7$/ }).click()])
    await expect.poll(() => page.getByRole('radio', { name: '7 av 10' }).getAttribute('aria-checked')).toBe('true')
    expect(page.url()).toBe(links.url(7))
    await page.close()
  })

  it('shows a friendly page for an expired or tampered link', async () => {
    const expired = landing.collector.signSurveyLink({ secret: linkSecret, baseUrl: server.origin, locale: 'de', journeyPoint: 'x', expiresInDays: 1, now: Date.now() - 2 * 86_400_000 })
    const { page, problems } = await open(expired.url(7))
    expect(await page.textContent('main')).toContain('Diese Umfrage ist beendet.')
    const answer = await page.goto(link().url(7).replace(/\.([^.?]+)\?/, '.AAAA$1?'))
    expect(answer!.status()).toBe(403)
    expect(await page.textContent('main')).toContain('This link does not work.')
    // Chromium logs the page's own status; anything else would be a problem.
    expect(problems.filter((p) => !/status of (410|403)/.test(p))).toEqual([])
    await page.close()
  })
})
