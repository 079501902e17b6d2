import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snippet } from '../support/readme'
import { root, serve, type StaticServer } from '../support/server'
import { launchWebKit, webkitAvailable, type Session, type WebKit } from '../support/webkit'

// The script tag (dist/npskit.iife.js) in Safari's engine, on the fixture pages the Chromium and
// Firefox suites use: data-* options, the dynamic import of the engine and UI from a classic
// script, keyboard handling in the shadow root, strict CSP and its nonce fallback, the last-moment
// delivery as the customer leaves, and Subresource Integrity through an import map.
const nonce = 'r4nd0mN0nce'
const strictCsp = `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'`
type Page = Window & { __cspViolations: string[]; __problems: string[]; scored?: number; carriedOn?: boolean; npskit: ((command: string, ...args: unknown[]) => Promise<unknown>) & { version: string } }
const tag = (attributes: string) => `<script src="/dist/npskit.iife.js" data-storage="memory" ${attributes}></script>`
const pages = {
  '/element.html':
    '<!doctype html><title>Element</title><main><nps-survey brand="Nordhandel" locale="da" storage="memory"></nps-survey></main>' +
    tag('') +
    '<script src="/test/fixtures/element-score.js"></script>',
  // Where constructable stylesheets are missing (older Safari): the style falls back to <style nonce>.
  '/nonce.html': `<!doctype html><title>Nonce</title><script src="/test/fixtures/csp-violations.js"></script><script src="/test/fixtures/no-adopted-style-sheets.js"></script>${tag(`nonce="${nonce}" data-journey-point="checkout-complete" data-locale="en"`)}`,
  '/no-nonce.html': `<!doctype html><title>No nonce</title><script src="/test/fixtures/csp-violations.js"></script><script src="/test/fixtures/no-adopted-style-sheets.js"></script>${tag('data-journey-point="checkout-complete" data-locale="en"')}`,
  '/bad.html': `<!doctype html><title>Bad</title><p id=ok>shop</p>${tag('data-placement="center"')}`,
}

