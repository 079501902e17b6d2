import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { contrast, type Rgb } from '../../src/core/contrast'
import { browserAvailable, launchChromium } from '../support/chromium'
import { serve, type StaticServer } from '../support/server'
import { openSurvey, strictCsp, type OpenOptions } from '../support/widget'
import type { SurveyOptions } from '../../src/index'

// Colours, theme and layout as a shop's customer sees them, measured from the rendered
// computed styles inside the shadow root.

// Brand colours from real shops' palettes, chosen to cover the hard cases.
const brands = {
  'pale yellow': '#fff59d',
  'signal yellow': '#ffcc00',
  'mid grey': '#808080',
  'pure red': 'red',
  navy: 'navy',
  'near-white': '#fafafa',
  'near-black': '#111111',
  teal: 'hsl(174 100% 29%)',
  'mint green': '#98ff98',
  'hot pink': '#ff69b4',
  orange: '#ff7a00',
  'light blue': 'oklch(0.85 0.07 230)',
  'royal purple': 'rebeccapurple',
}

const rgb = (css: string): Rgb => css.match(/[\d.]+/g)!.slice(0, 3).map(Number) as unknown as Rgb

describe.runIf(browserAvailable())('the widget for every brand and every page, in Chromium', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve({ htmlHeaders: { 'content-security-policy': strictCsp } })])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  const open = (options: SurveyOptions & { target?: string }, more: OpenOptions = {}) => openSurvey(browser, server.origin, options, more)
  const close = (page: Page) => page.context().close()
  const card = (page: Page) => page.locator('npskit-survey .card')

  for (const theme of ['light', 'dark'] as const) {
    it(`keeps every brand's accent readable in the ${theme} theme (WCAG 2.2 AA)`, async () => {
      const failures: string[] = []
      for (const [name, accent] of Object.entries(brands)) {
        const { page } = await open({ accent, theme })
        // Keyboard focus on the scale, then a digit: the score is selected and has the focus ring.
        await page.locator('npskit-survey .close').focus()
        await page.keyboard.press('Tab')
        await page.keyboard.press('3')
        const seen = await page.locator('npskit-survey [role=radio][aria-checked=true]').evaluate((el) => {
          const s = getComputedStyle(el)
          const bg = getComputedStyle(el.closest('.card')!).backgroundColor
          return { text: s.color, fill: s.backgroundColor, border: s.borderTopColor, ring: s.outlineColor, ringStyle: s.outlineStyle, card: bg, focused: el.matches(':focus-visible') }
        })
        expect(seen.focused && seen.ringStyle).toBe('solid')
        const ratios = {
          text: contrast(rgb(seen.text), rgb(seen.fill)),
          border: contrast(rgb(seen.border), rgb(seen.card)),
          ring: contrast(rgb(seen.ring), rgb(seen.card)),
        }
        if (ratios.text < 4.5 || ratios.border < 3 || ratios.ring < 3) failures.push(`${name} ${accent}: ${JSON.stringify(ratios)}`)
        await close(page)
      }
      expect(failures).toEqual([])
    }, 60_000)
  }

  it('leaves an accent that is readable as the shop chose it', async () => {
    const { page } = await open({ accent: '#0a6e4f', theme: 'light' })
    await page.getByRole('radio', { name: '9 out of 10' }).click()
    const fill = await page.locator('npskit-survey [aria-checked=true]').evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(fill).toBe('rgb(10, 110, 79)')
    await close(page)
  })

  it('matches the page by default: light on a light shop even when the system is dark, dark on a dark page', async () => {
    const bg = async (options: Omit<SurveyOptions, 'target'>, more: OpenOptions) => {
      const { page } = await open(options, more)
      const luminance = await card(page).evaluate((el) => getComputedStyle(el).backgroundColor)
      await close(page)
      return luminance
    }
    const dark = { context: { colorScheme: 'dark' as const } }
    expect(await bg({}, dark)).toBe('rgb(255, 255, 255)')
    expect(await bg({}, { query: { page: 'dark' } })).toBe('rgb(31, 32, 36)')
    // 'auto' still follows the system.
    expect(await bg({ theme: 'auto' }, dark)).toBe('rgb(31, 32, 36)')
  })

  it('puts a bar in one row on a desktop, at most 72 px tall, clear of the page\'s sticky header', async () => {
    const { page } = await open({ placement: 'top-bar', brand: 'Nordhandel' }, { context: { viewport: { width: 1280, height: 800 } }, query: { sticky: '1' } })
    await page.waitForTimeout(300) // its entry animation
    const box = (await card(page).boundingBox())!
    expect(box.height).toBeLessThanOrEqual(72)
    const header = (await page.locator('header').boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 0.5)
    await close(page)
    // Chosen by the shop: offset 0 covers its header.
    const chosen = await open({ placement: 'top-bar', offset: 0 }, { context: { viewport: { width: 1280, height: 800 } }, query: { sticky: '1' } })
    await expect.poll(async () => (await card(chosen.page).boundingBox())!.y).toBe(0) // after its entry animation
    await close(chosen.page)
    const bottom = await open({ placement: 'bottom-bar', brand: 'Nordhandel' }, { context: { viewport: { width: 1024, height: 768 } } })
    expect((await card(bottom.page).boundingBox())!.height).toBeLessThanOrEqual(72)
    await close(bottom.page)
  })

  it('puts a bar in two rows at most on a phone: the question, then the scale', async () => {
    const { page } = await open({ placement: 'bottom-bar', brand: 'Nordhandel' }, { context: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } })
    const rows = await page.locator('npskit-survey .card').evaluate((el) => {
      const tops = [...el.querySelectorAll('.question, [role=radio], .anchors')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.height > 0)
        .map((r) => Math.round(r.top))
      return [...new Set(tops)].length
    })
    expect(rows).toBe(2)
    await close(page)
  })

  const targets = (page: Page) =>
    page.locator('npskit-survey [role=radiogroup]').evaluate((group) => ({
      boxes: [...group.children].map((el) => el.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), width: r.width, height: r.height, right: r.right })),
      overflow: group.scrollWidth > group.clientWidth,
      cardRight: group.closest('.card')!.getBoundingClientRect().right,
    }))

  it('wraps the scale into two balanced rows (0–5, 6–10) in a 223 px slot, every target at least 24 × 24', async () => {
    const { page } = await open({ placement: 'inline', target: '#inline-target' }, { query: { slot: '223' } })
    const { boxes, overflow, cardRight } = await targets(page)
    const rows = [...new Set(boxes.map((b) => b.top))]
    expect(rows).toHaveLength(2)
    expect(boxes.slice(0, 6).every((b) => b.top === rows[0]) && boxes.slice(6).every((b) => b.top === rows[1])).toBe(true)
    expect(boxes.every((b) => b.width >= 24 && b.height >= 24 && b.right <= cardRight)).toBe(true)
    expect(overflow).toBe(false)
    // Still one radio group with the anchors under it.
    expect(await page.locator('npskit-survey [role=radio]').count()).toBe(11)
    expect(await page.locator('npskit-survey .anchors').isVisible()).toBe(true)
    await close(page)
  })

  it('keeps every target at least 24 × 24 on a 320 px phone', async () => {
    for (const placement of ['bottom-right', 'modal', 'top-bar'] as const) {
      const { page } = await open({ placement }, { context: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } })
      const { boxes, overflow } = await targets(page)
      expect(boxes.every((b) => b.width >= 24 && b.height >= 24 && b.right <= 320), placement).toBe(true)
      expect(overflow, placement).toBe(false)
      await close(page)
    }
  })

  it('gives focus back to where it was when a modal closes by its backdrop', async () => {
    const { page } = await open({ placement: 'modal' }, { show: false })
    await page.focus('header a')
    await page.evaluate(() => void ((window as any).__result = (window as any).__survey.show()))
    await card(page).waitFor()
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role'))).toBe('radiogroup')
    await page.mouse.click(5, 5) // the backdrop
    await page.locator('npskit-survey').waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nordhandel')
    await close(page)
  })

  it('does not focus the text box after a tap on a phone', async () => {
    const { page } = await open({}, { context: { viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true } })
    await page.locator('npskit-survey [role=radio]').nth(4).tap()
    await page.locator('npskit-survey textarea').waitFor()
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName ?? 'none')).not.toBe('TEXTAREA')
    await close(page)
  })
})
