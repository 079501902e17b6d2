// PGlite reads a summary's counts in short queries, long pieces cut and short ones packed
// (shortQueries.ts): what it reads must be exactly what readCounts' one query reads, however the
// pieces are cut, and whatever `now` makes planCounts subtract.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MINUTE } from '../../../src/collector/storage/pieces'
import { noCounts, planCounts, readCounts, withoutEmpty, type CountFilter, type CountPiece, type Question, type Stretch } from '../../../src/collector/storage/readCounts'
import { cutPieces, packPieces, readPack, responsesPerMinute, rowsPerSlot, type Density } from '../../../src/collector/storage/shortQueries'
import { drivers, useStore } from '../drivers'
import { response } from './fixtures'

const DAY = 1440 * MINUTE
const start = Date.parse('2026-03-02T00:00:00Z')
const iso = (ms: number) => new Date(ms).toISOString()

const density = fc.record({ perMinute: fc.constantFrom(0, 0.01, 0.5, 3, 40), points: fc.integer({ min: 1, max: 8 }), locales: fc.integer({ min: 1, max: 8 }) })
const instant = fc.oneof(
  fc.integer({ min: start, max: start + 40 * DAY }),
  fc.integer({ min: start / (15 * MINUTE), max: (start + 40 * DAY) / (15 * MINUTE) }).map((q) => q * 15 * MINUTE),
)
const questions = fc.subarray<Question>(['total', 'point', 'locale'], { minLength: 1 })
const stretch = fc.tuple(instant, instant, questions).map(([a, b, asked]): Stretch => ({ from: Math.min(a, b), to: Math.max(a, b), questions: asked }))
const filter = fc.record({ journeyPoint: fc.constantFrom(undefined, 'support-closed'), locale: fc.constantFrom(undefined, 'sv') }).map(
  ({ journeyPoint, locale }): CountFilter => ({ ...(journeyPoint ? { journeyPoint } : {}), ...(locale ? { locale } : {}) }),
)

const kind = ({ i, q, span, rollup, sign, lo, hi }: CountPiece) => [i, q, span, rollup, sign, lo, hi].join()

describe('cutPieces: long pieces cut into short queries', () => {
  it('covers every piece exactly once, in order, cutting counts only between slots and keeping what each part counts', () => {
    fc.assert(
      fc.property(fc.array(stretch, { minLength: 1, maxLength: 4 }), filter, density, fc.constantFrom(1, 20, 500), instant, (stretches, f, d, budget, now) => {
        const list = planCounts(stretches, f, now)
        const parts = cutPieces(list, d, budget)
        // The parts, in order, are each piece cut in consecutive parts.
        let n = 0
        for (const piece of list) {
          let at = piece.lo
          while (at < piece.hi) {
            const part = parts[n++]!
            expect({ ...part, lo: piece.lo, hi: piece.hi }).toEqual(piece)
            expect(part.lo).toBe(at)
            expect(part.hi).toBeGreaterThan(part.lo)
            expect(part.hi).toBeLessThanOrEqual(piece.hi)
            if (part.span) expect([part.lo % (part.span * MINUTE), part.hi % (part.span * MINUTE)]).toEqual([0, 0])
            at = part.hi
          }
        }
        expect(n).toBe(parts.length)
      }),
    )
  })

  it('packs pieces of one span, rollup, questions and sign that do not overlap, responses one a query', () => {
    fc.assert(
      fc.property(fc.array(stretch, { minLength: 1, maxLength: 4 }), filter, density, fc.constantFrom(1, 20, 500), instant, (stretches, f, d, budget, now) => {
        const list = planCounts(stretches, f, now)
        const packs = packPieces(list, d, budget)
        for (const pack of packs) {
          expect(new Set(pack.map((p) => [p.span, p.rollup, p.q, p.sign].join())).size).toBe(1)
          if (pack[0]!.span === 0) expect(pack).toHaveLength(1)
          for (let n = 1; n < pack.length; n++) expect(pack[n]!.lo).toBeGreaterThanOrEqual(pack[n - 1]!.hi)
        }
        const order = (a: CountPiece, b: CountPiece) => kind(a).localeCompare(kind(b))
        expect(packs.flat().sort(order)).toEqual(cutPieces(list, d, budget).sort(order))
      }),
    )
  })

  it('reads the minutes before `now` as their quarter hour less the responses after it', () => {
    const now = start + 20 * DAY + 7 * MINUTE + 5
    const list = planCounts([{ from: start, to: now, questions: ['total'] }], {}, now)
    expect(list.slice(-2)).toEqual([
      { i: 0, q: 1, span: 15, rollup: 0, lo: now - 7 * MINUTE - 5, hi: now - 7 * MINUTE - 5 + 15 * MINUTE },
      { i: 0, q: 1, span: 0, rollup: 0, lo: now, hi: now - 7 * MINUTE - 5 + 15 * MINUTE, sign: -1 },
    ])
    // A stretch that ends before now reads its minutes.
    expect(planCounts([{ from: start, to: now, questions: ['total'] }], {}, now + 1).at(-1)).toEqual({ i: 0, q: 1, span: 0, rollup: 0, lo: now - 7 * MINUTE - 5, hi: now })
  })

  it('keeps each part to about the budget: whole slots up to it, or a single slot that alone is more', () => {
    const d: Density = { perMinute: 2, points: 6, locales: 7 }
    const day: CountPiece = { i: 0, q: 6, span: 15, rollup: 0, lo: start, hi: start + DAY }
    // A quarter hour holds about 30 rows (its responses, fewer than its 462 combinations): 16 of them a part.
    expect(rowsPerSlot(15, 0, d)).toBe(30)
    expect(cutPieces([day], d, 500).map((p) => (p.hi - p.lo) / (15 * MINUTE))).toEqual([16, 16, 16, 16, 16, 16])
    // The weekly counts of a locale: 11 scores × 7 locales a week, never more than there are combinations.
    expect(rowsPerSlot(10080, 1, d)).toBe(77)
    expect(cutPieces([{ ...day, span: 10080, rollup: 1, hi: start + 70 * DAY }], d, 10)).toHaveLength(10)
    // Responses are cut anywhere: 30 minutes at 2 a minute, 25 rows a part.
    expect(cutPieces([{ ...day, span: 0, hi: start + 30 * MINUTE + 7 }], d, 25).map((p) => p.hi - p.lo)).toEqual([750_000, 750_000, 300_007])
  })
})

