// Events, the funnel's counts and the recontact check, in the store, on both drivers.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createStore, type Database, type Store } from '../../../src/collector/storage/index'
import { drivers } from '../drivers'
import { event, response } from './fixtures'

const hash = (salt: string, key: string) => createHash('sha256').update(salt + '\n' + key).digest('hex')
const now = Date.parse('2026-11-25T12:00:00.000Z')
const daysAgo = (days: number) => new Date(now - days * 864e5).toISOString()
const period = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'UTC' }

describe.each(drivers())('events, the funnel and recontact on $name', (driver) => {
  let db: Database
  let store: Store
  let salt: string
  beforeAll(async () => {
    db = await driver.open()
    store = createStore(db)
    salt = await store.recontactSalt()
  })
  afterAll(() => db?.close())
  beforeEach(async () => {
    await db.query('TRUNCATE responses')
    await db.query('TRUNCATE events')
  })

  describe('recordEvent', () => {
    it('stores each id once: a retried event is a duplicate and counts once', async () => {
      const e = event()
      expect(await store.recordEvent(e)).toBe('created')
      expect(await store.recordEvent(e)).toBe('duplicate')
      expect(await Promise.all([store.recordEvent(e), store.recordEvent(e)])).toEqual(['duplicate', 'duplicate'])
      const { rows } = await db.query('SELECT count(*)::int AS n FROM events')
      expect(rows[0]!.n).toBe(1)
      expect((await store.funnel(period)).channels).toEqual([{ channel: 'web', sent: 0, shown: 1, dismissed: 0, answered: 0, commented: 0, rate: 0 }])
    })

    it('keeps no user, only the salted hashes of its id and email', async () => {
      await store.recordEvent(event({ user: { id: 42, email: ' Kari@Example.NO ', name: 'Kari' } }))
      const { rows } = await db.query('SELECT * FROM events')
      expect(Object.keys(rows[0]!)).not.toContain('user_info')
      expect(JSON.stringify(rows[0])).not.toMatch(/kari|Kari|42"/)
      expect(rows[0]).toMatchObject({ person_id_hash: hash(salt, 'id:42'), person_email_hash: hash(salt, 'email:kari@example.no') })
    })
  })

  describe('the salt', () => {
    it('is made once, at least 16 random bytes in base64url, and the same for every store on the database', async () => {
      expect(salt).toMatch(/^[A-Za-z0-9_-]{22,}$/)
      expect(Buffer.from(salt, 'base64url').length).toBeGreaterThanOrEqual(16)
      expect(await createStore(db).recontactSalt()).toBe(salt)
    })

    it('differs between two databases', async () => {
      const other = await driver.open()
      try {
        expect(await createStore(other).recontactSalt()).not.toBe(salt)
      } finally {
        await other.close()
      }
    })
  })

  describe('funnel', () => {
    it('counts sent → shown → dismissed → answered → commented per journey point and channel, with the response rate', async () => {
      for (let i = 0; i < 4; i++) await store.recordEvent(event({ event: 'sent', channel: 'email', page: '', responseId: null, journeyPoint: 'delivered' }))
      await store.recordEvent(event({ channel: 'email', journeyPoint: 'delivered' }))
      await store.upsertResponse(response({ channel: 'email', journeyPoint: 'delivered', comment: 'Fast', complete: true }))
      for (let i = 0; i < 3; i++) await store.recordEvent(event())
      await store.recordEvent(event({ event: 'dismissed' }))
      await store.upsertResponse(response({ score: 3 }))
      await store.upsertResponse(response({ journeyPoint: null, comment: '' }))
      const f = await store.funnel(period)
      expect(f.rows).toEqual([
        { journeyPoint: 'delivered', channel: 'email', sent: 4, shown: 1, dismissed: 0, answered: 1, commented: 1, rate: 0.25 },
        { journeyPoint: 'checkout-complete', channel: 'web', sent: 0, shown: 3, dismissed: 1, answered: 1, commented: 0, rate: 1 / 3 },
        { journeyPoint: null, channel: 'web', sent: 0, shown: 0, dismissed: 0, answered: 1, commented: 0, rate: null },
      ])
      expect(f.channels).toEqual([
        { channel: 'email', sent: 4, shown: 1, dismissed: 0, answered: 1, commented: 1, rate: 0.25 },
        { channel: 'web', sent: 0, shown: 3, dismissed: 1, answered: 2, commented: 0, rate: 2 / 3 },
      ])
      expect(f.weeks.map((w) => [w.start, w.channel, w.answered])).toEqual([['2026-11-16', 'email', 1], ['2026-11-16', 'web', 2]])
      expect((await store.funnel({ ...period, channel: 'email' })).rows).toHaveLength(1)
      expect((await store.funnel({ ...period, journeyPoint: 'delivered' })).channels.map((c) => c.channel)).toEqual(['email'])
    })

    it('follows a response that gains a comment, changes channel or goes, and events that go', async () => {
      const r = response()
      await store.upsertResponse(r)
      await store.upsertResponse({ ...r, comment: 'Late parcel', complete: true, updatedAt: '2026-11-20T10:01:00.000Z' })
      expect((await store.funnel(period)).channels[0]).toMatchObject({ channel: 'web', answered: 1, commented: 1 })
      await store.eraseCustomer({ user: 'nobody' })
      await store.deleteOlderThan(1, Date.parse('2026-12-30T00:00:00Z'))
      expect(await store.funnel(period)).toMatchObject({ channels: [], rows: [], weeks: [] })
      expect((await db.query('SELECT count(*)::int AS n FROM funnel_counts')).rows[0]!.n).toBe(0)
    })

    it('counts by the hour of the event and the answer, in the period asked and the weeks of its time zone', async () => {
      await store.recordEvent(event({ at: '2026-11-22T23:30:00.000Z' }))
      await store.upsertResponse(response({ createdAt: '2026-11-23T00:10:00.000Z', updatedAt: '2026-11-23T00:10:00.000Z' }))
      const oslo = await store.funnel({ ...period, timeZone: 'Europe/Oslo' })
      expect(oslo.weeks.map((w) => [w.start, w.shown, w.answered])).toEqual([['2026-11-23', 1, 1]])
      const utc = await store.funnel(period)
      expect(utc.weeks.map((w) => [w.start, w.shown, w.answered])).toEqual([['2026-11-16', 1, 0], ['2026-11-23', 0, 1]])
      expect((await store.funnel({ ...period, from: '2026-11-23T00:00:00.000Z' })).channels[0]).toMatchObject({ shown: 0, answered: 1 })
    })

    it('refuses bad filters by name', async () => {
      await expect(store.funnel({ timeZone: 'Mars/Base' })).rejects.toThrow(/timeZone/)
      await expect(store.funnel({ channel: 'sms' as 'web' })).rejects.toThrow(/channel/)
      await expect(store.funnel({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' })).rejects.toThrow(/before/)
    })
  })

  describe('recontact', () => {
    const ask = (hashes: string[], answeredDays = 90, dismissedDays = 14) => store.recontact({ hashes, answeredDays, dismissedDays, now })

    it('finds an answer by the id on another device, or by the email address of an email answer', async () => {
      await store.upsertResponse(response({ user: { id: 'C-1' }, createdAt: daysAgo(10), updatedAt: daysAgo(10) }))
      await store.upsertResponse(response({ channel: 'email', user: { email: 'Ola@Example.no' }, createdAt: daysAgo(20), updatedAt: daysAgo(20) }))
      expect(await ask([hash(salt, 'id:C-1')])).toEqual({ ask: false, reason: 'answered', at: daysAgo(10) })
      expect(await ask([hash(salt, 'id:C-2'), hash(salt, 'email:ola@example.no')])).toEqual({ ask: false, reason: 'answered', at: daysAgo(20) })
      expect(await ask([hash(salt, 'id:C-1')], 5)).toEqual({ ask: true })
      expect(await ask([hash(salt, 'id:C-2')])).toEqual({ ask: true })
      expect(await ask([hash('another salt', 'id:C-1')])).toEqual({ ask: true })
    })

    it('says dismissed within the dismissal wait, and answered before dismissed', async () => {
      const h = hash(salt, 'id:7')
      await store.recordEvent(event({ event: 'dismissed', user: { id: 7 }, at: daysAgo(3) }))
      expect(await ask([h])).toEqual({ ask: false, reason: 'dismissed', at: daysAgo(3) })
      expect(await ask([h], 90, 2)).toEqual({ ask: true })
      await store.upsertResponse(response({ user: { id: '7' }, createdAt: daysAgo(30), updatedAt: daysAgo(30) }))
      expect(await ask([h])).toEqual({ ask: false, reason: 'answered', at: daysAgo(30) })
    })

    it('says asked after an email sent or a survey shown that no answer followed', async () => {
      const h = hash(salt, 'email:kari@example.no')
      const sent = event({ event: 'sent', channel: 'email', page: '', user: { email: 'kari@example.no' }, at: daysAgo(2), responseId: null })
      await store.recordEvent(sent)
      expect(await ask([h])).toEqual({ ask: false, reason: 'asked', at: daysAgo(2) })
      // Answered since, but longer ago than the answered wait: neither answered nor asked.
      await store.upsertResponse(response({ user: { email: 'KARI@example.no' }, createdAt: daysAgo(1), updatedAt: daysAgo(1) }))
      expect(await ask([h], 0)).toEqual({ ask: true })
      // A shown whose own response exists was answered, whatever the response's user.
      const shown = event({ user: { id: 'S' }, at: daysAgo(1) })
      await store.recordEvent(shown)
      expect(await ask([hash(salt, 'id:S')])).toEqual({ ask: false, reason: 'asked', at: daysAgo(1) })
      await store.upsertResponse(response({ id: shown.responseId!, createdAt: daysAgo(1), updatedAt: daysAgo(1) }))
      expect(await ask([hash(salt, 'id:S')], 0)).toEqual({ ask: true })
    })

    it('finds the person through the index, not by reading every row', async () => {
      if (driver.name !== 'postgres') return
      await db.query('SET enable_seqscan = off')
      try {
        const { rows } = await db.query(`EXPLAIN SELECT max(created_at) FROM responses
          WHERE (person_id_hash = ANY ($1::text[]) OR person_email_hash = ANY ($1::text[])) AND created_at >= now()`, [[hash(salt, 'id:1')]])
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n')
        expect(plan).toMatch(/responses_person_id/)
        expect(plan).toMatch(/responses_person_email/)
      } finally {
        await db.query('RESET enable_seqscan')
      }
    })

    it('refuses bad hashes and days by name', async () => {
      await expect(ask([])).rejects.toThrow(/hashes/)
      await expect(ask(['A'.repeat(64)])).rejects.toThrow(/hashes/)
      await expect(ask([hash(salt, 'a'), hash(salt, 'b'), hash(salt, 'c')])).rejects.toThrow(/hashes/)
      await expect(ask([hash(salt, 'a')], 3651)).rejects.toThrow(/answeredDays/)
      await expect(ask([hash(salt, 'a')], 1, -1)).rejects.toThrow(/dismissedDays/)
    })
  })

  describe('erasure and retention', () => {
    it('erases a customer’s events with their responses, by id or by email', async () => {
      await store.recordEvent(event({ user: { id: 'E-1' } }))
      await store.recordEvent(event({ event: 'dismissed', user: { email: 'E@x.no' } }))
      await store.recordEvent(event({ user: { id: 'other' } }))
      await store.upsertResponse(response({ user: { id: 'E-1' } }))
      expect(await store.eraseCustomer({ user: 'E-1' })).toBe(1)
      expect(await store.eraseCustomer({ email: 'e@X.no' })).toBe(0)
      expect((await db.query('SELECT count(*)::int AS n FROM events')).rows[0]!.n).toBe(1)
    })

    it('deletes old events with old responses', async () => {
      await store.recordEvent(event({ at: '2026-01-01T00:00:00.000Z' }))
      await store.recordEvent(event({ at: '2026-11-20T00:00:00.000Z' }))
      await store.deleteOlderThan(30, now)
      expect((await db.query('SELECT count(*)::int AS n FROM events')).rows[0]!.n).toBe(1)
    })
  })
})

describe('migration 006 on a database that already has responses', () => {
  it('stores the same person hashes for them as the collector makes for new ones, and counts them in the funnel', async () => {
    const { openPglite } = await import('../../../src/collector/storage/pglite')
    const { migrate } = await import('../../../src/collector/storage/migrate')
    const { migrations } = await import('../../../src/collector/storage/migrations/index')
    const { personHashes } = await import('../../../src/collector/storage/personHashes')
    const db = await openPglite('memory://')
    try {
      const before = migrations.filter((m) => m.name < '006')
      await migrate(db, before)
      const old = [response({ user: { id: 'C-1', email: ' Kari@Example.NO ' } }), response({ user: { id: 42 } }), response({ user: { id: '', email: '' } }), response()]
      // This version's store writes columns 005 lacks: the rows go in as an older collector wrote them.
      for (const r of old) {
        await db.query(
          `INSERT INTO responses (id, survey_id, score, category, comment, contact_consent, journey_point, locale, question, page, user_info, metadata, created_at, updated_at, complete, sdk_version)
           VALUES ($1, 'nps', $2, $3, NULL, false, 'checkout-complete', 'nb', 'Q', 'https://shop.example/', $4, '{}', $5, $5, true, '0.1.0')`,
          [r.id, r.score, r.category, r.user === null ? null : JSON.stringify(r.user), r.createdAt],
        )
      }
      await migrate(db)
      const salt = await createStore(db).recontactSalt()
      const { rows } = await db.query('SELECT id::text, person_id_hash, person_email_hash, channel FROM responses')
      for (const r of old) {
        const row = rows.find((x) => x.id === r.id)!
        const hashes = personHashes(salt, r.user)
        expect([row.person_id_hash, row.person_email_hash, row.channel]).toEqual([hashes.id, hashes.email, 'web'])
      }
      expect((await createStore(db).funnel(period)).channels).toMatchObject([{ channel: 'web', answered: 4 }])
    } finally {
      await db.close()
    }
  })
})
