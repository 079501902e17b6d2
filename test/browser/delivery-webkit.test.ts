import { describe } from 'vitest'
import { deliveryScenarios, type Tab } from '../support/deliveryScenarios'
import { launchWebKit, webkitAvailable, type WebKit } from '../support/webkit'

// The delivery scenarios where Safari's engine could differ from Chromium
// (test/support/deliveryScenarios.ts), over WebDriver. Each visitor is a fresh MiniBrowser
// session (its own ephemeral storage); its tabs are windows of that session.
describe.runIf(webkitAvailable())('delivery in WebKit', { timeout: 120_000 }, () => {
  let webkit: WebKit
  deliveryScenarios({
    entry: 'delivery-webkit',
    launch: async () => {
      webkit = await launchWebKit()
    },
    async visitor() {
      const session = await webkit.session()
      let first = true
      return {
        async newTab(): Promise<Tab> {
          // The session starts with one window: the first tab is that one.
          const handle = first ? await session.send<string>('GET', 'window') : await session.newTab()
          first = false
          // WebDriver commands go to the current window: switch to this tab before each one.
          return {
            async evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
              await session.switchTo(handle)
              return session.execute<[A], R>(fn, arg)
            },
            goto: async (url) => {
              await session.switchTo(handle)
              await session.navigate(url)
            },
          }
        },
      }
    },
    close: async () => webkit?.close(),
  })
})