describe.each(drivers())('short queries on $name', (driver) => {
  const ctx = useStore(driver)

  it('count exactly what readCounts counts in one query, however short the parts and wherever `now` is', async () => {
    // Responses every few minutes over five weeks, in three journey points (one none) and locales.
    const rows = Array.from({ length: 700 }, (_, n) => {
      const at = start + ((n * 7919 * MINUTE) % (35 * DAY)) + (n % 13) * 1000
      return response({ score: (n * 7) % 11, journeyPoint: [null, 'support-closed', 'checkout-complete'][n % 3] ?? null, locale: ['nb', 'sv', 'en-US'][n % 4 % 3]!, createdAt: iso(at), updatedAt: iso(at) })
    })
    await ctx.store.upsertMany(rows)
    await fc.assert(
      fc.asyncProperty(fc.array(stretch, { minLength: 1, maxLength: 3 }), filter, density, fc.constantFrom(1, 30, 500), instant, async (stretches, f, d, budget, now) => {
        // Without `now`: no piece subtracted, every minute read from the responses.
        const expected = await readCounts(ctx.db, stretches, f)
        expect(await readCounts(ctx.db, stretches, f, now)).toEqual(expected)
        const results = noCounts(stretches)
        for (const pack of packPieces(planCounts(stretches, f, now), d, budget)) await readPack(ctx.db, pack, f, results)
        expect(withoutEmpty(results)).toEqual(expected)
      }),
      { numRuns: 25 },
    )
  }, 120_000)

  it('estimates the responses per minute from the busiest week of the period, at most the last 13, the last one as far as it has gone', async () => {
    const week = 7 * DAY
    // Weekly slots start on a Thursday (the epoch's weekday): 2026-03-05. One response every 4 hours
    // for 10 days (42 in the first week), and 60 more in one hour of the third week.
    const thursday = Date.parse('2026-03-05T00:00:00Z')
    await ctx.store.upsertMany(Array.from({ length: 60 }, (_, n) => response({ createdAt: iso(thursday + n * 4 * 3_600_000), updatedAt: iso(thursday) })))
    expect(await responsesPerMinute(ctx.db, thursday + DAY, thursday + 10 * DAY)).toBeCloseTo(1 / 240, 9)
    await ctx.store.upsertMany(Array.from({ length: 60 }, (_, n) => response({ createdAt: iso(thursday + 2 * week + n * MINUTE), updatedAt: iso(thursday) })))
    expect(await responsesPerMinute(ctx.db, thursday - 30 * week, thursday + 3 * week)).toBeCloseTo(60 / (7 * 1440), 9)
    // Two days into the third week: 60 responses in two days.
    expect(await responsesPerMinute(ctx.db, thursday, thursday + 2 * week + 2 * DAY)).toBeCloseTo(60 / (2 * 1440), 9)
    expect(await responsesPerMinute(ctx.db, thursday + 3 * week, thursday + 4 * week)).toBe(0)
  })
})
