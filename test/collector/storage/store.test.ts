import { describe, expect, it } from 'vitest'
import { createStore, openDatabase, rebuildCounts, type Database, type Store, type StoredResponse } from '../../../src/collector/storage/index'
import { importOptional } from '../../../src/collector/storage/importOptional'
import { drivers, useStore } from '../drivers'
import { response } from './fixtures'

const at = (day: number, hour = 10) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`
const collect = async <T>(items: AsyncIterable<T>) => {
  const list: T[] = []
  for await (const item of items) list.push(item)
  return list
}

describe.each(drivers())('the store on $name', (driver) => {
  const ctx = useStore(driver)

  describe('upsertResponse', () => {
    it('creates, updates with a newer version, and ignores an older one', async () => {
      const r = response({ score: 4 })
      expect(await ctx.store.upsertResponse(r)).toBe('created')
      expect(await ctx.store.upsertResponse({ ...r, comment: 'Slow', complete: true, updatedAt: '2026-11-20T10:00:30.000Z' })).toBe('updated')
      expect(await ctx.store.upsertResponse({ ...r, comment: 'stale retry' })).toBe('stale')
      const [row] = (await ctx.store.listResponses({}, { page: 1, pageSize: 10 })).items
      expect(row).toMatchObject({ id: r.id, comment: 'Slow', complete: true, createdAt: r.createdAt, followedUpAt: null })
    })

    it('runs inTransaction with the outcome, in the same transaction: when it throws, nothing is stored', async () => {
      const seen: string[] = []
      const r = response()
      await ctx.store.upsertResponse(r, { inTransaction: async (tx, outcome) => void seen.push(outcome, (await tx.query('SELECT count(*)::int AS n FROM responses')).rows[0]!.n) })
      expect(seen).toEqual(['created', 1])
      const failing = response()
      await expect(ctx.store.upsertResponse(failing, { inTransaction: async () => Promise.reject(new Error('outbox full')) })).rejects.toThrow('outbox full')
      expect((await ctx.store.listResponses({}, { page: 1, pageSize: 10 })).total).toBe(1)
      expect((await ctx.store.summary({ from: at(1), to: at(30), timeZone: 'UTC' })).tally.total).toBe(1)
      // Not called for a stale version: there is nothing new to act on.
      await ctx.store.upsertResponse({ ...r, updatedAt: '2026-11-20T09:00:00.000Z' }, { inTransaction: async () => void seen.push('stale') })
      expect(seen).toEqual(['created', 1])
    })

    it('stores one row for many concurrent upserts of one id', async () => {
      const r = response()
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => ctx.store.upsertResponse(r)))
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1)
      expect((await ctx.store.summary({ from: at(1), to: at(30), timeZone: 'UTC' })).tally.total).toBe(1)
    })
  })

  describe('upsertMany', () => {
    it('stores many in one transaction, the newest version of each id winning, counts included', async () => {
      const stored = response({ score: 3 })
      await ctx.store.upsertResponse(stored)
      const fresh = Array.from({ length: 1200 }, (_, i) => response({ score: i % 11, createdAt: at(1 + (i % 28)) }))
      const twice = response({ score: 5 })
      const outcome = await ctx.store.upsertMany([
        ...fresh,
        twice,
        { ...twice, score: 10, category: 'promoter', complete: true, updatedAt: '2026-11-20T10:05:00.000Z' },
        { ...stored, score: 9, category: 'promoter', updatedAt: '2026-11-20T11:00:00.000Z' },
      ])
      expect(outcome).toEqual({ created: 1201, updated: 1, stale: 1 })
      const s = await ctx.store.summary({ from: at(1), to: '2026-12-01T00:00:00.000Z', timeZone: 'UTC' })
      expect(s.tally.total).toBe(1202)
      expect(s.histogram[10]).toBe(fresh.filter((r) => r.score === 10).length + 1)
      expect(s.histogram[3]).toBe(fresh.filter((r) => r.score === 3).length)
      const bad = [response(), { ...response(), score: 11 } as never]
      await expect(ctx.store.upsertMany(bad)).rejects.toThrow()
      expect((await ctx.store.listResponses({}, { page: 1, pageSize: 1 })).total).toBe(1202)
    })
  })

  describe('listResponses and streamResponses', () => {
    const seed = async () => {
      const rows = [
        response({ score: 2, createdAt: at(3), comment: 'Late', contactConsent: true }),
        response({ score: 9, createdAt: at(5), locale: 'sv' }),
        response({ score: 6, createdAt: at(5), journeyPoint: 'support-closed' }),
        response({ score: 10, createdAt: at(7) }),
        response({ score: 1, createdAt: at(9), comment: '' }),
      ]
      for (const r of rows) await ctx.store.upsertResponse({ ...r, updatedAt: r.createdAt })
      return rows
    }

    it('pages newest first and counts every match', async () => {
      await seed()
      const first = await ctx.store.listResponses({}, { page: 1, pageSize: 2 })
      expect(first.total).toBe(5)
      expect(first.items.map((r) => r.createdAt)).toEqual([at(9), at(7)])
      const third = await ctx.store.listResponses({}, { page: 3, pageSize: 2 })
      expect(third.items.map((r) => r.createdAt)).toEqual([at(3)])
    })

    it('filters by period, category, comment, consent, journey point, locale and follow-up', async () => {
      const rows = await seed()
      const ids = async (filters: Parameters<Store['listResponses']>[0]) => (await ctx.store.listResponses(filters, { page: 1, pageSize: 50 })).items.map((r) => r.id).sort()
      const idsOf = (...list: typeof rows) => list.map((r) => r.id).sort()
      expect(await ids({ from: at(5), to: at(7) })).toEqual(idsOf(rows[1]!, rows[2]!))
      expect(await ids({ category: 'detractor' })).toEqual(idsOf(rows[0]!, rows[2]!, rows[4]!))
      expect(await ids({ hasComment: true })).toEqual(idsOf(rows[0]!))
      expect(await ids({ contactConsent: true })).toEqual(idsOf(rows[0]!))
      expect(await ids({ journeyPoint: 'support-closed' })).toEqual(idsOf(rows[2]!))
      expect(await ids({ locale: 'sv' })).toEqual(idsOf(rows[1]!))
      await ctx.store.setFollowedUp(rows[0]!.id, true)
      expect(await ids({ followedUp: true })).toEqual(idsOf(rows[0]!))
      expect(await ids({ followedUp: false })).toHaveLength(4)
    })

    it('streams every match across many batches, each row once, even with equal times', async () => {
      const rows = await seed()
      // Three more at the same instant as another: the keyset (created_at, id) must not skip or repeat them.
      for (let i = 0; i < 3; i++) await ctx.store.upsertResponse(response({ createdAt: at(5), updatedAt: at(5) }))
      const streamed = await collect(ctx.store.streamResponses({}, { batchSize: 2 }))
      expect(streamed).toHaveLength(rows.length + 3)
      expect(new Set(streamed.map((r) => r.id)).size).toBe(rows.length + 3)
      const listed = (await ctx.store.listResponses({}, { page: 1, pageSize: 50 })).items
      expect(streamed.map((r) => r.id)).toEqual(listed.map((r) => r.id))
      expect(await collect(ctx.store.streamResponses({ category: 'detractor' }, { batchSize: 1 }))).toHaveLength(3)
    })

    it('keeps microseconds in the keyset, which a Date would round away', async () => {
      await ctx.db.query(`INSERT INTO responses (id, survey_id, score, category, contact_consent, locale, question, page, metadata, created_at, updated_at, complete, sdk_version)
        SELECT gen_random_uuid(), 'nps', 9, 'promoter', false, 'nb', 'q', 'p', '{}', '2026-11-20T10:00:00.000100Z'::timestamptz + g * interval '1 microsecond', now(), true, '1'
        FROM generate_series(1, 7) AS g`)
      const streamed = await collect(ctx.store.streamResponses({}, { batchSize: 2 }))
      expect(new Set(streamed.map((r) => r.id)).size).toBe(7)
    })
  })

  describe('setFollowedUp', () => {
    it('marks and unmarks a response, and answers null for an unknown id', async () => {
      const r = response()
      await ctx.store.upsertResponse(r)
      const marked = await ctx.store.setFollowedUp(r.id, true)
      expect(marked?.followedUpAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/))
      expect((await ctx.store.setFollowedUp(r.id, true))?.followedUpAt).toBe(marked?.followedUpAt)
      expect((await ctx.store.setFollowedUp(r.id, false))?.followedUpAt).toBeNull()
      expect(await ctx.store.setFollowedUp('00000000-0000-4000-8000-000000000000', true)).toBeNull()
    })
  })

  describe('customers: erasure, access and retention', () => {
    it('exports and erases every response of a user id or an e-mail address (in any case), and nobody else', async () => {
      const kari = [response({ user: { id: 'c-1', email: 'Kari@Example.no' }, createdAt: at(2) }), response({ user: { id: 'c-1' }, createdAt: at(4) })]
      const ola = response({ user: { id: 'c-2', email: 'ola@example.no' } })
      const anonymous = response()
      for (const r of [...kari, ola, anonymous]) await ctx.store.upsertResponse(r)
      expect((await collect(ctx.store.exportCustomer({ user: 'c-1' }, { batchSize: 1 }))).map((r) => r.id)).toEqual(kari.map((r) => r.id))
      expect((await collect(ctx.store.exportCustomer({ email: 'KARI@example.no' }))).map((r) => r.id)).toEqual([kari[0]!.id])
      expect(await ctx.store.eraseCustomer({ email: 'kari@EXAMPLE.no' })).toBe(1)
      expect(await ctx.store.eraseCustomer({ user: 'c-1' })).toBe(1)
      expect(await ctx.store.eraseCustomer({ user: 'c-1' })).toBe(0)
      const left = (await ctx.store.listResponses({}, { page: 1, pageSize: 10 })).items.map((r: StoredResponse) => r.id).sort()
      expect(left).toEqual([ola.id, anonymous.id].sort())
    })

    it('finds a numeric user id given as text', async () => {
      await ctx.store.upsertResponse(response({ user: { id: 42 } }))
      expect(await collect(ctx.store.exportCustomer({ user: '42' }))).toHaveLength(1)
    })

    it('refuses a request that names nobody or both ways', async () => {
      await expect(ctx.store.eraseCustomer({} as never)).rejects.toThrow(TypeError)
      await expect(ctx.store.eraseCustomer({ user: 'a', email: 'b' } as never)).rejects.toThrow(/exactly one/)
      await expect(ctx.store.eraseCustomer({ user: '' })).rejects.toThrow(/user/)
      expect(() => ctx.store.exportCustomer({ email: 7 } as never)).toThrow(/email/)
      expect(() => ctx.store.streamResponses({}, { batchSize: 0 })).toThrow(/batchSize/)
    })

    it('deletes responses older than the retention period, in batches', async () => {
      const now = Date.parse('2026-11-30T00:00:00Z')
      for (let day = 1; day <= 9; day++) await ctx.store.upsertResponse(response({ createdAt: at(day), updatedAt: at(day) }))
      expect(await ctx.store.deleteOlderThan(25, now)).toBe(4) // Nov 1–4 are more than 25 days before Nov 30 (Nov 5 at 10:00 is not)
      expect((await ctx.store.listResponses({}, { page: 1, pageSize: 50 })).total).toBe(5)
      await expect(ctx.store.deleteOlderThan(0)).rejects.toThrow(RangeError)
      await expect(ctx.store.deleteOlderThan(Number.NaN)).rejects.toThrow(/days/)
    })
  })

  describe('rebuildCounts', () => {
    it('recounts responses loaded with the triggers off', async () => {
      await ctx.db.query('ALTER TABLE responses DISABLE TRIGGER USER')
      try {
        for (const day of [2, 3, 3]) await ctx.store.upsertResponse(response({ createdAt: at(day), score: day }))
      } finally {
        await ctx.db.query('ALTER TABLE responses ENABLE TRIGGER USER')
      }
      const period = { from: at(1), to: at(30), timeZone: 'UTC' }
      expect((await ctx.store.summary(period)).tally.total).toBe(0)
      expect(await rebuildCounts(ctx.db)).toBeGreaterThan(0)
      expect((await ctx.store.summary(period)).histogram).toEqual([0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0])
    })
  })

  describe('summary', () => {
    it('shares one computation among identical concurrent requests', async () => {
      await ctx.store.upsertResponse(response())
      const queries: string[] = []
      const spy = { ...ctx.db, query: (sql: string, params?: readonly unknown[]) => (queries.push(sql), ctx.db.query(sql, params)) } as Database
      const shared = createStore(spy)
      const filters = { from: at(1), to: at(30), timeZone: 'Europe/Oslo' }
      const results = await Promise.all(Array.from({ length: 8 }, () => shared.summary(filters)))
      const once = queries.length
      await shared.summary(filters)
      expect(queries.length).toBe(2 * once)
      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1)
      expect(results[0]!.tally.total).toBe(1)
    })
  })
})

describe('openDatabase', () => {
  it('refuses options that are not strings, and a schema that is not a plain identifier', async () => {
    await expect(openDatabase({ dataDir: 42 } as never)).rejects.toThrow(TypeError)
    await expect(openDatabase({ url: 'postgres://localhost/x', schema: 'a"; DROP TABLE responses; --' })).rejects.toThrow(/schema must be a plain SQL identifier/)
  })

  it('names the package to install when a driver is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'pg' imported from /app/collector.js"), { code: 'ERR_MODULE_NOT_FOUND' })
    await expect(importOptional('pg', () => Promise.reject(missing))).rejects.toThrow('npm install pg')
    const pglite = Object.assign(new Error("Cannot find package '@electric-sql/pglite'"), { code: 'ERR_MODULE_NOT_FOUND' })
    await expect(importOptional('@electric-sql/pglite', () => Promise.reject(pglite))).rejects.toThrow('npm install @electric-sql/pglite')
    // A missing package inside the driver is the driver's problem, not "install the driver".
    const other = Object.assign(new Error("Cannot find package 'pg-types'"), { code: 'ERR_MODULE_NOT_FOUND' })
    await expect(importOptional('pg', () => Promise.reject(other))).rejects.toBe(other)
  })
})
