import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAlerts, type AlertJsonBody, type Alerts } from '../../../src/collector/alerts/index'
import { createCollector } from '../../../src/collector/createCollector'
import { collectorConfigFromEnv } from '../../../src/collector/fromEnv'
import type { Database } from '../../../src/collector/storage/index'
import { drivers } from '../drivers'
import { get, post, response, startCollector } from '../http'
import { startReceiver, type Receiver } from './support/receiver'

type Running = Awaited<ReturnType<typeof startCollector>>
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe.each(drivers())('createCollector with alerts on $name', (driver) => {
  let db: Database
  let receiver: Receiver
  let alerts: Alerts
  let collector: Running

  beforeAll(async () => {
    db = await driver.open()
    receiver = await startReceiver()
    alerts = createAlerts(db, { webhooks: receiver.url, windowMs: 5000, pollMs: 50, publicUrl: 'https://nps.shop.example', log: () => {} })
    await alerts.start()
    collector = await startCollector({ db, alerts, allowedOrigins: ['https://shop.example'], rateLimit: false })
  })
  afterAll(async () => {
    await alerts?.stop()
    await collector?.close()
    await receiver?.close()
    await db?.close()
  })
  afterEach(() => {
    receiver.behave = () => 'ok'
  })

  const bodies = () => receiver.received.map((r) => r.body as unknown as AlertJsonBody)

  it('alerts once for a detractor posted as the widget posts it, with the comment and the email it may use', async () => {
    const bare = response({ score: 2, user: { id: 'c-7', email: 'kari@example.com' } })
    expect((await post(collector.origin, bare)).status).toBe(201)
    const done = { ...bare, comment: 'Pakken kom aldri', contactConsent: true, complete: true, updatedAt: '2026-11-20T10:00:30.000Z' }
    expect((await post(collector.origin, done)).status).toBe(200)
    expect((await post(collector.origin, response({ score: 10, complete: true, comment: 'Topp' }))).status).toBe(201)
    await receiver.until(() => receiver.acked().size === 1)
    await sleep(300)
    expect(bodies()).toHaveLength(1)
    expect(bodies()[0]).toMatchObject({
      type: 'alert', url: `https://nps.shop.example/dashboard#inbox/${bare.id}`,
      response: { id: bare.id, score: 2, comment: 'Pakken kom aldri', email: 'kari@example.com', metadata: { order: 'NH-2026-100001' } },
    })
  })

  it('answers POST /api/responses while the alert endpoint hangs', async () => {
    receiver.behave = () => 'hold'
    const before = receiver.received.length
    for (let i = 0; i < 5; i++) expect((await post(collector.origin, response({ score: 1, complete: true }))).status).toBe(201)
    await receiver.until(() => receiver.received.length > before)
    // Every answer was acknowledged while its alert was still unanswered.
    expect(receiver.acked().size).toBe(1)
    receiver.behave = () => 'ok'
    receiver.release()
    await receiver.until(() => receiver.acked().size === 6)
  })

  it('reports the outbox at GET /api/alerts for the dashboard', async () => {
    // The receiver has acknowledged them all; the worker records each just after.
    let answer = await get(collector.origin, '/api/alerts')
    for (let i = 0; i < 100 && answer.body.pending > 0; i++) answer = await sleep(50).then(() => get(collector.origin, '/api/alerts'))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ enabled: true, pending: 0, failed: 0, sent: 6, failedAlerts: [] })
  })

  it('lists a failed alert at GET /api/alerts and sends it again on POST /api/alerts/retry, audited', async () => {
    const admin = { origin: collector.origin, 'content-type': 'application/json' }
    receiver.behave = () => ({ status: 410 })
    const r = response({ score: 1, complete: true, comment: 'Gone' })
    await post(collector.origin, r)
    let status = await get(collector.origin, '/api/alerts')
    for (let i = 0; i < 100 && status.body.failed === 0; i++) status = await sleep(50).then(() => get(collector.origin, '/api/alerts'))
    const [failed] = status.body.failedAlerts
    expect(failed).toMatchObject({ responseId: r.id, kind: 'alert', target: `webhook ${new URL(receiver.url).origin}`, lastError: 'HTTP 410', attempts: 1 })
    expect(failed.targetKey).toMatch(/^webhook:[0-9a-f]{24}$/)

    // Every bad request names its field; nothing is retried by one.
    const one = { responseId: r.id, kind: 'alert', target: failed.targetKey, by: 'Kari' }
    for (const [body, field] of [[{ ...one, by: undefined }, 'by'], [{ ...one, kind: 'other' }, 'kind'], [{ ...one, target: 'https://x' }, 'target'], [{ ...one, responseId: 'x' }, 'responseId'], [{ by: 'Kari', all: 'yes' }, 'all']] as const) {
      const refused = await post(collector.origin, body, admin, '/api/alerts/retry')
      expect([refused.status, refused.body.field]).toEqual([400, field])
    }
    expect((await get(collector.origin, '/api/alerts/retry')).status).toBe(405)

    receiver.behave = () => 'ok'
    const retried = await post(collector.origin, one, admin, '/api/alerts/retry')
    expect([retried.status, retried.body]).toEqual([200, { retried: 1 }])
    await receiver.until(() => receiver.acked().has(`${r.id}.alert`))
    // Sent now: there is no failed alert left to retry.
    expect((await post(collector.origin, one, admin, '/api/alerts/retry')).status).toBe(404)
    status = await get(collector.origin, '/api/alerts')
    expect(status.body.events[0]).toMatchObject({ responseId: r.id, kind: 'alert', action: 'retry', lastError: 'HTTP 410', by: 'Kari', via: 'loopback' })
    expect((await post(collector.origin, { all: true, by: 'Kari' }, admin, '/api/alerts/retry')).body).toEqual({ retried: 0 })
  })

  it('answers one response at GET /api/responses/:id, for the inbox link of an alert', async () => {
    const r = response({ score: 3, complete: true, comment: 'Late' })
    await post(collector.origin, r)
    const found = await get(collector.origin, `/api/responses/${r.id}`)
    expect([found.status, found.body.id, found.body.comment, found.body.followUpState]).toEqual([200, r.id, 'Late', 'new'])
    const missing = await get(collector.origin, '/api/responses/00000000-0000-4000-8000-000000000000')
    expect([missing.status, missing.body.field]).toEqual([404, 'id'])
    const bad = await get(collector.origin, '/api/responses/not-an-id')
    expect([bad.status, bad.body.field]).toEqual([400, 'id'])
  })

  it('forgets the alerts of a customer whose responses are erased', async () => {
    const r = response({ score: 0, complete: true, comment: 'Slett meg', contactConsent: true, user: { email: 'erase@example.com' } })
    await post(collector.origin, r)
    await receiver.until(() => receiver.acked().has(`${r.id}.alert`))
    await sleep(200)
    expect((await db.query('SELECT 1 FROM alert_outbox WHERE response_id = $1', [r.id])).rows).toHaveLength(1)
    const erased = await get(collector.origin, '/api/responses?email=erase@example.com', { origin: collector.origin }, 'DELETE')
    expect(erased.body).toEqual({ erased: 1 })
    expect((await db.query('SELECT 1 FROM alert_outbox WHERE response_id = $1', [r.id])).rows).toHaveLength(0)
  })
})

describe('the collector\'s alert settings', () => {
  it('come from the environment with the rest, or are undefined', () => {
    expect(collectorConfigFromEnv({}).alerts).toBeUndefined()
    expect(collectorConfigFromEnv({ ALERT_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x', ALERT_FORMAT: 'slack' }).alerts)
      .toEqual({ webhooks: 'https://hooks.slack.com/services/T/B/x', format: 'slack' })
    expect(() => collectorConfigFromEnv({ ALERT_WEBHOOK_URL: 'https://x.example/', ALERT_WHEN: 'always' })).toThrow(/^ALERT_WHEN:/)
  })
  it('refuse alerts that did not come from createAlerts', () => {
    expect(() => createCollector({ db: {} as never, alerts: { webhooks: 'https://x.example' } as never })).toThrow(TypeError)
    expect(() => createCollector({ db: {} as never, alerts: { webhooks: 'https://x.example' } as never })).toThrow(/alerts/)
  })
})
