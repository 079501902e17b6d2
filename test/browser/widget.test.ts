import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { root, serve, type StaticServer } from '../support/server'
import { events, openSurvey, result, strictCsp, violations } from '../support/widget'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const shots = root + 'test-results/screenshots/'

describe.runIf(browserAvailable())('the survey widget in Chromium', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    ;[browser, server] = await Promise.all([launchChromium(), serve({ htmlHeaders: { 'content-security-policy': strictCsp } })])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  const close = (page: Page) => page.context().close()

  it('can be completed with the keyboard alone', async () => {
    const { page, problems } = await openSurvey(browser, server.origin, { brand: 'Nordhandel', contactConsent: true })
    // Nothing was focused by the survey appearing on its own.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
    await page.keyboard.press('Tab') // shop link
    await page.keyboard.press('Tab') // gift message field
    await page.keyboard.press('Tab') // survey: close button
    await page.keyboard.press('Tab') // survey: the scale's single tab stop
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role'))).toBe('radio')
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Delivery was slow')
    await page.keyboard.press('Tab') // consent checkbox
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab') // skip
    await page.keyboard.press('Tab') // send
    await page.keyboard.press('Enter')
    expect(await result(page)).toEqual({ status: 'answered', score: 4, category: 'detractor', comment: 'Delivery was slow' })
    const submit = (await events(page)).find((e) => e.name === 'submit')!.detail as { contactConsent: boolean; page: string }
    expect(submit.contactConsent).toBe(true)
    expect(submit.page).toBe(server.origin + '/test/fixtures/widget.html')
    await page.keyboard.press('Escape')
    await page.locator('npskit-survey').waitFor({ state: 'detached' })
    expect(problems).toEqual([])
    await close(page)
  })

  it('can be completed with the mouse', async () => {
    const { page, problems } = await openSurvey(browser, server.origin, { placement: 'bottom-left' })
    await page.getByRole('radio', { name: '9 out of 10' }).click()
    await page.locator('npskit-survey textarea').fill('Fast delivery')
    await page.getByRole('button', { name: 'Send' }).click()
    expect(await result(page)).toMatchObject({ status: 'answered', score: 9, comment: 'Fast delivery' })
    await page.getByRole('button', { name: /close/i }).click()
    await page.locator('npskit-survey').waitFor({ state: 'detached' })
    expect(problems).toEqual([])
    await close(page)
  })

  it('as a modal, takes focus, keeps it inside and gives it back on close', async () => {
    const { page } = await openSurvey(browser, server.origin, { placement: 'modal' }, { show: false })
    await page.focus('header a')
    await page.evaluate(() => void ((window as any).__result = (window as any).__survey.show()))
    await page.locator('npskit-survey .card').waitFor()
    // The group, not a score: nothing looks chosen before the customer chooses.
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role'))).toBe('radiogroup')
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('NPSKIT-SURVEY')
    await page.keyboard.press('Escape')
    expect(await result(page)).toEqual({ status: 'dismissed', reason: 'closed' })
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nordhandel')
    await close(page)
  })

  it('does not open a modal under a customer who is typing', async () => {
    const { page } = await openSurvey(browser, server.origin, { placement: 'modal' }, { show: false })
    await page.focus('#gift')
    await page.keyboard.type('Happy birth')
    await page.evaluate(() => void (window as any).__survey.show())
    await page.waitForTimeout(300)
    expect(await page.locator('npskit-survey').count()).toBe(0)
    await page.keyboard.type('day!')
    expect(await page.inputValue('#gift')).toBe('Happy birthday!')
    await page.focus('header a')
    await page.locator('npskit-survey .card').waitFor()
    await close(page)
  })

  it('runs under a strict Content-Security-Policy with no violation', async () => {
    const { page, problems } = await openSurvey(browser, server.origin, { accent: '#0a6e4f', fontSize: 17 })
    await page.getByRole('radio', { name: '3 out of 10' }).click()
    await page.getByRole('button', { name: 'Skip' }).click()
    expect(await violations(page)).toEqual([])
    expect(problems).toEqual([])
    await close(page)
  })

  it('falls back to a <style nonce> where constructable stylesheets are missing', async () => {
    const run = async (withNonce: boolean) => {
      const { page } = await openSurvey(browser, server.origin, withNonce ? { nonce: 'npskit-test-nonce' } : {}, {
        show: false,
      })
      await page.evaluate(() => {
        delete (Document.prototype as any).adoptedStyleSheets
        ;(window as any).__result = (window as any).__survey.show()
      })
      await page.locator('npskit-survey .card').waitFor()
      const position = await page.locator('npskit-survey .card').evaluate((el) => getComputedStyle(el).position)
      const v = await violations(page)
      await close(page)
      return { position, v }
    }
    expect(await run(true)).toEqual({ position: 'fixed', v: [] })
    // Without the nonce the browser blocks the style: proof that the check above can fail.
    const blocked = await run(false)
    expect(blocked.v.length).toBeGreaterThan(0)
  })

  it('runs no script from option or comment text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    const { page } = await openSurvey(browser, server.origin, { brand: evil, thankYou: evil, messages: { skip: evil } })
    await page.getByRole('radio', { name: '1 out of 10' }).click()
    await page.locator('npskit-survey textarea').fill(evil)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByText(evil).first().waitFor()
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined()
    expect(await page.locator('npskit-survey img').count()).toBe(0)
    await close(page)
  })

  it('stays intact on a hostile host page', async () => {
    const { page } = await openSurvey(browser, server.origin, {}, { hostile: true })
    const card = page.locator('npskit-survey .card')
    const box = (await card.boundingBox())!
    expect(box.width).toBeGreaterThan(380)
    expect(box.width).toBeLessThan(420)
    const buttons = page.locator('npskit-survey .score')
    expect(await buttons.count()).toBe(11)
    for (const b of await buttons.all()) expect(await b.isVisible()).toBe(true)
    expect(await page.locator('npskit-survey .question').evaluate((el) => getComputedStyle(el).fontSize)).toBe('18px')
    await page.screenshot({ animations: 'disabled', path: shots + 'hostile.png' })
    await close(page)
  })

  it('works beside the host page’s own Preact app', async () => {
    const { page } = await openSurvey(browser, server.origin, {}, { show: false })
    await page.addScriptTag({ type: 'module', url: '/test/fixtures/host-preact.js' })
    await page.locator('#host-app button').click()
    await page.evaluate(() => void ((window as any).__result = (window as any).__survey.show()))
    // The host's options hook touches only the host's Preact: npskit runs its own copy.
    expect(await page.locator('#host-app [data-host]').count()).toBe(1)
    expect(await page.locator('npskit-survey [data-host]').count()).toBe(0)
    await page.getByRole('radio', { name: '8 out of 10' }).click()
    await page.getByRole('button', { name: 'Skip' }).click()
    expect(await result(page)).toMatchObject({ score: 8 })
    await page.locator('#host-app button').click()
    expect(await page.locator('#host-app button').textContent()).toBe('Host clicks: 2')
    await close(page)
  })

  describe('accessibility (axe-core) and screenshots', () => {
    const placements = ['bottom-right', 'bottom-left', 'top-bar', 'bottom-bar', 'modal', 'inline'] as const
    const runAxe = async (page: Page) => {
      await page.addScriptTag({ path: axePath })
      return page.evaluate(async () => {
        const axe = (window as any).axe
        const { violations } = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })
        return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
      })
    }
    for (const placement of placements) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${placement}, ${theme}: no violations in each step`, async () => {
          const { page } = await openSurvey(
            browser,
            server.origin,
            { placement, theme, contactConsent: true, promoterAction: { label: 'Review us', href: 'https://example.com' }, ...(placement === 'inline' ? { target: '#inline-target' } : {}) },
            { context: { bypassCSP: true } },
          )
          expect(await runAxe(page)).toEqual([])
          await page.getByRole('radio', { name: '9 out of 10' }).click()
          await page.locator('npskit-survey textarea').waitFor()
          expect(await runAxe(page)).toEqual([])
          await page.getByRole('button', { name: 'Send' }).click()
          await page.getByRole('link', { name: 'Review us' }).waitFor()
          expect(await runAxe(page)).toEqual([])
          await close(page)
        })
      }
    }

    it('right-to-left (Arabic, Hebrew): mirrored scale, no violations', async () => {
      for (const locale of ['ar', 'he']) {
        const { page } = await openSurvey(browser, server.origin, { locale, brand: 'Nordhandel' }, { context: { bypassCSP: true } })
        const zero = (await page.getByRole('radio').nth(0).boundingBox())!
        const ten = (await page.getByRole('radio').nth(10).boundingBox())!
        expect(zero.x).toBeGreaterThan(ten.x)
        expect(await runAxe(page)).toEqual([])
        await page.screenshot({ animations: 'disabled', path: `${shots}rtl-${locale}.png` })
        await close(page)
      }
    })

    it('follows the system colour scheme in auto, and the theme option over it', async () => {
      const background = (page: Page) => page.locator('npskit-survey .card').evaluate((el) => getComputedStyle(el).backgroundColor)
      const auto = await openSurvey(browser, server.origin, { theme: 'auto' }, { context: { colorScheme: 'dark' } })
      expect(await background(auto.page)).toBe('rgb(31, 32, 36)')
      await auto.page.screenshot({ animations: 'disabled', path: shots + 'auto-dark.png' })
      await close(auto.page)
      const light = await openSurvey(browser, server.origin, { theme: 'light' }, { context: { colorScheme: 'dark' } })
      expect(await background(light.page)).toBe('rgb(255, 255, 255)')
      await close(light.page)
    })

    it('keeps still with reduced motion and marks the chosen score in forced colours', async () => {
      const { page } = await openSurvey(browser, server.origin, {}, { context: { reducedMotion: 'reduce', forcedColors: 'active' } })
      expect(await page.locator('npskit-survey .card').evaluate((el) => getComputedStyle(el).animationName)).toBe('none')
      await page.getByRole('radio').nth(0).focus()
      await page.keyboard.press('ArrowRight')
      const colours = await page.locator('npskit-survey .score').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor))
      expect(colours[1]).not.toBe(colours[0])
      expect(colours[2]).toBe(colours[0])
      await close(page)
    })

    it('fits a 320 px phone with touch targets of at least 24 px, and centres the bars', async () => {
      const { page } = await openSurvey(browser, server.origin, { brand: 'Nordhandel', locale: 'de' }, { context: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } })
      for (const b of await page.locator('npskit-survey .score').all()) {
        const box = (await b.boundingBox())!
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24)
        expect(box.x + box.width).toBeLessThanOrEqual(320)
      }
      expect(await page.locator('npskit-survey .card').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      await close(page)
      const bar = await openSurvey(browser, server.origin, { brand: 'Nordhandel', placement: 'top-bar' }, { context: { viewport: { width: 1280, height: 600 } } })
      const question = (await bar.page.locator('npskit-survey .question').boundingBox())!
      // Centred in 960 px: the question starts 160 px in, and the scale ends 160 px before the edge.
      expect(question.x).toBeGreaterThanOrEqual(160)
      expect((await bar.page.locator('npskit-survey [role=radiogroup]').boundingBox())!.x + 440).toBeLessThanOrEqual(1120)
      await bar.page.screenshot({ animations: 'disabled', path: shots + 'top-bar.png' })
      await close(bar.page)
    })

    it('saves screenshots: light, dark, 360 px phone, every step', async () => {
      const light = await openSurvey(browser, server.origin, { brand: 'Nordhandel' })
      await light.page.screenshot({ animations: 'disabled', path: shots + 'light-question.png' })
      await light.page.getByRole('radio', { name: '3 out of 10' }).click()
      await light.page.locator('npskit-survey textarea').fill('The parcel arrived a week late and nobody answered my e-mail.')
      await light.page.screenshot({ animations: 'disabled', path: shots + 'light-follow-up.png' })
      await light.page.getByRole('button', { name: 'Send' }).click()
      await light.page.screenshot({ animations: 'disabled', path: shots + 'light-thanks.png' })
      await close(light.page)
      const dark = await openSurvey(browser, server.origin, { brand: 'Nordhandel', theme: 'dark', locale: 'nb', contactConsent: true })
      await dark.page.screenshot({ animations: 'disabled', path: shots + 'dark-question-nb.png' })
      await dark.page.getByRole('radio').nth(6).click()
      await dark.page.screenshot({ animations: 'disabled', path: shots + 'dark-follow-up-nb.png' })
      await close(dark.page)
      const phone = await openSurvey(browser, server.origin, { brand: 'Nordhandel', locale: 'fi' }, { context: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } })
      const buttons = await phone.page.locator('npskit-survey .score').all()
      for (const b of buttons) {
        const box = (await b.boundingBox())!
        expect(box.width).toBeGreaterThanOrEqual(24)
        expect(box.height).toBeGreaterThanOrEqual(24)
      }
      await phone.page.getByRole('radio').nth(10).tap()
      await phone.page.screenshot({ animations: 'disabled', path: shots + 'phone-360-fi.png' })
      await close(phone.page)
      const modal = await openSurvey(browser, server.origin, { brand: 'Nordhandel', placement: 'modal', locale: 'sv' })
      await modal.page.screenshot({ animations: 'disabled', path: shots + 'modal-sv.png' })
      await close(modal.page)
    })
  })
})
