// Reads the counts of one stretch of time (see migrations/002_counts.ts): its whole UTC days from
// the daily counts rolled up to what each question needs, its quarter hours and loose minutes
// (pieces.ts) from the full quarter-hour counts and the responses, added up per score.
import { pieces } from './pieces'
import type { Queryable } from './types'

/** Eleven counts, index = score. */
export type Counts = number[]

export interface StretchCounts {
  /** All responses of the stretch, by score. */
  total: Counts
  /** By journey point (null: none) and by locale; empty unless asked for. */
  byJourneyPoint: Map<string | null, Counts>
  byLocale: Map<string, Counts>
}

/** A stretch of time to count: [from, to) in epoch ms; `breakdowns` adds per journey point and per locale. */
export interface Stretch {
  from: number
  to: number
  breakdowns: boolean
}

export interface CountFilter {
  journeyPoint?: string
  locale?: string
}

const zero = (): Counts => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
// What a piece's rows answer: 0 the total, 1 per journey point, 2 per locale, 3 all three (whole rows).
const TOTAL = 0
const POINT = 1
const LOCALE = 2
const ALL = 3

/**
 * Counts the responses of each stretch by score, and where asked also per journey point and per
 * locale, optionally of one journey point and/or locale only, in one query. (On PGlite, which runs
 * one query at a time, the summary asks for one stretch per query, so that a POST never waits
 * behind more than one short query; on PostgreSQL for all at once, one round trip.)
 *
 * @example
 * await readCounts(db, [{ from: Date.parse('2026-03-02T00:00Z'), to: Date.parse('2026-03-09T00:00Z'), breakdowns: true }], {})
 * // → [{ total: [3, 0, …, 41], byJourneyPoint: Map { 'checkout-complete' => […], … }, byLocale: Map { … } }]
 */
export async function readCounts(db: Queryable, stretches: readonly Stretch[], filter: CountFilter): Promise<StretchCounts[]> {
  const results = stretches.map((): StretchCounts => ({ total: zero(), byJourneyPoint: new Map(), byLocale: new Map() }))
  const byPoint = filter.journeyPoint !== undefined
  const byLocale = filter.locale !== undefined
  // Daily counts with everything summed away that a question neither filters on nor breaks down by.
  const total = { q: TOTAL, rollup: (byPoint ? 0 : 1) | (byLocale ? 0 : 2) }
  const breakdowns = [total, { q: POINT, rollup: byLocale ? 0 : 2 }, { q: LOCALE, rollup: byPoint ? 0 : 1 }]
  const list = stretches.flatMap((stretch, i) =>
    pieces(stretch.from, stretch.to).flatMap(({ span, from: lo, to: hi }): { i: number; q: number; span: number; rollup: number; lo: string; hi: string }[] => {
      const range = { i, span, lo: new Date(lo).toISOString(), hi: new Date(hi).toISOString() }
      if (span === 1440) return (stretch.breakdowns ? breakdowns : [total]).map(({ q, rollup }) => ({ q, rollup, ...range }))
      return [{ q: stretch.breakdowns ? ALL : TOTAL, rollup: 0, ...range }]
    }),
  )
  if (list.length === 0) return results
  const values: unknown[] = [JSON.stringify(list)]
  let where = ''
  if (byPoint) where += ` AND journey_point = $${values.push(filter.journeyPoint)}`
  if (byLocale) where += ` AND locale = $${values.push(filter.locale)}`
  // LATERAL with OFFSET 0, which keeps the planner from flattening the subqueries into one join:
  // one index range scan per piece, whatever it guesses about the JSON's size.
  const { rows } = await db.query<{ i: number; q: number; g: number; journey_point: string | null; locale: string | null; score: number; n: number }>(
    `WITH piece AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, q int, span int, rollup int, lo timestamptz, hi timestamptz)
     ), hit AS (
       SELECT piece.i, piece.q, c.journey_point, c.locale, c.score, c.n
       FROM piece CROSS JOIN LATERAL (
         SELECT journey_point, locale, score, n FROM response_counts
         WHERE span = piece.span AND rollup = piece.rollup AND slot >= piece.lo AND slot < piece.hi${where} OFFSET 0
       ) AS c
       WHERE piece.span > 0
       UNION ALL
       SELECT piece.i, piece.q, r.journey_point, r.locale, r.score, 1
       FROM piece CROSS JOIN LATERAL (
         SELECT journey_point, locale, score FROM responses
         WHERE created_at >= piece.lo AND created_at < piece.hi${where} OFFSET 0
       ) AS r
       WHERE piece.span = 0
     )
     SELECT i, q, GROUPING(journey_point, locale)::int AS g, journey_point, locale, score, sum(n)::int AS n
     FROM hit
     GROUP BY GROUPING SETS ((i, q, score), (i, q, journey_point, score), (i, q, locale, score))`,
    values,
  )
  for (const row of rows) {
    // GROUPING(journey_point, locale): 3 for the total, 1 per journey point, 2 per locale.
    const answers = row.g === 3 ? TOTAL : row.g === 1 ? POINT : LOCALE
    if (row.q !== ALL && row.q !== answers) continue
    const result = results[row.i]!
    const counts =
      answers === TOTAL ? result.total : answers === POINT ? entry(result.byJourneyPoint, row.journey_point) : entry(result.byLocale, row.locale!)
    counts[row.score]! += row.n
  }
  return results
}

function entry<K>(map: Map<K, Counts>, key: K): Counts {
  let counts = map.get(key)
  if (!counts) map.set(key, (counts = zero()))
  return counts
}
