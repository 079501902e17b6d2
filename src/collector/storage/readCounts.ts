// Reads the counts of one stretch of time (see migrations/002_counts.ts and 008_counts_coarser.ts):
// its middle from the coarsest counts kept for each question (UTC weeks, days, hours) rolled up to
// what the question needs, its ends from the full quarter-hour counts and the responses
// (pieces.ts), added up per score.
import { pieces, QUARTER } from './pieces'
import type { Queryable } from './types'

/** Eleven counts, index = score. */
export type Counts = number[]

/** What a stretch is counted for: all its responses, per journey point, per locale. */
export type Question = 'total' | 'point' | 'locale'

export interface StretchCounts {
  /** All responses of the stretch, by score (zero unless asked for). */
  total: Counts
  /** By journey point (null: none) and by locale; empty unless asked for. */
  byJourneyPoint: Map<string | null, Counts>
  byLocale: Map<string, Counts>
}

/** A stretch of time to count: [from, to) in epoch ms, for the questions asked. */
export interface Stretch {
  from: number
  to: number
  questions: readonly Question[]
}

export interface CountFilter {
  journeyPoint?: string
  locale?: string
}

const zero = (): Counts => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
// A piece's `q` is a bit mask of the questions its rows answer.
export const BIT: Record<Question, number> = { total: 1, point: 2, locale: 4 }
// The rollups each coarse span is counted with (migration 008). Quarter hours are counted whole
// (rollup 0): they answer every question at once.
const COARSE: readonly [span: number, rollups: readonly number[]][] = [
  [60, [3]],
  [1440, [0, 1, 2, 3]],
  [10080, [0, 1, 2, 3]],
]

/** A piece of a stretch to read: [lo, hi) in epoch ms of the counts of (span, rollup), or of the responses (span 0). */
export interface CountPiece {
  /** The stretch it counts for (its index). */
  i: number
  /** The questions it answers, a bit mask. */
  q: number
  span: number
  rollup: number
  lo: number
  hi: number
  /** -1: subtracted (see pieces.ts and planCounts); added without it. */
  sign?: -1
}

/**
 * The pieces to read for each stretch. A question sums away (rollup: 1 the journey point, 2 the
 * locale) what it neither filters on nor breaks down by; it reads the coarse spans counted with
 * that rollup, and whole quarter hours and responses at the ends, which questions with the same
 * spans share.
 *
 * Minutes at the end of a stretch that reaches `now` (a dashboard's default view) are read as
 * their whole quarter hour less the responses after the stretch, which are none unless a clock
 * runs ahead: reading the minutes themselves reads every response just sent, a burst included.
 *
 * @example
 * planCounts([{ from, to: now, questions: ['total'] }], {}, now) // → pieces, the last one { span: 0, lo: now, hi: …, sign: -1 }
 */
export function planCounts(stretches: readonly Stretch[], filter: CountFilter, now = Infinity): CountPiece[] {
  const byPoint = filter.journeyPoint !== undefined ? 0 : 1
  const byLocale = filter.locale !== undefined ? 0 : 2
  const rollupOf: Record<Question, number> = { total: byPoint | byLocale, point: byLocale, locale: byPoint }
  return stretches.flatMap(({ from, to, questions }, i) => {
    const groups = new Map<string, { spans: number[]; questions: Question[] }>()
    for (const question of new Set(questions)) {
      const spans = [15, ...COARSE.filter(([, rollups]) => rollups.includes(rollupOf[question])).map(([span]) => span)]
      const key = spans.join()
      const group = groups.get(key) ?? groups.set(key, { spans, questions: [] }).get(key)!
      group.questions.push(question)
    }
    return [...groups.values()].flatMap(({ spans, questions: asked }) =>
      pieces(from, to, spans).flatMap(({ span, from: lo, to: hi, sign }): CountPiece[] => {
        const signed = (s: number) => (s < 0 ? { sign: -1 as const } : {})
        const range = { i, span, lo, hi, ...signed(sign) }
        const q = asked.reduce((q, question) => q | BIT[question], 0)
        if (span === 0 && lo % QUARTER === 0 && hi >= now) {
          return [
            { i, span: 15, lo, hi: lo + QUARTER, q, rollup: 0, ...signed(sign) },
            { i, span: 0, lo: hi, hi: lo + QUARTER, q, rollup: 0, ...signed(-sign) },
          ]
        }
        if (span <= 15) return [{ ...range, q, rollup: 0 }]
        return asked.map((question) => ({ ...range, q: BIT[question], rollup: rollupOf[question] }))
      }),
    )
  })
}

/** What nothing has been counted in yet, per stretch. */
export const noCounts = (stretches: readonly unknown[]) => stretches.map((): StretchCounts => ({ total: zero(), byJourneyPoint: new Map(), byLocale: new Map() }))

/**
 * Counts the responses of each stretch by score, per journey point and/or per locale, as each
 * stretch asks, optionally of one journey point and/or locale only, in one query.
 *
 * @example
 * await readCounts(db, [{ from: Date.parse('2026-03-02T00:00Z'), to: Date.parse('2026-03-09T00:00Z'), questions: ['total', 'point'] }], {})
 * // → [{ total: [3, 0, …, 41], byJourneyPoint: Map { 'checkout-complete' => […], … }, byLocale: Map {} }]
 */
