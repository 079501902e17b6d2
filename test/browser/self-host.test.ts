import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { snippet } from '../support/readme'
import { root, serve, type StaticServer } from '../support/server'

// README, "Host it yourself": the files it lists, copied to a versioned folder on the shop's own
// server, run the script tag exactly as written there, fetching only from that folder.
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
const dist = join(root, 'dist')
/** The README's list of files, with `locales/*.js` expanded. */
const listed = snippet('self-host-files')
  .split('\n')
  .map((line) => line.split(/\s+/)[0]!)
  .flatMap((file) => (file === 'locales/*.js' ? readdirSync(join(dist, 'locales')).filter((f) => f.endsWith('.js')).map((f) => `locales/${f}`) : [file]))
const page = (body: string) => `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Ordre</title></head><body><h1>Takk!</h1>${body}</body></html>`

describe('README, "Host it yourself"', () => {
  it('lists every file the script tag can load (those dist/integrity.json pins), and integrity.json', () => {
    const pinned = Object.keys(JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8')) as Record<string, string>)
    expect([...listed].sort()).toEqual([...pinned, 'integrity.json'].sort())
  })
})

describe.runIf(browserAvailable())('README, "Host it yourself", in Chromium', () => {
  let browser: Browser
  let server: StaticServer
  let folder: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'npskit-self-host-'))
    // Only the listed files: proof that nothing else is needed.
    for (const file of listed) {
      mkdirSync(join(folder, 'assets', `npskit@${version}`, 'locales'), { recursive: true })
      cpSync(join(dist, file), join(folder, 'assets', `npskit@${version}`, file))
    }
    // The loader of this version under a name that never changes, as the README suggests.
    mkdirSync(join(folder, 'assets', 'npskit@current'))
    cpSync(join(dist, 'npskit.iife.js'), join(folder, 'assets', 'npskit@current', 'npskit.iife.js'))
    const tag = snippet('self-host').replaceAll('npskit@0.1.0', `npskit@${version}`)
    const element = `<nps-survey brand="Nordhandel" locale="da" storage="memory"></nps-survey><script src="/assets/npskit@${version}/npskit.iife.js"></script>`
    const declared = `<script type="application/json" data-npskit-config>{ "redact": true, "journeyPoints": { "support-closed": { "on": { "event": "chat:closed" } } } }</script>
      <script src="/assets/npskit@current/npskit.iife.js" data-endpoint="/api/nps" data-storage="memory"></script>`
    ;[browser, server] = await Promise.all([
      launchChromium(),
      serve({ dir: folder, pages: { '/order': page(tag), '/element': page(element), '/chat': page(declared) } }),
    ])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
    rmSync(folder, { recursive: true, force: true })
  })

  const fetched = (from: number) => server.requests.slice(from).filter((path) => path.startsWith('/assets/'))

  it('runs the README tag from the versioned folder: survey shown, answer posted, every file from that folder', async () => {
    const from = server.requests.length
    const browserPage = await browser.newPage()
    await browserPage.goto(server.origin + '/order')
    const survey = browserPage.locator('npskit-survey')
    await survey.locator('[role=radio]').nth(9).click()
    await expect.poll(() => server.posted.map((p) => [p.path, p.body.score])).toContainEqual(['/api/nps', 9])
    expect(new Set(fetched(from))).toEqual(
      new Set(['npskit.iife.js', 'npskit-engine.js', 'npskit-ui.js', 'npskit-steps.js', 'npskit-delivery.js', 'locales/nb.js'].map((f) => `/assets/npskit@${version}/${f}`)),
    )
    await browserPage.close()
  })

  it('loads the <nps-survey> wiring from the same folder', async () => {
    const from = server.requests.length
    const element = await browser.newPage()
    await element.goto(server.origin + '/element')
    await element.locator('nps-survey npskit-survey [role=radiogroup]').waitFor()
    expect(fetched(from)).toContain(`/assets/npskit@${version}/npskit-connect.js`)
    await element.close()
  })

  it('a loader under an unchanging name (npskit@current) fetches the rest from its own version’s folder', async () => {
    const from = server.requests.length
    const chat = await browser.newPage()
    await chat.goto(server.origin + '/chat')
    // The declared trigger listens once the engine and its triggers file are in: until the survey
    // shows, the chat keeps closing (an event sent before then is missed).
    await expect
      .poll(async () => {
        await chat.evaluate(() => window.dispatchEvent(new CustomEvent('chat:closed')))
        return chat.locator('npskit-survey [role=radiogroup]').count()
      }, { timeout: 30_000, interval: 250 })
      .toBe(1)
    const files = fetched(from)
    expect(files[0]).toBe('/assets/npskit@current/npskit.iife.js')
    expect(files.slice(1).every((f) => f.startsWith(`/assets/npskit@${version}/`)), files.join(' ')).toBe(true)
    expect(files).toEqual(expect.arrayContaining([`/assets/npskit@${version}/npskit-specs.js`, `/assets/npskit@${version}/npskit-redact.js`]))
    await chat.close()
  })
})