describe.runIf(webkitAvailable())('the script tag in WebKit', { timeout: 120_000 }, () => {
  let webkit: WebKit
  let server: StaticServer
  let page: Session

  beforeAll(async () => {
    ;[webkit, server] = await Promise.all([
      launchWebKit(),
      serve({ htmlHeaders: { 'content-security-policy': strictCsp }, inject: '/test/fixtures/problems.js', pages, lifetimeMs: 600_000 }),
    ])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([webkit?.close(), server?.close()])
  })

  async function open(path: string): Promise<Session> {
    page = await webkit.session()
    await page.navigate(server.origin + path)
    return page
  }
  const problems = () => page.execute(() => (window as unknown as Page).__problems)
  const violations = () => page.execute(() => (window as unknown as Page).__cspViolations)
  const loaded = () => page.waitUntil(() => typeof (window as unknown as Partial<Page>).npskit === 'function')
  const dist = () => server.requests.filter((path) => path.startsWith('/dist/'))

  it('shows from data-* attributes, answers by keyboard alone, posts both phases, under a strict CSP', async () => {
    await open('/test/fixtures/firefox.html')
    const before = server.posted.length
    await page.waitFor('npskit-survey >>> [role=radiogroup]')
    await page.execute(() => document.querySelector('npskit-survey')!.shadowRoot!.querySelector<HTMLElement>('[role=radio][tabindex="0"]')!.focus())
    await page.press('3', 'Enter')
    await (await page.waitFor('npskit-survey >>> textarea')).type('Pakken kom for sent')
    await (await page.find('npskit-survey >>> [part~=submit]')).click()
    await page.waitFor('npskit-survey >>> [part~=thank-you]')
    await expect.poll(() => server.posted.slice(before).length, { timeout: 10_000 }).toBe(2)
    const [first, last] = server.posted.slice(before)
    expect(first!.body).toMatchObject({ score: 3, complete: false, locale: 'nb', journeyPoint: 'checkout-complete' })
    expect(last!.body).toMatchObject({ id: first!.body.id, comment: 'Pakken kom for sent', complete: true })
    expect(await page.execute(() => getComputedStyle(document.querySelector('npskit-survey')!.shadowRoot!.querySelector('.card')!).position)).toBe('fixed')
    expect(await violations()).toEqual([])
    expect(await problems()).toEqual([])
  })

  it('reads the JSON block and replays the calls queued before it loaded, fetching one locale', async () => {
    const from = server.requests.length
    await open('/test/fixtures/script-tag.html')
    const question = await page.waitFor('npskit-survey >>> [part~=question]')
    expect(await question.text()).toContain('anbefale Nordhandel')
    await (await page.find('npskit-survey >>> [role=radio]:nth-of-type(4)')).click()
    await (await page.waitFor('npskit-survey >>> textarea')).type('Pakken kom for sent')
    await (await page.find('npskit-survey >>> [part~=submit]')).click()
    expect(await (await page.waitFor('npskit-survey >>> [part~=thank-you]')).text()).toContain('Vi leser alt')
    expect(await page.execute(() => (window as unknown as { __events: string[] }).__events)).toEqual(['show:checkout-complete', 'score:3', 'submit:Pakken kom for sent'])
    const requested = server.requests.slice(from)
    expect(requested).toContain('/dist/npskit-ui.js')
    expect(requested.filter((p) => p.startsWith('/dist/locales/'))).toEqual(['/dist/locales/nb.js'])
    expect(await problems()).toEqual([expect.stringContaining('data-cookieconsent')])
  })

  it('costs only the loader on a page where no survey shows, and loading it twice gives one instance and a warning', async () => {
    const from = server.requests.length
    await open('/test/fixtures/script-tag-quiet.html')
    await loaded()
    await new Promise((r) => setTimeout(r, 300))
    expect(new Set(server.requests.slice(from).filter((p) => p.startsWith('/dist/')))).toEqual(new Set(['/dist/npskit.iife.js']))
    expect(await problems()).toEqual([expect.stringContaining('twice')])
    await page.execute(() => void (window as unknown as Page).npskit('show'))
    await page.waitFor('npskit-survey >>> [role=radiogroup]')
    expect(await page.execute(() => document.querySelectorAll('npskit-survey').length)).toBe(1)
  })

  it('registers <nps-survey>: the element shows inline, and removing it ends the survey', async () => {
    const from = server.requests.length
    await open('/element.html')
    const question = await page.waitFor('nps-survey npskit-survey >>> [part~=question]')
    expect(await question.text()).toContain('anbefale Nordhandel')
    expect(server.requests.slice(from)).toContain('/dist/npskit-connect.js')
    await (await page.find('nps-survey npskit-survey >>> [role=radio]:nth-of-type(7)')).click()
    await page.waitUntil(() => (window as unknown as Page).scored === 6)
    await page.execute(() => document.querySelector('nps-survey')!.remove())
    await page.waitUntil(() => document.querySelectorAll('npskit-survey').length === 0 && !document.querySelector('nps-survey'))
    expect(await problems()).toEqual([])
  })

  it("styles the survey with its own script tag's nonce where constructable stylesheets are missing", async () => {
    await open('/nonce.html')
    await page.waitFor('npskit-survey >>> .card')
    expect(await page.execute(() => getComputedStyle(document.querySelector('npskit-survey')!.shadowRoot!.querySelector('.card')!).position)).toBe('fixed')
    expect(await violations()).toEqual([])
    // Without the nonce the policy blocks the style: the check above can fail.
    await open('/no-nonce.html')
    await page.waitFor('npskit-survey >>> .card')
    await expect.poll(violations).not.toEqual([])
  })

  it('reports a wrong attribute on the console instead of breaking the page', async () => {
    await open('/bad.html')
    await loaded()
    expect(await problems()).toEqual([])
    await page.execute(() => (window as unknown as Page).npskit('show'))
    expect(await problems()).toEqual([expect.stringMatching(/option "placement" must be one of/), expect.stringMatching(/cannot run "show"/)])
    expect(await page.execute(() => document.getElementById('ok')!.textContent)).toBe('shop')
  })

  it('delivers a score chosen just before the customer navigates away', async () => {
    await open('/test/fixtures/firefox.html')
    const before = server.posted.length
    await (await page.waitFor('npskit-survey >>> [role=radio]:nth-of-type(10)')).click()
    await page.navigate('about:blank')
    await expect.poll(() => server.posted.slice(before).map((p) => p.body.score), { timeout: 10_000 }).toContain(9)
  })
})

// The README's import map pins the hash of every file the first stage imports (README,
// "Subresource Integrity"): its CDN swapped for a local copy of dist/.
describe.runIf(webkitAvailable())('Subresource Integrity in WebKit', { timeout: 120_000 }, () => {
  let webkit: WebKit
  let folder: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'npskit-sri-webkit-'))
    webkit = await launchWebKit()
  }, 120_000)
  afterAll(async () => {
    await webkit?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  // Serves a copy of dist/ in which `tampered` (if any) has one byte more, and the snippet on a page.
  async function visit(name: string, tampered?: string): Promise<{ page: Session; server: StaticServer }> {
    const dir = join(folder, name)
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true })
    if (tampered) appendFileSync(join(dir, 'dist', tampered), '\n')
    const server = await serve({ dir, lifetimeMs: 120_000 })
    const html = snippet('integrity').replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/npskit@[\d.]+\/dist\//g, server.origin + '/dist/')
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>Order</title></head><body>${html}<script>window.carriedOn = true</script></body></html>`)
    const page = await webkit.session()
    await page.navigate(server.origin + '/index.html')
    return { page, server }
  }

  it('shows the survey when every file matches its pinned hash', async () => {
    const { page, server } = await visit('intact')
    await page.waitFor('npskit-survey >>> [role=radiogroup]')
    await server.close()
  })

  it('runs nothing from an altered engine, and the page carries on', async () => {
    const { page, server } = await visit('altered', 'npskit-engine.js')
    await page.waitUntil(() => (window as unknown as Page).carriedOn === true)
    await expect.poll(() => server.requests.includes('/dist/npskit-engine.js'), { timeout: 10_000 }).toBe(true)
    await new Promise((r) => setTimeout(r, 500))
    // The UI and the locale were fetched beside the engine (nothing in them runs by itself): no survey.
    expect(await page.execute(() => document.querySelectorAll('npskit-survey').length)).toBe(0)
    await server.close()
  })
})
