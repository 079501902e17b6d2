import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { compile } from 'svelte/compiler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { snippet } from '../support/readme'
import { root } from '../support/server'

// Loads each README snippet, exactly as written there, into Chromium. The CDN address is
// answered from the local build, the shop is a fake https origin, and `/api/nps`-style
// endpoints record what reaches them.
const shop = 'https://shop.example'
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
// The snippets load `npskit@0.1` (a range) or, where they pin hashes, the exact version.
const cdn = /^https:\/\/cdn\.jsdelivr\.net\/npm\/npskit@([\d.]+)\/dist\/(.+)$/

interface Visit {
  page: Page
  /** The CDN addresses requested, after the version: `0.1/dist/npskit.iife.js`. */
  fromCdn: string[]
  posted: { path: string; body: Record<string, unknown> }[]
  problems: string[]
}

describe.runIf(browserAvailable())('README snippets in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  // `tampered` names a dist/ file the fake CDN serves with one extra byte, as a compromised CDN might.
  async function visit(html: string, scripts: Record<string, string> = {}, tampered?: string): Promise<Visit> {
    const page = await browser.newPage()
    const posted: Visit['posted'] = []
    const requested: string[] = []
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    await page.route('**/*', async (route) => {
      const request = route.request()
      const url = request.url()
      const fromCdn = cdn.exec(url)
      if (fromCdn) requested.push(`${fromCdn[1]}/dist/${fromCdn[2]}`)
      if (fromCdn && (fromCdn[1] === '0.1' || fromCdn[1] === version)) {
        const file = fromCdn[2]!
        const body = Buffer.concat([readFileSync(join(root, 'dist', file)), Buffer.from(file === tampered ? '\n' : '')])
        return route.fulfill({ body, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' } })
      }
      const path = new URL(url).pathname
      if (request.method() === 'POST') {
        const body = JSON.parse(request.postData() ?? 'null') as Record<string, unknown>
        // The shown/dismissed events (issue #19) are checked in analytics.test.ts: here, the responses.
        if (body.type !== 'event') posted.push({ path, body })
        return route.fulfill({ status: 204 })
      }
      if (path === '/') return route.fulfill({ body: html, contentType: 'text/html' })
      if (scripts[path]) return route.fulfill({ body: scripts[path], contentType: 'text/javascript' })
      return route.fulfill({ status: 404 })
    })
    await page.goto(shop + '/')
    return { page, posted, problems, fromCdn: requested }
  }

  const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Order confirmation</title></head><body><h1>Thank you for your order</h1>${body}</body></html>`

  // Answers the survey on the page: a score, a comment if there is a text box, then waits for delivery.
  async function answer(v: Visit, score: number, comment?: string): Promise<void> {
    const host = v.page.locator('npskit-survey')
    await host.locator('[role=radio]').nth(score).click()
    if (comment !== undefined) {
      await host.locator('textarea').fill(comment)
      await host.locator('[part~=submit]').click()
    }
    await expect.poll(() => v.posted.filter((p) => p.body.complete === (comment !== undefined)).length, { timeout: 10_000 }).toBeGreaterThan(0)
  }

  // `modules` are extra files the source may import by name, such as a compiled component.
  const bundle = async (source: string, loader: 'jsx' | 'js', modules: Record<string, string> = {}) => {
    const result = await build({
      stdin: { contents: source, loader, resolveDir: root },
      plugins: [
        {
          name: 'modules',
          setup(b) {
            b.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: 'virtual' }))
            b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => {
              const contents = modules[args.path]
              return contents === undefined ? { errors: [{ text: `no module ${args.path}` }] } : { contents, loader: 'js', resolveDir: root }
            })
          },
        },
      ],
      bundle: true,
      format: 'esm',
      write: false,
      jsx: 'automatic',
      alias: { npskit: './dist/index.js', 'npskit/element': './dist/element.js', vue: './node_modules/vue/dist/vue.esm-browser.prod.js' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    })
    return result.outputFiles[0]!.text
  }

  it('plain HTML: the tag alone asks at checkout-complete and posts both phases to data-endpoint', async () => {
    const v = await visit(page(snippet('plain-html')))
    await expect(v.page.locator('npskit-survey [part~=question]').textContent()).resolves.toContain('Nordhandel')
    await answer(v, 4, 'For dyr frakt')
    // The tag names a version range; everything it loads after itself is pinned to its own exact version:
    // what the first paint needs side by side, then the later steps and delivery.
    expect(v.fromCdn[0]).toBe('0.1/dist/npskit.iife.js')
    expect(v.fromCdn.slice(1, 4).sort()).toEqual([`${version}/dist/locales/nb.js`, `${version}/dist/npskit-engine.js`, `${version}/dist/npskit-ui.js`])
    expect(v.fromCdn.slice(4).sort()).toEqual([`${version}/dist/npskit-delivery.js`, `${version}/dist/npskit-steps.js`])
    const [first, last] = [v.posted.find((p) => !p.body.complete)!, v.posted.find((p) => p.body.complete)!]
    expect(first).toMatchObject({ path: '/api/nps', body: { score: 4, locale: 'nb', journeyPoint: 'checkout-complete' } })
    expect(last.body).toMatchObject({ id: first.body.id, comment: 'For dyr frakt', complete: true })
    // The same order on a reload: not asked again.
    await v.page.reload()
    await v.page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    const why = await v.page.evaluate(() => (window as unknown as { npskit: { explain(p: string, o: object): { reason: string } } }).npskit.explain('checkout-complete', { dedupeKey: 'ORDER-1042' }))
    expect(why.reason).toBe('already-surveyed-key')
    expect(await v.page.locator('npskit-survey').count()).toBe(0)
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('the command queue: calls made before load are replayed in order', async () => {
    const v = await visit(page(snippet('queue')))
    const logs: string[] = []
    v.page.on('console', (m) => logs.push(m.text()))
    await answer(v, 9, 'Alt gikk fint')
    await expect.poll(() => logs).toContain('NPS answered 9')
    expect(v.posted[0]!.body).toMatchObject({ journeyPoint: 'checkout-complete', score: 9 })
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('Shopify: the Liquid snippet, rendered as Shopify would', async () => {
    const liquid = snippet('shopify')
    const rendered = liquid
      .replace(/\{%[^%]*%\}\n?/g, '')
      .replace('{{ order.name | escape }}', '#1042')
      .replace('{{ shop.name | escape }}', 'Nordhandel &amp; Co')
      .replace('{{ request.locale.iso_code }}', 'sv')
    expect(rendered).not.toMatch(/[{}]{2}/)
    const v = await visit(page(rendered))
    await expect(v.page.locator('npskit-survey [part~=question]').textContent()).resolves.toContain('Nordhandel & Co')
    await answer(v, 10)
    expect(v.posted[0]).toMatchObject({ path: '/apps/nps/responses', body: { locale: 'sv', score: 10 } })
    await v.page.close()
  })

  it('WooCommerce: the markup the PHP prints', async () => {
    const php = snippet('woocommerce')
    const format = /'(<script[^']+)'/.exec(php)![1]!
    // The printf arguments in order, as WordPress would return them for order 1042.
    const values = ['https://cdn.jsdelivr.net/npm/npskit@0.1/dist/npskit.iife.js', shop + '/wp-json/nps/v1/responses', '1042', 'Nordhandel', 'da']
    expect(php.match(/^\t\tesc_(url|attr)\(/gm)).toHaveLength(values.length)
    let i = 0
    const html = format.replace(/%s/g, () => values[i++]!)
    const v = await visit(page(html))
    await expect(v.page.locator('npskit-survey [part~=question]').textContent()).resolves.toContain('Nordhandel')
    await answer(v, 6, 'Leveringen tog for lang tid')
    expect(v.posted.at(-1)).toMatchObject({ path: '/wp-json/nps/v1/responses', body: { locale: 'da', comment: 'Leveringen tog for lang tid' } })
    await v.page.close()
  })

  it('React 19: the hook-style component with createSurvey', async () => {
    const app = `${snippet('react')}
import { createRoot } from 'react-dom/client'
import { createElement } from 'react'
createRoot(document.getElementById('app')).render(createElement(AskForNps, { orderNumber: 'ORDER-7' }))`
    const v = await visit(page('<div id="app"></div><script type="module" src="/app.js"></script>'), { '/app.js': await bundle(app, 'jsx') })
    await answer(v, 8)
    expect(v.posted[0]!.body).toMatchObject({ score: 8, journeyPoint: 'checkout-complete' })
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('React 19: the element, with its event as a prop', async () => {
    const app = `${snippet('react-element')}
import { createRoot } from 'react-dom/client'
import { createElement } from 'react'
window.answers = []
createRoot(document.getElementById('app')).render(createElement(Feedback, { orderNumber: 'ORDER-8', onAnswer: (e) => window.answers.push(e.detail.score) }))`
    const v = await visit(page('<div id="app"></div><script type="module" src="/app.js"></script>'), { '/app.js': await bundle(app, 'jsx') })
    await answer(v, 2, 'Feil størrelse')
    await expect.poll(() => v.page.evaluate(() => (window as unknown as { answers: number[] }).answers)).toEqual([2])
    // The survey renders inside the element.
    expect(await v.page.locator('nps-survey npskit-survey').count()).toBe(1)
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('Vue 3: the element in a template', async () => {
    const v = await visit(page('<div id="app"></div><script type="module" src="/app.js"></script>'), { '/app.js': await bundle(snippet('vue'), 'js') })
    await answer(v, 9, 'Rask levering')
    await expect(v.page.locator('#app > p').textContent()).resolves.toBe('Takk!')
    expect(v.posted.at(-1)!.body).toMatchObject({ comment: 'Rask levering', metadata: {} })
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('Svelte 5: the element in a component, with its event as an attribute', async () => {
    const { js, warnings } = compile(snippet('svelte'), { filename: 'Feedback.svelte', generate: 'client' })
    expect(warnings).toEqual([])
    const app = `import { mount } from 'svelte'
import Feedback from 'virtual:Feedback.svelte'
mount(Feedback, { target: document.getElementById('app'), props: { orderNumber: 'ORDER-9' } })`
    const v = await visit(page('<div id="app"></div><script type="module" src="/app.js"></script>'), { '/app.js': await bundle(app, 'js', { 'virtual:Feedback.svelte': js.code }) })
    await answer(v, 10, 'Rask levering')
    await expect(v.page.locator('#app > p').textContent()).resolves.toBe('Takk!')
    expect(v.posted.at(-1)!.body).toMatchObject({ comment: 'Rask levering', journeyPoint: 'checkout-complete' })
    // The order number reached the element as its dedupe key: the same order is not asked again.
    type Element = { survey: { hide(): void; explain(p: string, o: object): { reason: string } } }
    const why = await v.page.evaluate(() => {
      const { survey } = document.querySelector('nps-survey') as unknown as Element
      survey.hide() // the thank-you would otherwise still be on screen
      return survey.explain('checkout-complete', { dedupeKey: 'ORDER-9' })
    })
    expect(why.reason).toBe('already-surveyed-key')
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('the element in plain HTML, from the CDN as a module', async () => {
    const v = await visit(page(snippet('element')))
    await expect(v.page.locator('nps-survey npskit-survey [part~=question]').textContent()).resolves.toContain('Nordhandel')
    await answer(v, 10)
    expect(v.posted[0]!.body).toMatchObject({ journeyPoint: 'support-closed', locale: 'da' })
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  it('Subresource Integrity: the pinned hashes are this build\'s, and every file the survey needs is checked', async () => {
    const html = snippet('integrity')
    expect(html).toContain(`npskit@${version}/dist/npskit.iife.js`)
    const v = await visit(page(html))
    await expect(v.page.locator('npskit-survey [part~=question]').textContent()).resolves.toContain('anbefale')
    await answer(v, 7)
    expect(v.posted[0]!.body).toMatchObject({ journeyPoint: 'checkout-complete', locale: 'nb', score: 7 })
    expect(v.problems).toEqual([])
    await v.page.close()
  })

  for (const file of ['npskit.iife.js', 'npskit-engine.js', 'npskit-ui.js', 'locales/nb.js']) {
    it(`Subresource Integrity: a CDN that alters ${file} gets no survey shown, and the page carries on`, async () => {
      const v = await visit(page(snippet('integrity') + '<script src="/after.js"></script>'), { '/after.js': 'window.pageCarriedOn = true' }, file)
      await v.page.waitForFunction(() => (window as unknown as { pageCarriedOn?: boolean }).pageCarriedOn)
      // Integrity failures are reported on the console by the browser (and the loader's own catch).
      await expect.poll(() => v.problems.join('\n'), { timeout: 10_000 }).toMatch(/integrity/i)
      await v.page.waitForTimeout(300)
      expect(await v.page.locator('npskit-survey [role=radio]').count()).toBe(0)
      expect(v.posted).toEqual([])
      await v.page.close()
    })
  }

  // What follows the first paint is checked as well: a survey still asks, but what was altered never runs.
  it('Subresource Integrity: a CDN that alters npskit-steps.js gets a score counted, and no altered view shown', async () => {
    const v = await visit(page(snippet('integrity')), {}, 'npskit-steps.js')
    await answer(v, 3)
    await expect.poll(() => v.problems.join('\n'), { timeout: 10_000 }).toMatch(/integrity/i)
    expect(await v.page.locator('npskit-survey textarea').count()).toBe(0)
    await v.page.close()
  })

  it('Subresource Integrity: a CDN that alters npskit-delivery.js gets nothing sent', async () => {
    const v = await visit(page(snippet('integrity')), {}, 'npskit-delivery.js')
    await v.page.locator('npskit-survey [role=radio]').nth(3).click()
    await expect.poll(() => v.problems.join('\n'), { timeout: 10_000 }).toMatch(/integrity/i)
    await v.page.waitForTimeout(300)
    expect(v.posted).toEqual([])
    await v.page.close()
  })

  it('recipe: after a support chat closes, for a sticky 10 % sample', async () => {
    const v = await visit(page(snippet('recipe-support')))
    await v.page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    type Global = { npskit: { explain(p: string): Promise<{ reason: string }> } }
    const reason = await v.page.evaluate(async () => (await (window as unknown as Global).npskit.explain('support-closed')).reason)
    expect(['eligible', 'sampled-out']).toContain(reason)
    // Sticky: the same visitor gets the same answer after a reload.
    await v.page.reload()
    await v.page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    expect(await v.page.evaluate(async () => (await (window as unknown as Global).npskit.explain('support-closed')).reason)).toBe(reason)
    // (That about one visitor in ten is eligible is measured in test/unit/core/sample.test.ts.)
    await v.page.close()
  })

  it('recipe: the chat event shows the support question (sampling aside)', async () => {
    const html = page(snippet('recipe-support').replace(' data-sample-rate="0.1"', ''))
    const v = await visit(html)
    await v.page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    expect(await v.page.locator('npskit-survey').count()).toBe(0)
    await v.page.evaluate(() => window.dispatchEvent(new CustomEvent('chat:closed')))
    await expect(v.page.locator('npskit-survey [part~=question]').textContent()).resolves.toContain('our customer service')
    await answer(v, 7)
    expect(v.posted[0]!.body).toMatchObject({ journeyPoint: 'support-closed', question: expect.stringContaining('customer service') })
    await v.page.close()
  })
})
