import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAlerts, verifySignature, type AlertOptions, type Alerts, type AlertJsonBody } from '../../../src/collector/alerts/index'
import { bare, finish, store } from './support/answers'
import { drivers, type TestDatabase } from './support/db'
import { startReceiver, type Receiver } from './support/receiver'
import { startSmtp, type SmtpReceiver } from './support/smtp'

const secret = 'test-secret'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe.each(drivers())('alerts on $name', (driver) => {
  let db: TestDatabase
  let receiver: Receiver
  let running: Alerts[] = []

  // One database per driver (starting PGlite takes seconds), emptied before each test.
  beforeAll(async () => {
    db = await driver.open()
  })
  afterAll(async () => {
    await db.close()
  })
  beforeEach(async () => {
    await db.query('DELETE FROM alert_outbox')
    await db.query('DELETE FROM responses')
    receiver = await startReceiver()
  })
  afterEach(async () => {
    for (const alerts of running) await alerts.stop()
    running = []
    await receiver.close()
  })

  async function start(options: Partial<AlertOptions> = {}): Promise<Alerts> {
    const alerts = createAlerts(db, {
      webhooks: receiver.url, secret, publicUrl: 'https://nps.example.com', windowMs: 400, pollMs: 50,
      retryBaseMs: 50, retryMaxMs: 400, timeoutMs: 2000, log: () => {}, ...options,
    })
    await alerts.start()
    running.push(alerts)
    return alerts
  }
  const bodies = () => receiver.received.map((r) => r.body as unknown as AlertJsonBody)

  it('sends exactly one alert for each detractor of a burst of 200 mixed answers, none for the others, with the comment that came inside the window, by webhook and by email', { timeout: 120_000 }, async () => {
    const smtp: SmtpReceiver = await startSmtp()
    try {
      const alerts = await start({ windowMs: 3000, timeoutMs: 10_000, email: { to: 'service@shop.example', smtpUrl: smtp.url } })
      const answers = Array.from({ length: 200 }, (_, i) => bare(i % 11, { user: { email: `customer${i}@example.com` } }))
      const finished = answers.map((a, i) =>
        i % 4 === 0 ? a
        : i % 4 === 1 ? finish(a, `Comment ${i}: the <b>parcel</b> & the box were late`)
        : i % 4 === 2 ? finish(a, null)
        : finish(a, `Comment ${i}`, { contactConsent: true }))
      // The widget posts each score, then (mostly) the finished answer under the same id.
      for (const [i, a] of answers.entries()) {
        await store(db, alerts, a)
        if (i % 4 !== 0) await store(db, alerts, finished[i]!)
      }

      const detractors = finished.filter((f) => f.score <= 6)
      await receiver.until(() => receiver.acked().size >= detractors.length && smtp.mails.length >= detractors.length)
      await sleep(800) // anything extra would come now: the windows of the bare scores have ended
      await receiver.until(() => receiver.acked().size >= detractors.length)

      expect(receiver.received).toHaveLength(detractors.length)
      expect(receiver.duplicates()).toEqual([])
      for (const f of detractors) {
        const got = receiver.received.filter((r) => r.delivery === `${f.id}.alert`)
        expect(got, f.id).toHaveLength(1)
        const body = got[0]!.body as unknown as AlertJsonBody
        expect(body.response.comment).toBe(f.comment)
        expect(body.response.score).toBe(f.score)
        expect(body.url).toBe(`https://nps.example.com/dashboard#inbox/${f.id}`)
        expect(body.response.email).toBe(f.contactConsent ? f.user!.email : null)
        if (!f.contactConsent) expect(got[0]!.raw).not.toContain('@example.com')
        expect(verifySignature(got[0]!.raw, got[0]!.headers, secret)).toBe(true)
      }
      expect(bodies().every((b) => b.type === 'alert' && b.response.category === 'detractor')).toBe(true)

      expect(smtp.mails).toHaveLength(detractors.length)
      for (const f of detractors) {
        const mails = smtp.mails.filter((m) => m.raw.includes(`X-Npskit-Delivery: ${f.id}.alert`))
        expect(mails, f.id).toHaveLength(1)
        expect(mails[0]!.to).toEqual(['service@shop.example'])
        expect(mails[0]!.raw).toMatch(/Content-Type: text\/plain/)
        expect(mails[0]!.raw).toMatch(/Content-Type: text\/html/)
      }
      const status = await alerts.status()
      expect(status).toMatchObject({ pending: 0, failed: 0, sent: detractors.length * 2 })
    } finally {
      await smtp.close()
    }
  })

  it('sends a bare score when the window ends, without a comment', async () => {
    const alerts = await start({ windowMs: 300 })
    const a = bare(2)
    const storedAt = performance.now()
    await store(db, alerts, a)
    await receiver.until(() => receiver.received.length === 1)
    expect(receiver.received[0]!.at - storedAt).toBeGreaterThanOrEqual(250)
    expect(bodies()[0]).toMatchObject({ type: 'alert', response: { id: a.id, comment: null, complete: false } })
  })

  it('sends a bare score when its window ends and retries when the retry is due, without waiting for a poll', async () => {
    // pollMs of ten minutes: only the worker's own alarm can send these within the test.
    const alerts = await start({ windowMs: 300, pollMs: 600_000 })
    receiver.behave = () => (receiver.received.length === 1 ? { status: 503 } : 'ok')
    const a = bare(3)
    await store(db, alerts, a)
    await receiver.until(() => receiver.acked().size === 1)
    expect(receiver.received.map((r) => r.delivery)).toEqual([`${a.id}.alert`, `${a.id}.alert`])
    // The receiver has it; the outbox records it a moment later.
    await expect.poll(async () => (await alerts.status()).sent).toBe(1)
    expect((await alerts.status()).pending).toBe(0)
  })

  it('sends a complete answer at once, without waiting for the window', async () => {
    const alerts = await start({ windowMs: 60_000 })
    const a = bare(4)
    await store(db, alerts, a)
    await store(db, alerts, finish(a, 'Too expensive'))
    await receiver.until(() => receiver.received.length === 1, 20_000)
    expect(bodies()[0]).toMatchObject({ type: 'alert', response: { comment: 'Too expensive', complete: true } })
  })

  it('follows an alert sent for the bare score with one short update when the comment comes later, and nothing more', async () => {
    const alerts = await start({ windowMs: 100 })
    const a = bare(1, { user: { email: 'anna@example.com' } })
    await store(db, alerts, a)
    await receiver.until(() => receiver.acked().size === 1)
    const done = finish(a, 'Never arrived', { contactConsent: true })
    await store(db, alerts, done)
    await receiver.until(() => receiver.acked().size === 2)
    // The widget may retry the complete version; it changes nothing.
    expect(await store(db, alerts, done)).toBe('updated')
    await sleep(400)
    expect(bodies().map((b) => [b.type, b.response.comment])).toEqual([['alert', null], ['update', 'Never arrived']])
    expect(bodies()[1]!.response.email).toBe('anna@example.com')
    expect(receiver.received[1]!.delivery).toBe(`${a.id}.update`)
  })

  it('sends the comment as an update when it comes while the alert for the bare score is being sent', async () => {
    const alerts = await start({ windowMs: 50 })
    receiver.behave = () => (receiver.received.length === 1 ? 'hold' : 'ok')
    const a = bare(0)
    await store(db, alerts, a)
    await receiver.until(() => receiver.held() === 1)
    await store(db, alerts, finish(a, 'Broken on arrival'))
    receiver.release()
    await receiver.until(() => receiver.acked().size === 2)
    await sleep(300)
    expect(bodies().map((b) => [b.type, b.response.comment])).toEqual([['alert', null], ['update', 'Broken on arrival']])
  })

  it('cancels an alert whose score changed to one that does not alert before it was sent', async () => {
    const alerts = await start({ windowMs: 300 })
    const a = bare(3)
    await store(db, alerts, a)
    await store(db, alerts, finish(a, 'Actually great', { score: 9 }))
    const b = bare(5)
    await store(db, alerts, b)
    await receiver.until(() => receiver.received.length === 1)
    await sleep(500)
    expect(bodies().map((x) => x.response.id)).toEqual([b.id])
    expect((await alerts.status()).pending).toBe(0)
  })

  it('keeps an alert cancelled when the attempt that was under way when it was cancelled fails', async () => {
    const alerts = await start({ windowMs: 50 })
    receiver.behave = () => 'hold'
    const a = bare(3)
    await store(db, alerts, a)
    await receiver.until(() => receiver.held() === 1)
    await store(db, alerts, finish(a, 'All good after all', { score: 10 }))
    receiver.release({ status: 503 })
    await sleep(600)
    expect(receiver.received).toHaveLength(1)
    expect(await alerts.status()).toMatchObject({ pending: 0, sent: 0, failed: 0 })
  })

  it('ignores a stale version that arrives after a newer one', async () => {
    const alerts = await start({ windowMs: 200 })
    const a = bare(8)
    const done = finish(a, 'ok')
    await store(db, alerts, done)
    expect(await store(db, alerts, { ...a, score: 2, category: 'detractor' })).toBe('stale')
    await sleep(500)
    expect(receiver.received).toEqual([])
  })

  it('alerts on any answer with a comment under when: comment', async () => {
    const alerts = await start({ when: 'comment', windowMs: 100 })
    const [a, b, c] = [bare(10), bare(2), bare(7)]
    for (const x of [a, b, c]) await store(db, alerts, x)
    await store(db, alerts, finish(a, 'Love it'))
    await store(db, alerts, finish(b, null))
    await sleep(400)
    await receiver.until(() => receiver.received.length === 1)
    expect(bodies().map((x) => x.response.id)).toEqual([a.id])
  })

  it('delivers every alert once when the receiver was down for a while', async () => {
    await receiver.down()
    const alerts = await start({ windowMs: 50 })
    const answers = Array.from({ length: 20 }, (_, i) => finish(bare(i % 7), `c${i}`))
    for (const a of answers) await store(db, alerts, a)
    await sleep(700)
    expect(receiver.received).toEqual([])
    expect((await alerts.status()).pending).toBe(20)
    await receiver.up()
    await receiver.until(() => receiver.acked().size === 20)
    await sleep(300)
    expect(receiver.received).toHaveLength(20)
    expect(receiver.duplicates()).toEqual([])
    expect(await alerts.status()).toMatchObject({ pending: 0, sent: 20, failed: 0 })
  })

  it('waits as long as Retry-After says after a 429', async () => {
    const alerts = await start({ windowMs: 50 })
    receiver.behave = () => (receiver.received.length === 1 ? { status: 429, retryAfter: '1' } : 'ok')
    await store(db, alerts, finish(bare(3), 'x'))
    await receiver.until(() => receiver.acked().size === 1)
    const [first, second] = receiver.received
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
  })

  it('marks an alert refused with a 4xx failed at once, for the dashboard, without its URL', async () => {
    const alerts = await start({ windowMs: 50 })
    receiver.behave = () => ({ status: 404 })
    const a = finish(bare(3), 'x')
    await store(db, alerts, a)
    await receiver.until(() => receiver.received.length === 1)
    await sleep(300)
    expect(receiver.received).toHaveLength(1)
    const status = await alerts.status()
    expect(status).toMatchObject({ pending: 0, sent: 0, failed: 1 })
    expect(status.failedAlerts[0]).toMatchObject({ responseId: a.id, kind: 'alert', attempts: 1, lastError: 'HTTP 404', target: 'webhook ' + new URL(receiver.url).origin })
  })

  it('gives up after giveUpAfterMs of failures and marks the alert failed', async () => {
    const alerts = await start({ windowMs: 50, giveUpAfterMs: 600 })
    receiver.behave = () => ({ status: 503 })
    await store(db, alerts, finish(bare(3), 'x'))
    await receiver.until(() => receiver.received.length >= 3)
    await sleep(1200)
    const status = await alerts.status()
    expect(status).toMatchObject({ pending: 0, failed: 1 })
    expect(status.failedAlerts[0]!.lastError).toBe('HTTP 503')
    const attempts = receiver.received.length
    await sleep(300)
    expect(receiver.received).toHaveLength(attempts)
  })

  it('stores answers at full speed while the alert endpoint hangs, and delivers once it answers', async () => {
    const alerts = await start({ windowMs: 50, timeoutMs: 1500, leaseMs: 5000 })
    receiver.behave = () => 'hold'
    const answers = Array.from({ length: 20 }, (_, i) => finish(bare(i % 5), `c${i}`))
    for (const a of answers) await store(db, alerts, a)
    // Every answer was stored while the first alerts hung unanswered.
    expect(receiver.acked().size).toBe(0)
    await receiver.until(() => receiver.received.length >= 8)
    receiver.behave = () => 'ok'
    await receiver.until(() => receiver.acked().size === 20)
    await sleep(200)
    expect(receiver.duplicates()).toEqual([])
  })
})
