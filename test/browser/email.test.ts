import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { root } from '../support/server'
import type { surveyEmail as SurveyEmail } from '../../src/email'
import { localeCodes } from '../../src/locales'

const shots = root + 'test-results/screenshots/'
const token = 'v1.eyJvIjoiTkgtMjAyNi0xMDQyIiwibCI6Im5iIiwiaiI6Im9yZGVyLWRlbGl2ZXJlZCIsImlhdCI6MTc2NTAwMDAwMCwiZXhwIjoxNzY3NTkyMDAwfQ.q9Zr3d8KfXw0bV1nA6yT2uJc5mLhE7gP4sRoIiDkN0U'
const links = { baseUrl: 'https://nps.nordhandel.no', token }

interface Cell {
  text: string
  x: number
  y: number
  width: number
  height: number
  visible: boolean
  color: string
  background: string
}

// What a reader of the rendered email gets: each score cell's box as laid out, whether the element at
// its centre is that very link (nothing covers it, it is inside the window), and its colours.
async function cells(page: Page): Promise<Cell[]> {
  return page.$$eval('a', (links) =>
    links.map((a) => {
      const box = a.getBoundingClientRect()
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
      return {
        text: a.textContent ?? '',
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        visible: hit === a && box.x >= 0 && box.right <= window.innerWidth,
        color: getComputedStyle(a).color,
        background: getComputedStyle(a.parentElement!).backgroundColor,
      }
    }),
  )
}

describe.runIf(browserAvailable())('the survey email (built dist/email.js) rendered in Chromium', () => {
  let browser: Browser
  let surveyEmail: typeof SurveyEmail

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    browser = await launchChromium()
    ;({ surveyEmail } = (await import(/* @vite-ignore */ new URL('../../dist/email.js', import.meta.url).href)) as { surveyEmail: typeof SurveyEmail })
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function render(html: string, width: number, colorScheme: 'light' | 'dark') {
    const page = await browser.newPage({ viewport: { width, height: 640 }, colorScheme })
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.setContent(html, { waitUntil: 'load' })
    return { page, requests }
  }

  for (const width of [320, 600]) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const code of ['en', 'ar'] as const) {
        it(`${code} at ${width} px, ${scheme}: eleven visible cells of at least 32×32 px, in order, fetching nothing`, async () => {
          const email = surveyEmail({ brand: 'Nordhandel', locale: code, links })
          const { page, requests } = await render(email.html, width, scheme)
          const found = await cells(page)
          expect(found.map((c) => c.text)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
          for (const cell of found) {
            expect(cell.width, `cell ${cell.text}`).toBeGreaterThanOrEqual(32)
            expect(cell.height, `cell ${cell.text}`).toBeGreaterThanOrEqual(32)
            expect(cell.visible, `cell ${cell.text} is visible and not covered`).toBe(true)
          }
          // No sideways scrolling on a phone.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
          // One row where all eleven fit, 0–5 above 6–10 where they do not.
          const rows = new Set(found.map((c) => Math.round(c.y)))
          expect(rows.size).toBe(width === 600 ? 1 : 2)
          // Left to right, or mirrored: 0 on the right in Arabic.
          const xs = found.slice(0, 6).map((c) => c.x)
          expect(xs).toEqual([...xs].sort((a, b) => (code === 'ar' ? b - a : a - b)))
          // Dark mode where the client asks for it, light otherwise.
          const card = await page.$eval('.nps-card', (el) => getComputedStyle(el).backgroundColor)
          expect(card).toBe(scheme === 'dark' ? 'rgb(29, 32, 36)' : 'rgb(255, 255, 255)')
          expect(requests).toEqual([])
          await page.screenshot({ path: `${shots}email-${code}-${width}-${scheme}.png`, fullPage: true })
          await page.close()
        })
      }
    }
  }

  it.each(localeCodes)('%s at 320 px: the cells keep their size and the anchors stay inside the screen', async (code) => {
    const { page } = await render(surveyEmail({ brand: 'Nordhandel Nordic Outdoor Store', locale: code, links }).html, 320, 'light')
    for (const cell of await cells(page)) {
      expect(cell.width).toBeGreaterThanOrEqual(32)
      expect(cell.height).toBeGreaterThanOrEqual(32)
      expect(cell.visible, `cell ${cell.text}`).toBe(true)
    }
    const anchors = await page.$$eval('td.nps-muted', (tds) => tds.map((td) => td.getBoundingClientRect()).map((r) => [r.left, r.right]))
    for (const [left, right] of anchors) {
      expect(left).toBeGreaterThanOrEqual(0)
      expect(right).toBeLessThanOrEqual(320)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await page.close()
  })

  it('draws a light accent with black digits and a dark one with white digits', async () => {
    for (const [accent, digits] of [['#ffd400', 'rgb(0, 0, 0)'], ['#7a1f5c', 'rgb(255, 255, 255)']] as const) {
      const { page } = await render(surveyEmail({ brand: 'Nordhandel', locale: 'en', accent, links }).html, 600, 'light')
      const [first] = await cells(page)
      expect([first!.color, first!.background]).toEqual([digits, accent === '#ffd400' ? 'rgb(255, 212, 0)' : 'rgb(122, 31, 92)'])
      await page.close()
    }
  })
})
