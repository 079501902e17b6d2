import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { recordActivity, storageContents } from '../support/recorder'
import { serve, type StaticServer } from '../support/server'

describe.runIf(browserAvailable())('the activity recorder (for the consent guarantee)', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  it('records every storage and network call with the script that made it, and every request', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const recorder = await recordActivity(page)
    await page.route('**/__npskit-triggers.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }))
    await page.goto(`${server.origin}/test/fixtures/targeting.html`)
    expect(recorder.calls).toEqual([]) // the fixture page itself touches nothing
    await page.addScriptTag({ url: '/test/fixtures/targeting-recorder-probe.js' })
    await page.waitForFunction(() => (window as unknown as { __probed?: boolean }).__probed)
    await expect.poll(() => recorder.requests.filter((r) => r.url.includes('/collect/')).length).toBe(3)

    const probe = recorder.callsFrom(/targeting-recorder-probe\.js$/)
    const seen = probe.map((c) => [c.api, c.op, c.key ?? c.url?.replace(server.origin, '')].filter(Boolean).join(' '))
    expect(seen).toEqual([
      'localStorage open',
      'localStorage setItem probe:a',
      'localStorage open',
      'localStorage getItem probe:a',
      'sessionStorage open',
      'sessionStorage setItem probe:b',
      'localStorage open',
      'localStorage removeItem probe:a',
      'localStorage open', // localStorage.c = …: no method call, but the access shows
      'cookie set probe',
      'indexedDB open probe-db',
      'fetch POST /collect/fetch',
      'sendBeacon POST /collect/beacon',
      'xhr PUT /collect/xhr',
      'xhr send',
    ])
    expect(probe.every((c) => c.page === `${server.origin}/test/fixtures/targeting.html`)).toBe(true)
    expect(recorder.callsFrom(/npskit\.iife/)).toEqual([])

    const types = Object.fromEntries(recorder.requests.filter((r) => r.url.includes('/collect/')).map((r) => [r.url.replace(server.origin, ''), [r.method, r.type]]))
    expect(types).toEqual({ '/collect/fetch': ['POST', 'fetch'], '/collect/beacon': ['POST', 'ping'], '/collect/xhr': ['PUT', 'xhr'] })
    expect(recorder.requests.map((r) => new URL(r.url).pathname)).toContain('/test/fixtures/targeting.html')

    const contents = await storageContents(page)
    expect(contents).toMatchObject({ localStorage: { c: 'property-style' }, sessionStorage: { 'probe:b': '2' }, cookie: 'probe=1' })
    expect(contents.indexedDB).toContain('probe-db')
    await context.close()
  })

  it('keeps recording across navigations, and can be cleared', async () => {
    const context = await browser.newContext()
    const recorder = await recordActivity(context)
    const page = await context.newPage()
    await page.route('**/__npskit-triggers.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }))
    await page.goto(`${server.origin}/test/fixtures/targeting.html`)
    await page.addScriptTag({ content: 'localStorage.getItem("first")' })
    recorder.clear()
    expect(recorder.calls).toEqual([])
    await page.goto(`${server.origin}/test/fixtures/targeting.html?second`)
    await page.addScriptTag({ url: '/test/fixtures/targeting-recorder-probe.js' })
    await expect.poll(() => recorder.callsFrom(/probe/).length).toBeGreaterThan(10)
    expect(recorder.requests[0]!.url).toBe(`${server.origin}/test/fixtures/targeting.html?second`)
    await context.close()
  })
})
