import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { recordActivity, storageContents, type Recorder } from '../support/recorder'
import { serve, type StaticServer } from '../support/server'

// Under Global Privacy Control or Do Not Track (honoured by default), a journey point costs the
// visitor nothing: no storage read for history, no visit counted, no write, no request beyond the
// first stage itself. Chromium has neither signal switched on, so an init script sets them.
const signals = {
  'Global Privacy Control': () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
  'Do Not Track': () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1', configurable: true }),
}

const writes = (recorder: Recorder) =>
  recorder.callsFrom(/\/dist\//).filter((c) => ['setItem', 'removeItem', 'clear', 'set', 'deleteDatabase'].includes(c.op) || c.api === 'indexedDB')

describe.runIf(browserAvailable())('privacy signals in Chromium', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  async function open(signal: () => unknown): Promise<{ page: Page; recorder: Recorder }> {
    const page = await browser.newPage()
    await page.addInitScript(signal)
    const recorder = await recordActivity(page)
    return { page, recorder }
  }

  for (const [name, signal] of Object.entries(signals)) {
    it(`${name}: the script tag at a journey point stores nothing and fetches nothing more`, async () => {
      const { page, recorder } = await open(signal)
      await page.goto(`${server.origin}/test/fixtures/privacy-script-tag.html`)
      await page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
      await page.waitForTimeout(300)
      expect(writes(recorder)).toEqual([])
      expect(await storageContents(page)).toEqual({ localStorage: {}, sessionStorage: {}, cookie: '', indexedDB: [] })
      const ours = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => p !== '/test/fixtures/privacy-script-tag.html')
      expect(ours).toEqual(['/dist/npskit.iife.js'])
      await page.close()
    })

    it(`${name}: createSurvey().trigger() stores nothing and sends nothing`, async () => {
      const { page, recorder } = await open(signal)
      const query = new URLSearchParams({ options: JSON.stringify({ endpoint: '/api/nps', minVisits: 2 }), show: 'no' })
      await page.goto(`${server.origin}/test/fixtures/widget.html?${query}`)
      await page.waitForFunction(() => (window as unknown as { __survey?: unknown }).__survey)
      const result = await page.evaluate(() => (window as unknown as { __survey: { trigger(p: string, o: object): Promise<unknown> } }).__survey.trigger('checkout-complete', { dedupeKey: 'ORDER-1' }))
      expect(result).toEqual({ status: 'not-shown', reason: 'privacy-signal' })
      expect(writes(recorder)).toEqual([])
      expect((await storageContents(page)).localStorage).toEqual({})
      expect(recorder.requests.filter((r) => r.url.includes('/api/') || /npskit-ui|locales\//.test(r.url))).toEqual([])
      await page.close()
    })
  }
})
