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

interface Box {
  name: string
  x: number
  y: number
  width: number
  height: number
}

// The WCAG contrast of the text in each box as painted: the box's most common colour is its
// background, the pixel that differs most from it is the text. Measured on a screenshot, so it covers
// what computed styles cannot see, such as a client's forced dark mode.
async function paintedContrast(page: Page, png: Buffer, boxes: Box[]): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ data, boxes }) => {
      const image = new Image()
      image.src = 'data:image/png;base64,' + data
      await image.decode()
      const canvas = new OffscreenCanvas(image.width, image.height)
      const context = canvas.getContext('2d')!
      context.drawImage(image, 0, 0)
      const luminance = (r: number, g: number, b: number) =>
        [r, g, b].map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0)
      const result: Record<string, number> = {}
      for (const box of boxes) {
        const { data: px } = context.getImageData(Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height))
        const counts = new Map<number, number>()
        for (let i = 0; i < px.length; i += 4) {
          const key = (px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!
          counts.set(key, (counts.get(key) ?? 0) + 1)
        }
        const background = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
        const lb = luminance(background >> 16, (background >> 8) & 255, background & 255)
        let best = 1
        for (const key of counts.keys()) {
          const l = luminance(key >> 16, (key >> 8) & 255, key & 255)
          best = Math.max(best, (Math.max(l, lb) + 0.05) / (Math.min(l, lb) + 0.05))
        }
        result[box.name] = best
      }
      return result
    },
    { data: png.toString('base64'), boxes },
  )
}

// The boxes of every text a reader must read: the brand, the question, the anchors and, inset from
// their rounded corners, the eleven digits.
const textBoxes = (page: Page): Promise<Box[]> =>
  page.evaluate(() => {
    const box = (name: string, el: Element, inset = 0) => {
      const r = el.getBoundingClientRect()
      return { name, x: r.x + inset, y: r.y + inset, width: r.width - 2 * inset, height: r.height - 2 * inset }
    }
    return [
      box('brand', document.querySelector('p')!),
      box('question', document.querySelector('h1')!),
      ...[...document.querySelectorAll('td.nps-muted')].map((td, i) => box(`anchor ${i}`, td)),
      ...[...document.querySelectorAll('a')].map((a) => box(`cell ${a.textContent}`, a, 6)),
    ]
  })

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
          const png = await page.screenshot({ path: `${shots}email-${code}-${width}-${scheme}.png`, fullPage: true })
          for (const [name, ratio] of Object.entries(await paintedContrast(page, png, await textBoxes(page)))) {
            expect(ratio, `contrast of ${name}`).toBeGreaterThanOrEqual(4.5)
          }
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

  // Gmail's apps ignore the email's dark styles and darken it themselves. Chromium's own forced dark
  // mode does the same kind of inversion: the email as Gmail keeps it (no <style>, no color-scheme)
  // must stay readable under it, whatever the accent.
  it.each(['#2456c9', '#ffd400', '#1a1a1a', '#f2f2f2'])('stays readable when a client forces dark mode on it (accent %s)', async (accent) => {
    const forced = await launchChromium(['--blink-settings=forceDarkModeEnabled=true'])
    try {
      const html = surveyEmail({ brand: 'Nordhandel', locale: 'en', accent, links }).html
      const asGmailKeepsIt = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<meta name="(supported-)?color-scheme"[^>]*>/g, '')
      const page = await forced.newPage({ viewport: { width: 600, height: 320 } })
      await page.setContent(asGmailKeepsIt)
      const png = await page.screenshot({ path: `${shots}email-en-600-forced-dark-${accent.slice(1)}.png` })
      // Darkened indeed: the card is no longer white.
      const measure = await browser.newPage()
      const painted = await paintedContrast(measure, png, await textBoxes(page))
      for (const [name, ratio] of Object.entries(painted)) expect(ratio, `contrast of ${name}`).toBeGreaterThanOrEqual(4.5)
      await measure.close()
    } finally {
      await forced.close()
    }
  })

  it('draws white digits on a dark accent, and a light accent’s digits on black tiles', async () => {
    for (const [accent, digits, tile] of [
      ['#7a1f5c', 'rgb(255, 255, 255)', 'rgb(122, 31, 92)'],
      ['#ffd400', 'rgb(255, 212, 0)', 'rgb(0, 0, 0)'],
    ] as const) {
      const { page } = await render(surveyEmail({ brand: 'Nordhandel', locale: 'en', accent, links }).html, 600, 'light')
      const [first] = await cells(page)
      expect([first!.color, first!.background]).toEqual([digits, tile])
      await page.close()
    }
  })
})
