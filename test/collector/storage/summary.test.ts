import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { migrate, type ResponseInput, type Store } from '../../../src/collector/storage/index'
import { drivers, useStore } from '../drivers'
import { categoryOf, response } from './fixtures'
import { naiveSummary } from './naiveSummary'

const MINUTE = 60_000
const DAY = 864e5
// Three weeks around the spring clock changes in Europe (March 29) and North America (March 8 is
// before; November 1 in the second window), so weeks with 23- and 25-hour days are in play.
const windows = [Date.parse('2026-03-14T00:00:00Z'), Date.parse('2026-10-20T00:00:00Z')]
const timeZones = ['UTC', 'Europe/Oslo', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'America/St_Johns', 'Pacific/Chatham']

/** Where each zone's weeks start in the windows, found the slow way: every quarter hour, in which local weekday. */
function localMondays(): number[] {
  const found: number[] = []
  for (const timeZone of timeZones) {
    const weekday = new Intl.DateTimeFormat('en', { timeZone, weekday: 'short' })
    for (const start of windows) {
      for (let t = start; t < start + 21 * DAY; t += 15 * MINUTE) {
        if (weekday.format(t) === 'Mon' && weekday.format(t - 1) === 'Sun') found.push(t)
      }
    }
  }
  return found
}
const mondays = localMondays()

/**
 * An instant in a window. Responses and periods crowd around a few places — a week's start in
 * some zone, a UTC midnight, a quarter hour — and land on them, a millisecond or a minute off, so
 * that the pieces of a period (days, quarter hours, loose minutes) all hold responses.
 */
