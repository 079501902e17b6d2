import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SurveyOptions } from '../../src/index'
import { root, serve, type StaticServer } from '../support/server'
import { launchWebKit, webkitAvailable, type Session, type WebKit } from '../support/webkit'
import { nonce, strictCsp, surveyUrl, type OpenOptions } from '../support/widget'

// The widget in Safari's engine (WebKitGTK's MiniBrowser over WebDriver), on the same fixture page
// as the Chromium suite (widget.test.ts): the scenarios where engines differ — shadow DOM focus
// and keyboard, constructable stylesheets and the nonce fallback, strict CSP, layout of the
// scale (RTL, narrow screens), and accessibility as axe sees the rendered tree.
// Served by the test server (the repository root) so the page's own CSP lets it run.
const axePath = '/' + relative(root, createRequire(import.meta.url).resolve('axe-core/axe.min.js'))
const shots = root + 'test-results/screenshots/webkit-'
type Page = Window & { __result: Promise<unknown>; __events: { name: string; detail: unknown }[]; __cspViolations: string[]; __problems: string[]; __survey: { show(): Promise<unknown> } }

describe.runIf(webkitAvailable())('the survey widget in WebKit', { timeout: 120_000 }, () => {
  let webkit: WebKit
  let server: StaticServer
  let page: Session

  beforeAll(async () => {
    mkdirSync(root + 'test-results/screenshots', { recursive: true })
    ;[webkit, server] = await Promise.all([
      launchWebKit(),
      serve({
        htmlHeaders: { 'content-security-policy': strictCsp },
        inject: '/test/fixtures/problems.js',
        pages: { '/phone.html': '<!doctype html><title>Phone</title><iframe width="320" height="640" title="Shop"></iframe><script src="/test/fixtures/phone-frame.js"></script>' },
        lifetimeMs: 600_000,
      }),
    ])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([webkit?.close(), server?.close()])
  })

  /** A fresh browser (nothing stored) on the shop page with a survey made from `options`. */
  async function open(options: SurveyOptions & { target?: string } = {}, how: Pick<OpenOptions, 'hostile' | 'show'> = {}): Promise<Session> {
    page = await webkit.session()
    await page.navigate(surveyUrl(server.origin, options, how))
    if (how.show !== false) await page.waitFor('npskit-survey >>> .card')
    else await page.waitUntil(() => (window as unknown as Partial<Page>).__survey !== undefined)
    return page
  }
  const result = () => page.execute(() => (window as unknown as Page).__result)
  const problems = () => page.execute(() => (window as unknown as Page).__problems)
  const violations = () => page.execute(() => (window as unknown as Page).__cspViolations)
  const focusedRole = () => page.execute(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role') ?? null)
  const radio = (n: number) => page.find(`npskit-survey >>> [role=radio]:nth-of-type(${n + 1})`)

  it('can be completed with the keyboard alone', async () => {
    await open({ brand: 'Nordhandel', contactConsent: true })
    expect(await page.execute(() => document.activeElement === document.body)).toBe(true)
    // From the shop's last field: the survey's close button, then the scale's single tab stop.
    await page.execute(() => document.getElementById('gift')!.focus())
    await page.press('Tab', 'Tab')
    expect(await focusedRole()).toBe('radio')
    await page.press('ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'Enter')
    await page.waitFor('npskit-survey >>> textarea')
    await page.keyboard('Delivery was slow')
    await page.press('Tab', 'Space', 'Tab', 'Tab', 'Enter') // consent, skip, send
    expect(await result()).toEqual({ status: 'answered', score: 4, category: 'detractor', comment: 'Delivery was slow' })
    const submit = (await page.execute(() => (window as unknown as Page).__events)).find((e) => e.name === 'submit')!.detail as { contactConsent: boolean }
    expect(submit.contactConsent).toBe(true)
    await page.press('Escape')
    await expect.poll(() => page.execute(() => document.querySelector('npskit-survey') === null)).toBe(true)
    expect(await problems()).toEqual([])
  })

  it('can be completed with the mouse, under a strict CSP with no violation', async () => {
    await open({ placement: 'bottom-left', accent: '#0a6e4f' })
    await (await radio(9)).click()
    await (await page.waitFor('npskit-survey >>> textarea')).type('Fast delivery')
    await (await page.find('npskit-survey >>> [part~=submit]')).click()
    expect(await result()).toMatchObject({ status: 'answered', score: 9, comment: 'Fast delivery' })
    // The constructable stylesheet applied inside the shadow root.
    expect(await page.execute(() => getComputedStyle(document.querySelector('npskit-survey')!.shadowRoot!.querySelector('.card')!).position)).toBe('fixed')
    await (await page.find('npskit-survey >>> [part~=close]')).click()
    await expect.poll(() => page.execute(() => document.querySelector('npskit-survey') === null)).toBe(true)
    expect(await violations()).toEqual([])
    expect(await problems()).toEqual([])
  })

  it('as a modal, takes focus, keeps it inside and gives it back on close', async () => {
    await open({ placement: 'modal' }, { show: false })
    await page.execute(() => {
      document.querySelector<HTMLElement>('header a')!.focus()
      ;(window as unknown as Page).__result = (window as unknown as Page).__survey.show()
    })
    await page.waitFor('npskit-survey >>> .card')
    // The group, not a score: nothing looks chosen before the customer chooses.
    await expect.poll(focusedRole).toBe('radiogroup')
    await page.press('Tab', 'Tab', 'Tab', 'Tab', 'Tab')
    expect(await page.execute(() => document.activeElement?.tagName)).toBe('NPSKIT-SURVEY')
    await page.press('Escape')
    expect(await result()).toEqual({ status: 'dismissed', reason: 'closed' })
    expect(await page.execute(() => document.activeElement?.textContent)).toBe('Nordhandel')
  })

  it('does not open a modal under a customer who is typing', async () => {
    await open({ placement: 'modal' }, { show: false })
    await (await page.find('#gift')).type('Happy birth')
    await page.execute(() => void (window as unknown as Page).__survey.show())
    await new Promise((r) => setTimeout(r, 300))
    expect(await page.execute(() => document.querySelectorAll('npskit-survey').length)).toBe(0)
    await page.keyboard('day!')
    expect(await page.execute(() => (document.getElementById('gift') as HTMLInputElement).value)).toBe('Happy birthday!')
    await page.execute(() => document.querySelector<HTMLElement>('header a')!.focus())
    await page.waitFor('npskit-survey >>> .card')
  })

  it('works beside the host page’s own Preact app', async () => {
    await open({}, { show: false })
    await page.execute(() => document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: '/test/fixtures/host-preact.js' })))
    await (await page.waitFor('#host-app button')).click()
    await page.execute(() => void ((window as unknown as Page).__result = (window as unknown as Page).__survey.show()))
    await (await page.waitFor('npskit-survey >>> [role=radio]:nth-of-type(9)')).click()
    await (await page.waitFor('npskit-survey >>> [part~=skip]')).click()
    expect(await result()).toMatchObject({ score: 8 })
    // The host's options hook touches only the host's Preact: npskit runs its own copy.
    expect(await page.execute(() => [document.querySelectorAll('#host-app [data-host]').length, document.querySelector('npskit-survey')?.shadowRoot?.querySelectorAll('[data-host]').length ?? 0])).toEqual([1, 0])
    await (await page.find('#host-app button')).click()
    expect(await (await page.find('#host-app button')).text()).toBe('Host clicks: 2')
  })

  it('falls back to a <style nonce> where constructable stylesheets are missing', async () => {
    const run = async (options: { nonce?: string }) => {
      await open(options, { show: false })
      await page.execute(() => {
        delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
        ;(window as unknown as Page).__result = (window as unknown as Page).__survey.show()
      })
      await page.waitFor('npskit-survey >>> .card')
      const position = await page.execute(() => getComputedStyle(document.querySelector('npskit-survey')!.shadowRoot!.querySelector('.card')!).position)
      return { position, violations: await violations() }
    }
    expect(await run({ nonce })).toEqual({ position: 'fixed', violations: [] })
    // Without the nonce WebKit blocks the style too: proof that the check above can fail.
    expect((await run({})).violations.length).toBeGreaterThan(0)
  })

  it('runs no script from option or comment text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    await open({ brand: evil, thankYou: evil, messages: { skip: evil } })
    await (await radio(1)).click()
    await (await page.waitFor('npskit-survey >>> textarea')).type(evil)
    await (await page.find('npskit-survey >>> [part~=submit]')).click()
    await result()
    expect(await page.execute(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBe(null)
    expect(await page.execute(() => document.querySelector('npskit-survey')!.shadowRoot!.querySelectorAll('img').length)).toBe(0)
  })

  it('stays intact on a hostile host page', async () => {
    await open({}, { hostile: true })
    const card = await (await page.find('npskit-survey >>> .card')).rect()
    expect(card.width).toBeGreaterThan(380)
    expect(card.width).toBeLessThan(420)
    const sizes = await page.execute(() =>
      [...document.querySelector('npskit-survey')!.shadowRoot!.querySelectorAll('.score')].map((b) => b.getBoundingClientRect().width),
    )
    expect(sizes).toHaveLength(11)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24)
    expect(await page.execute(() => getComputedStyle(document.querySelector('npskit-survey')!.shadowRoot!.querySelector('.question')!).fontSize)).toBe('18px')
    await page.screenshot(shots + 'hostile.png')
  })

  for (const locale of ['ar', 'he']) {
    it(`mirrors the scale right to left (${locale})`, async () => {
      await open({ locale, brand: 'Nordhandel' })
      const [zero, ten] = [await (await radio(0)).rect(), await (await radio(10)).rect()]
      expect(zero.x).toBeGreaterThan(ten.x)
      await page.screenshot(`${shots}rtl-${locale}.png`)
    })
  }

  it('fits a 320 px phone screen with touch targets of at least 24 px', async () => {
    // MiniBrowser's window cannot be narrower than its toolbar: the shop page runs in a 320 px frame.
    page = await webkit.session()
    await page.navigate(`${server.origin}/phone.html?` + new URLSearchParams({ src: surveyUrl(server.origin, { brand: 'Nordhandel', locale: 'de' }) }))
    const layout = (await page.waitUntil(() => {
      const frame = document.querySelector('iframe')!.contentWindow!
      const card = frame.document.querySelector('npskit-survey')?.shadowRoot?.querySelector('.card')
      if (!card) return null
      return {
        viewport: frame.innerWidth,
        scores: [...card.querySelectorAll('.score')].map((b) => b.getBoundingClientRect().toJSON() as DOMRect),
        fits: card.scrollWidth <= card.clientWidth,
      }
    }))!
    expect(layout.viewport).toBe(320)
    expect(layout.scores).toHaveLength(11)
    for (const box of layout.scores) {
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24)
      expect(box.x + box.width).toBeLessThanOrEqual(320)
    }
    expect(layout.fits).toBe(true)
    await page.screenshot(shots + 'phone-320.png')
  })

  describe('accessibility (axe-core)', () => {
    const runAxe = () =>
      page.execute(async (src: string) => {
        if (!(window as unknown as { axe?: unknown }).axe) {
          const script = Object.assign(document.createElement('script'), { src })
          await new Promise((resolve, reject) => {
            script.onload = resolve
            script.onerror = reject
            document.head.append(script)
          })
        }
        // Contrast is measured on the settled card, not halfway through its entrance animation.
        const shadow = document.querySelector('npskit-survey')?.shadowRoot
        await Promise.all(shadow?.getAnimations().map((a) => a.finished) ?? [])
        const { violations } = await (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        })
        return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      }, axePath)

    for (const placement of ['bottom-right', 'modal'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${placement}, ${theme}: no violations in each step`, async () => {
          await open({ placement, theme, contactConsent: true, promoterAction: { label: 'Review us', href: 'https://example.com' } })
          expect(await runAxe()).toEqual([])
          await (await radio(9)).click()
          await page.waitFor('npskit-survey >>> textarea')
          expect(await runAxe()).toEqual([])
          await page.screenshot(`${shots}${placement}-${theme}-follow-up.png`)
          await (await page.find('npskit-survey >>> [part~=submit]')).click()
          await page.waitFor('npskit-survey >>> a[href="https://example.com"]')
          expect(await runAxe()).toEqual([])
        })
      }
    }
  })
})