export async function readCounts(db: Queryable, stretches: readonly Stretch[], filter: CountFilter, now = Infinity): Promise<StretchCounts[]> {
  const results = noCounts(stretches)
  const list = planCounts(stretches, filter, now)
  if (list.length === 0) return results
  const iso = (ms: number) => new Date(ms).toISOString()
  const values: unknown[] = [JSON.stringify(list.map((p) => ({ ...p, lo: iso(p.lo), hi: iso(p.hi), sign: p.sign ?? 1 })))]
  const where = filterSql(filter, values)
  // LATERAL with OFFSET 0, which keeps the planner from flattening the subqueries into one join:
  // one index range scan per piece, whatever it guesses about the JSON's size.
  // One row of one JSON array, as in shortQueries.ts: the driver decodes one field, not thousands.
  const { rows } = await db.query<{ counted: [i: number, q: number, g: number, journeyPoint: string | null, locale: string | null, score: number, n: number][] | null }>(
    `WITH piece AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, q int, span int, rollup int, lo timestamptz, hi timestamptz, sign int)
     ), hit AS (
       SELECT piece.i, piece.q, c.journey_point, c.locale, c.score, c.n * piece.sign AS n
       FROM piece CROSS JOIN LATERAL (
         SELECT journey_point, locale, score, n FROM response_counts
         WHERE span = piece.span AND rollup = piece.rollup AND slot >= piece.lo AND slot < piece.hi${where} OFFSET 0
       ) AS c
       WHERE piece.span > 0
       UNION ALL
       SELECT piece.i, piece.q, r.journey_point, r.locale, r.score, piece.sign
       FROM piece CROSS JOIN LATERAL (
         SELECT journey_point, locale, score FROM responses
         WHERE created_at >= piece.lo AND created_at < piece.hi${where} OFFSET 0
       ) AS r
       WHERE piece.span = 0
     ), counted AS (
       SELECT i, q, GROUPING(journey_point, locale)::int AS g, journey_point, locale, score, sum(n)::int AS n
       FROM hit
       GROUP BY GROUPING SETS ((i, q, score), (i, q, journey_point, score), (i, q, locale, score))
     )
     SELECT json_agg(json_build_array(i, q, g, journey_point, locale, score, n)) AS counted FROM counted`,
    values,
  )
  addCounted(
    results,
    (rows[0]?.counted ?? []).map(([i, q, g, journey_point, locale, score, n]) => ({ i, q, g, journey_point, locale, score, n })),
  )
  return withoutEmpty(results)
}

/**
 * `results` without the journey points and locales counted nowhere: a subtracted piece (see
 * planCounts) leaves a zero where it took away what a quarter hour counted.
 *
 * @example
 * withoutEmpty(results)[0].byLocale.has('sv') // false when every count of 'sv' came to 0
 */
export function withoutEmpty(results: StretchCounts[]): StretchCounts[] {
  for (const result of results) {
    for (const map of [result.byJourneyPoint, result.byLocale] as Map<unknown, Counts>[]) {
      for (const [key, counts] of map) if (counts.every((n) => n === 0)) map.delete(key)
    }
  }
  return results
}

/** The SQL that keeps the rows of `filter`, its values appended to `values`. */
export function filterSql(filter: CountFilter, values: unknown[]): string {
  let where = ''
  if (filter.journeyPoint !== undefined) where += ` AND journey_point = $${values.push(filter.journeyPoint)}`
  if (filter.locale !== undefined) where += ` AND locale = $${values.push(filter.locale)}`
  return where
}

/** A row of counts: of piece `i`, `q`, grouped as GROUPING(journey_point, locale) says. */
export interface CountedRow {
  i: number
  q: number
  g: number
  journey_point: string | null
  locale: string | null
  score: number
  n: number
}

/**
 * Adds counted rows to `results`: each to what its grouping answers (GROUPING(journey_point,
 * locale): 3 the total, 1 per journey point, 2 per locale), if its piece asked that question.
 *
 * @example
 * addCounted(results, [{ i: 0, q: 1, g: 3, journey_point: null, locale: null, score: 9, n: 4 }]) // results[0].total[9] += 4
 */
export function addCounted(results: StretchCounts[], rows: readonly CountedRow[]): void {
  for (const row of rows) {
    const answers: Question = row.g === 3 ? 'total' : row.g === 1 ? 'point' : 'locale'
    if (!(row.q & BIT[answers])) continue
    const result = results[row.i]!
    const counts =
      answers === 'total' ? result.total : answers === 'point' ? entry(result.byJourneyPoint, row.journey_point) : entry(result.byLocale, row.locale!)
    counts[row.score]! += row.n
  }
}

function entry<K>(map: Map<K, Counts>, key: K): Counts {
  let counts = map.get(key)
  if (!counts) map.set(key, (counts = zero()))
  return counts
}