const anchor = fc.oneof(
  fc.constantFrom(...mondays),
  fc.tuple(fc.constantFrom(...windows), fc.integer({ min: 0, max: 20 })).map(([start, day]) => start + day * DAY),
  fc.tuple(fc.constantFrom(...windows), fc.integer({ min: 0, max: 21 * 24 * 4 - 1 })).map(([start, quarter]) => start + quarter * 15 * MINUTE),
)
// A run picks a few anchors; each instant is one of them, a millisecond, minutes, hours or days off.
const anchors = fc.array(anchor, { minLength: 1, maxLength: 2 })
const offset = fc.constantFrom(0, 0, 0, 1, -1, MINUTE, -MINUTE, 7 * MINUTE + 123, 15 * MINUTE, -15 * MINUTE, 36e5 - 1, -5 * 36e5, DAY, 2 * DAY + 1, -3 * DAY)
const spread = fc.constantFrom(0, 0, 0, -7 * DAY, 7 * DAY, 9 * DAY, -13 * DAY, 24 * DAY, -30 * DAY)
const instant = fc.tuple(fc.nat(), offset, offset, spread).map(([anchor, a, b, c]) => ({ anchor, offset: a + b + c }))
/** An instant drawn as (anchor, offset): readable in a counterexample. */
const at = (pool: number[], x: { anchor: number; offset: number }) => pool[x.anchor % pool.length]! + x.offset
const someOf = <T,>(...values: T[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, fc.constantFrom(...values))

const dims = { journeyPoint: fc.constantFrom('checkout-complete', 'support-closed', null), locale: fc.constantFrom('nb', 'sv', 'en-US') }
const fields = fc.record({ score: fc.integer({ min: 0, max: 10 }), createdAt: instant, ...dims, user: fc.constantFrom('u1', 'u1', 'u2', 'u2', 'u3') })

/** What a test run does to the store, in order; `ref` picks an earlier response. */
const operation = fc.oneof(
  { weight: 6, arbitrary: fields.map((f) => ({ op: 'insert' as const, ...f })) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('update' as const), ref: fc.nat(), score: fc.integer({ min: 0, max: 10 }), ...dims, newer: fc.boolean(), createdAt: fc.option(instant) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('erase' as const), user: fc.constantFrom('u3', 'u4'), byEmail: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retention' as const), at: instant, days: fc.constantFrom(2, 10, 200) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('followUp' as const), ref: fc.nat(), done: fc.boolean() }) },
)

const question = fc.record({
  timeZone: fc.constantFrom(...timeZones),
  period: fc.option(fc.tuple(instant, instant)),
  now: instant,
  journeyPoint: someOf('checkout-complete', 'support-closed'),
  locale: someOf('nb', 'en-US'),
})

const iso = (ms: number) => new Date(ms).toISOString()

async function apply(store: Store, live: ResponseInput[], ops: any[], pool: number[]) {
  let clock = Date.parse('2026-12-01T00:00:00Z')
  for (const o of ops) {
    clock += 1000
    if (o.op === 'insert') {
      const r = response({
        score: o.score,
        journeyPoint: o.journeyPoint,
        locale: o.locale,
        createdAt: iso(at(pool, o.createdAt)),
        updatedAt: iso(clock),
        user: { id: o.user, email: `${o.user.toUpperCase()}@example.com` },
      })
      expect(await store.upsertResponse(r)).toBe('created')
      live.push(r)
    } else if (o.op === 'update' && live.length) {
      const i = o.ref % live.length
      const old = live[i]!
      const next = {
        ...old,
        score: o.score,
        category: categoryOf(o.score),
        journeyPoint: o.journeyPoint,
        locale: o.locale,
        createdAt: o.createdAt === null ? old.createdAt : iso(at(pool, o.createdAt)),
        updatedAt: o.newer ? iso(clock) : iso(Date.parse(old.updatedAt) - 1000),
        complete: true,
      }
      const outcome = await store.upsertResponse(next)
      expect(outcome).toBe(o.newer ? 'updated' : 'stale')
      // The collector keeps the first createdAt: the counts must follow the row, not the request.
      if (o.newer) live[i] = { ...next, createdAt: old.createdAt }
    } else if (o.op === 'erase') {
      const who = o.byEmail ? { email: `${o.user}@EXAMPLE.com` } : { user: o.user }
      const expected = live.filter((r) => r.user?.id === o.user).length
      expect(await store.eraseCustomer(who)).toBe(expected)
      live.splice(0, live.length, ...live.filter((r) => r.user?.id !== o.user))
    } else if (o.op === 'retention') {
      const now = at(pool, o.at)
      const expected = live.filter((r) => Date.parse(r.createdAt) < now - o.days * DAY).length
      expect(await store.deleteOlderThan(o.days, now)).toBe(expected)
      live.splice(0, live.length, ...live.filter((r) => Date.parse(r.createdAt) >= now - o.days * DAY))
    } else if (o.op === 'followUp' && live.length) {
      expect(await store.setFollowedUp(live[o.ref % live.length]!.id, o.done)).not.toBeNull()
    }
  }
}

describe.each(drivers())('the summary from the counts table on $name', (driver) => {
  const ctx = useStore(driver)

  /** The counts table against GROUP BYs of the responses: equal, row for row, every span and rollup. */
  async function expectCountsMatchRows() {
    const counts = await ctx.db.query('SELECT span, rollup, slot, journey_point, locale, score, n FROM response_counts ORDER BY 1, 2, 3, 4, 5, 6')
    const slot = (minutes: number) => `date_bin('${minutes} minutes', created_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')`
    // Rollup bits: 1 sums the journey point away (NULL), 2 the locale ('').
    const grouped = (span: number, rollup: number) =>
      `SELECT ${span}::smallint AS span, ${rollup}::smallint AS rollup, ${slot(span)} AS slot, ${rollup & 1 ? 'NULL' : 'journey_point'} AS journey_point,
         ${rollup & 2 ? "''" : 'locale'} AS locale, score, count(*)::int AS n FROM responses GROUP BY 3, 4, 5, 6`
    const keys = [[15, 0], [60, 3], ...[1440, 10080].flatMap((span) => [0, 1, 2, 3].map((rollup) => [span, rollup]))]
    const fromRows = await ctx.db.query(`${keys.map(([span, rollup]) => grouped(span!, rollup!)).join(' UNION ALL ')} ORDER BY 1, 2, 3, 4, 5, 6`)
    expect(counts.rows).toEqual(fromRows.rows)
  }

  it('equals the summary computed from every row, after any mix of upserts, updates, erasures and retention', async () => {
    await fc.assert(
      fc.asyncProperty(anchors, fc.array(operation, { minLength: 20, maxLength: 80, size: 'max' }), fc.array(question, { minLength: 1, maxLength: 4 }), async (pool, ops, questions) => {
        await ctx.db.query('TRUNCATE responses')
        await apply(ctx.store, [], ops, pool)
        await expectCountsMatchRows()
        for (const q of questions) {
          const [a, b] = q.period ? [at(pool, q.period[0]), at(pool, q.period[1])] : [0, 0]
          const filters = {
            timeZone: q.timeZone,
            now: at(pool, q.now),
            ...(a !== b ? { from: iso(Math.min(a, b)), to: iso(Math.max(a, b)) } : {}),
            ...(q.journeyPoint ? { journeyPoint: q.journeyPoint } : {}),
            ...(q.locale ? { locale: q.locale } : {}),
          }
          const got = await ctx.store.summary(filters)
              expect(got).toEqual(await naiveSummary(ctx.db, filters))
        }
      }),
      { numRuns: 20 },
    )
  }, 240_000)

  it('gains hourly and weekly counts of the responses already stored when migration 008 runs', async () => {
    const sample = [3, 9, 10, 7].map((score, i) => response({ score, createdAt: iso(Date.parse('2026-03-02T22:50:00Z') + i * 11 * DAY + i * 3_600_000) }))
    await ctx.store.upsertMany(sample)
    // As a database before the migration: only quarter hours and days, counted by the old triggers.
    await ctx.db.query('DELETE FROM response_counts WHERE span IN (60, 10080)')
    await ctx.db.query(`DELETE FROM schema_migrations WHERE name = '008_counts_coarser'`)
    await ctx.db.query('ALTER TABLE response_counts DROP CONSTRAINT response_counts_span_check')
    await ctx.db.query('ALTER TABLE response_counts ADD CONSTRAINT response_counts_span_check CHECK (span IN (15, 1440))')
    expect(await migrate(ctx.db)).toEqual(['008_counts_coarser'])
    await expectCountsMatchRows()
    // And the new triggers count new responses in every span.
    await ctx.store.upsertResponse(response({ score: 0, createdAt: '2026-03-20T12:00:00Z' }))
    await expectCountsMatchRows()
    const filters = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', timeZone: 'Europe/Oslo', now: Date.parse('2026-04-01T00:00:00Z') }
    expect(await ctx.store.summary(filters)).toEqual(await naiveSummary(ctx.db, filters))
  })

  it('moves a response between counts when an update changes its score, journey point or locale', async () => {
    const r = response({ score: 3, journeyPoint: 'support-closed', locale: 'sv' })
    await ctx.store.upsertResponse(r)
    await ctx.store.upsertResponse({ ...r, score: 10, category: 'promoter', journeyPoint: null, locale: 'nb', updatedAt: '2026-11-20T10:01:00.000Z', complete: true })
    const s = await ctx.store.summary({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', timeZone: 'Europe/Oslo' })
    expect(s.tally).toEqual({ detractors: 0, passives: 0, promoters: 1, total: 1 })
    expect(s.byJourneyPoint.map((b) => b.key)).toEqual(['(none)'])
    expect(s.locales).toEqual(['nb'])
    expect(s.journeyPoints).toEqual([])
    await expectCountsMatchRows()
  })

  it('forgets erased and expired responses in every number, filter lists included', async () => {
    await ctx.store.upsertResponse(response({ score: 2, locale: 'fi', journeyPoint: 'return-complete', user: { id: 'c-9', email: 'Kari@Example.no' } }))
    await ctx.store.upsertResponse(response({ score: 9, createdAt: '2026-01-05T08:00:00.000Z', updatedAt: '2026-01-05T08:00:00.000Z' }))
    const before = await ctx.store.summary({ from: '2025-12-01T00:00:00Z', to: '2026-12-01T00:00:00Z', timeZone: 'UTC' })
    expect(before.tally.total).toBe(2)
    expect(await ctx.store.eraseCustomer({ email: 'kari@example.no' })).toBe(1)
    expect(await ctx.store.deleteOlderThan(30, Date.parse('2026-11-21T00:00:00Z'))).toBe(1)
    const after = await ctx.store.summary({ from: '2025-12-01T00:00:00Z', to: '2026-12-01T00:00:00Z', timeZone: 'UTC' })
    expect(after.tally.total).toBe(0)
    expect(after.trend).toEqual([])
    expect(after.locales).toEqual([])
    expect((await ctx.db.query('SELECT count(*)::int AS n FROM response_counts')).rows[0]!.n).toBe(0)
  })

  it('keeps the shape of the demo summary: null NPS and interval without responses', async () => {
    const s = await ctx.store.summary({ timeZone: 'Europe/Oslo', now: Date.parse('2026-12-01T00:00:00Z') })
    expect(s).toMatchObject({
      period: { from: '2026-09-02T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Europe/Oslo', level: 0.95 },
      tally: { detractors: 0, passives: 0, promoters: 0, total: 0 },
      nps: null,
      interval: null,
      histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      trend: [],
      comparison: { test: null },
    })
  })

  it('refuses a bad period or time zone with a RangeError naming it', async () => {
    await expect(ctx.store.summary({ from: 'yesterday', timeZone: 'UTC' })).rejects.toThrow(/from/)
    await expect(ctx.store.summary({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z', timeZone: 'UTC' })).rejects.toThrow(RangeError)
    await expect(ctx.store.summary({ timeZone: 'Mars/Base' })).rejects.toThrow(/Mars\/Base/)
  })
})
