// One query for every count the summary needs: the pieces of each interval (see pieces.ts) read
// from the counts table, or from the responses for the minutes off a quarter hour, added up per
// score three ways at once with GROUPING SETS.
import { pieces } from './pieces'
import type { Queryable } from './types'

/** An interval to count: `period` 0 is the current period, 1 the previous; `index` is its week. */
export interface Interval {
  period: number
  index: number
  from: number
  to: number
}

/** How many responses with `score`, per interval, per journey point or per locale (`by`). */
export interface CountRow {
  by: 'interval' | 'journeyPoint' | 'locale'
  period: number
  index: number
  journeyPoint: string | null
  locale: string | null
  score: number
  n: number
}

// GROUPING(i, journey_point, locale) is a bit mask of the columns a grouping set leaves out.
const setOf: Record<number, CountRow['by']> = { 3: 'interval', 5: 'journeyPoint', 6: 'locale' }

/**
 * Counts the responses of each interval by score, journey point and locale, optionally only those
 * of one journey point and/or locale.
 *
 * @example
 * await readCounts(db, [{ period: 0, index: 0, from, to }], {})
 * // → [{ by: 'interval', period: 0, index: 0, score: 9, n: 120, … }, { by: 'locale', locale: 'nb', … }, …]
 */
export async function readCounts(db: Queryable, intervals: Interval[], filter: { journeyPoint?: string; locale?: string }): Promise<CountRow[]> {
  const list = intervals.flatMap(({ period, index, from, to }) =>
    pieces(from, to).map((piece) => ({ p: period, i: index, span: piece.span, lo: new Date(piece.from).toISOString(), hi: new Date(piece.to).toISOString() })),
  )
  if (list.length === 0) return []
  const values: unknown[] = [JSON.stringify(list)]
  let filters = ''
  if (filter.journeyPoint !== undefined) filters += ` AND journey_point = $${values.push(filter.journeyPoint)}`
  if (filter.locale !== undefined) filters += ` AND locale = $${values.push(filter.locale)}`
  // LATERAL: one index range scan per piece, whatever the planner guesses about the JSON's size.
  const { rows } = await db.query(
    `WITH piece AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(p int, i int, span int, lo timestamptz, hi timestamptz)
     ), hit AS (
       SELECT piece.p, piece.i, c.journey_point, c.locale, c.score, c.n
       FROM piece CROSS JOIN LATERAL (
         SELECT journey_point, locale, score, n FROM response_counts
         WHERE span = piece.span AND slot >= piece.lo AND slot < piece.hi${filters}
       ) AS c
       WHERE piece.span > 0
       UNION ALL
       SELECT piece.p, piece.i, r.journey_point, r.locale, r.score, 1
       FROM piece CROSS JOIN LATERAL (
         SELECT journey_point, locale, score FROM responses
         WHERE created_at >= piece.lo AND created_at < piece.hi${filters}
       ) AS r
       WHERE piece.span = 0
     )
     SELECT p, i, journey_point, locale, score, sum(n)::int AS n, GROUPING(i, journey_point, locale)::int AS g
     FROM hit
     GROUP BY GROUPING SETS ((p, i, score), (p, journey_point, score), (p, locale, score))`,
    values,
  )
  return rows.map((row) => ({
    by: setOf[row.g]!,
    period: row.p,
    index: row.i ?? 0,
    journeyPoint: row.journey_point,
    locale: row.locale,
    score: row.score,
    n: row.n,
  }))
}
