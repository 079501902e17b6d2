import { describe } from 'vitest'
import type { Browser, BrowserContext } from 'puppeteer-core'
import { deliveryScenarios, type Tab } from '../support/deliveryScenarios'
import { firefoxAvailable, launchFirefox } from '../support/firefox'

// The delivery scenarios where Gecko could differ from Chromium (test/support/deliveryScenarios.ts),
// driven by puppeteer-core over WebDriver BiDi. Each visitor is a browser context of its own.
describe.runIf(firefoxAvailable())('delivery in Firefox ESR', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  deliveryScenarios({
    entry: 'delivery-firefox',
    launch: async () => {
      browser = await launchFirefox()
    },
    async visitor() {
      const context = await browser.createBrowserContext()
      contexts.push(context)
      return {
        async newTab(): Promise<Tab> {
          const page = await context.newPage()
          return {
            evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
            goto: async (url) => void (await page.goto(url)),
          }
        },
      }
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})))
      await browser?.close()
    },
  })
})
