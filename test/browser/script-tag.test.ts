import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { serve, type StaticServer } from '../support/server'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
const strictCsp = "default-src 'self'; style-src 'self'; script-src 'self'"

describe.runIf(browserAvailable())('the script tag (dist/npskit.iife.js) in Chromium', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), serve({ htmlHeaders: { 'content-security-policy': strictCsp } })])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  it('defines the npskit global with the package version under a strict CSP', async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    await page.goto(server.origin + '/test/fixtures/iife.html')
    const global = await page.evaluate(() => {
      const npskit = (window as unknown as { npskit?: { version?: unknown } }).npskit
      return { type: typeof npskit, version: npskit?.version }
    })
    expect(global).toEqual({ type: 'object', version: pkg.version })
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
    expect(problems).toEqual([])
    expect(server.requests).toContain('/dist/npskit.iife.js')
    await page.close()
  })
})
