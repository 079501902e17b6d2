import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import type { SurveyOptions } from '../../src/index'

export const nonce = 'npskit-test-nonce'
export const strictCsp = `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self'; object-src 'none'; base-uri 'none'`

export interface OpenOptions {
  readonly hostile?: boolean
  readonly show?: boolean
  readonly context?: BrowserContextOptions
  /** More query parameters for the fixture page (see test/fixtures/widget-page.js). */
  readonly query?: Readonly<Record<string, string>>
}

export interface Opened {
  readonly page: Page
  /** Page errors and console errors/warnings seen so far. */
  readonly problems: string[]
}

/** The shop fixture page's URL with a survey created from `options`, for any browser's driver. */
export function surveyUrl(origin: string, options: SurveyOptions & { target?: string } = {}, open: Pick<OpenOptions, 'hostile' | 'show' | 'query'> = {}): string {
  const query = new URLSearchParams({ options: JSON.stringify({ autoCloseMs: 0, ...options }) })
  if (open.hostile) query.set('hostile', '1')
  if (open.show === false) query.set('show', 'no')
  for (const [k, v] of Object.entries(open.query ?? {})) query.set(k, v)
  return `${origin}/test/fixtures/widget.html?${query}`
}

/** Opens the shop fixture page with a survey created from `options` (target given as a selector). */
export async function openSurvey(browser: Browser, origin: string, options: SurveyOptions & { target?: string } = {}, open: OpenOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...open.context })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push('pageerror: ' + error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.type() + ': ' + message.text())
  })
  await page.goto(surveyUrl(origin, options, open))
  if (open.show !== false) await page.locator('npskit-survey .card').waitFor()
  return { page, problems }
}

export const result = (page: Page) => page.evaluate(() => (window as unknown as { __result: Promise<unknown> }).__result)
export const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: { name: string; detail: unknown }[] }).__events)
export const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
