import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expectTypeOf, it } from 'vitest'
import { createCollector, createCollectorServer, createStore, openDatabase, validatePayload, validateResponse } from '../../src/collector'
import type { CollectorHandler, CollectorOptions, EventInput, LinkOptions, ResponseInput, Store, Summary } from '../../src/collector'

describe('npskit/collector types', () => {
  it('makes a handler that fits node:http and Express-style middleware', async () => {
    const store = createStore(await openDatabase({ dataDir: 'memory://' }))
    expectTypeOf(store).toEqualTypeOf<Store>()
    const collector = createCollector({ store, adminToken: process.env.ADMIN_TOKEN, allowedOrigins: ['https://shop.example'] })
    expectTypeOf(collector).toEqualTypeOf<CollectorHandler>()
    expectTypeOf(collector).toBeCallableWith({} as IncomingMessage, {} as ServerResponse, () => {})
    expectTypeOf(collector).toBeCallableWith({} as IncomingMessage, {} as ServerResponse)
    createCollectorServer(collector, { requestTimeoutMs: 10_000 })
    expectTypeOf(store.summary).returns.resolves.toEqualTypeOf<Summary>()
  })

  it('takes an environment variable that may be unset as an option', () => {
    expectTypeOf<{ store: Store; adminToken: string | undefined; publicUrl: string | undefined }>().toMatchTypeOf<CollectorOptions>()
    // @ts-expect-error trustProxy is a number of proxies
    createCollector({ store: {} as Store, trustProxy: true })
  })

  it('takes the email links’ secret (or several, while rotating) for the landing page', () => {
    createCollector({ store: {} as Store, links: { secret: 'x'.repeat(32), brand: 'Nordhandel', windowMs: 30_000 } })
    expectTypeOf<{ secret: readonly string[] }>().toMatchTypeOf<LinkOptions>()
    expectTypeOf<{ secret: Uint8Array }>().toMatchTypeOf<LinkOptions>()
    // @ts-expect-error the secret is required
    createCollector({ store: {} as Store, links: { brand: 'Nordhandel' } })
  })

  it('narrows a validation result to the response or the problem', () => {
    const checked = validateResponse({})
    if ('error' in checked) expectTypeOf(checked.field).toEqualTypeOf<string>()
    else expectTypeOf(checked.response).toEqualTypeOf<ResponseInput>()
  })

  it('narrows a payload to a response, an event or the problem', () => {
    const checked = validatePayload({})
    if ('error' in checked) expectTypeOf(checked.field).toEqualTypeOf<string>()
    else if ('event' in checked) expectTypeOf(checked.event).toEqualTypeOf<EventInput>()
    else expectTypeOf(checked.response).toEqualTypeOf<ResponseInput>()
  })
})
