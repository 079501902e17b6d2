import { describe, expectTypeOf, it } from 'vitest'
import { alertOptionsFromEnv, createAlerts, createCollector, openDatabase, verifySignature } from '../../src/collector'
import type { AlertJsonBody, AlertOptions, Alerts, AlertStatus, CollectorOptions } from '../../src/collector'

describe('npskit/collector alert types', () => {
  it('creates alerts on the collector\'s database and hands them to createCollector', async () => {
    const db = await openDatabase({ dataDir: 'memory://' })
    const alerts = createAlerts(db, { webhooks: ['https://hooks.slack.com/services/T/B/x'], format: 'slack', when: ['detractor', 'comment'] })
    expectTypeOf(alerts).toEqualTypeOf<Alerts>()
    expectTypeOf(alerts.status).returns.resolves.toEqualTypeOf<AlertStatus>()
    createCollector({ db, alerts })
    expectTypeOf<{ db: typeof db; alerts: Alerts | undefined }>().toMatchTypeOf<CollectorOptions>()
  })

  it('checks formats and conditions', () => {
    // @ts-expect-error no such format
    expectTypeOf<{ webhooks: string; format: 'discord' }>().toMatchTypeOf<AlertOptions>()
    // @ts-expect-error no such condition
    expectTypeOf<{ webhooks: string; when: 'angry' }>().toMatchTypeOf<AlertOptions>()
    expectTypeOf(alertOptionsFromEnv).returns.toEqualTypeOf<AlertOptions | undefined>()
  })

  it('types what a receiver gets and checks', () => {
    expectTypeOf<AlertJsonBody['type']>().toEqualTypeOf<'alert' | 'update'>()
    expectTypeOf(verifySignature).returns.toEqualTypeOf<boolean>()
  })
})
