import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'puppeteer-core'
import { firefoxAvailable, launchFirefox } from '../support/firefox'
import { serve, type StaticServer } from '../support/server'

// The same guarantee as privacy-signals.test.ts, in Gecko: under Global Privacy Control (Firefox
// has the real property) the script tag at a journey point stores nothing and fetches nothing more.
describe.runIf(firefoxAvailable())('privacy signals in Firefox ESR', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchFirefox(), serve()])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  it('Global Privacy Control: the script tag at a journey point stores nothing and fetches nothing more', async () => {
    const page = await browser.newPage()
    await page.evaluateOnNewDocument(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })
    })
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await page.goto(server.origin + '/test/fixtures/privacy-script-tag.html')
    await page.waitForFunction(() => typeof (window as unknown as { npskit?: unknown }).npskit === 'function')
    await new Promise((r) => setTimeout(r, 500))
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ''])
    expect(requested.filter((p) => p.startsWith('/dist/') || p.startsWith('/api/'))).toEqual(['/dist/npskit.iife.js'])
    await page.close()
  })
})
