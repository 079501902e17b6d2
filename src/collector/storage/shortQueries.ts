// PGlite runs every statement on the collector's only thread, and a POST waits for the one that is
// running (see pglite.ts): how long a POST can wait behind a dashboard is the longest query of a
// summary. So PGlite reads a summary's pieces (readCounts.ts) in queries of about ROWS_PER_QUERY
// count rows: a longer piece is cut at slot boundaries, shorter ones of one kind share a query
// that is quick to plan (readCounts' one query for every piece takes about a millisecond to plan
// and start). Rows are estimated from the responses per minute around the period and the number
// of journey points and locales. Measured at 1,000,000 responses: a 90-day summary is about 30
// queries, the longest a millisecond or two.
import { MINUTE } from './pieces'
import { addCounted, BIT, filterSql, type CountFilter, type CountPiece, type Question, type StretchCounts } from './readCounts'
import type { Queryable } from './types'

/** About as many count rows as one PGlite query reads in a millisecond. */
export const ROWS_PER_QUERY = 500

const WEEK = 7 * 1440 * MINUTE

/** What the size of the counts is estimated from. */
export interface Density {
  /** Responses per minute around the period. */
  perMinute: number
  /** How many values the counts can hold: journey points (no journey point included) and locales. */
  points: number
  locales: number
}

/**
 * Estimated rows in a slot of (span, rollup): a row per combination of score and what the rollup
 * keeps, but never more than the slot's responses (span 0: the responses of a minute).
 *
 * @example
 * rowsPerSlot(15, 0, { perMinute: 2, points: 6, locales: 7 }) // → 30: a quarter hour's responses, fewer than its 462 combinations
 */
export function rowsPerSlot(span: number, rollup: number, { perMinute, points, locales }: Density): number {
  const responses = perMinute * (span || 1)
  if (span === 0) return responses
  const combinations = 11 * (rollup & 1 ? 1 : points) * (rollup & 2 ? 1 : locales)
  return Math.max(1, Math.min(combinations, responses))
}

/**
 * `list` in order, each piece of more than about `rowsPerQuery` estimated rows cut into parts of
 * whole slots (at least one) or, for responses, of any length. Every instant of every piece is in
 * exactly one part.
 *
 * @example
 * cutPieces([{ i: 0, q: 1, span: 60, rollup: 3, lo, hi: lo + 48 * 3_600_000 }], density, 110) // → two pieces of 24 hours
 */
export function cutPieces(list: readonly CountPiece[], density: Density, rowsPerQuery = ROWS_PER_QUERY): CountPiece[] {
  return list.flatMap((piece) => {
    const slot = (piece.span || 1) * MINUTE
    const fits = rowsPerQuery / rowsPerSlot(piece.span, piece.rollup, density)
    // Responses can be cut anywhere (to the millisecond), counts only between slots.
    const step = piece.span ? Math.max(1, Math.floor(fits)) * slot : Math.max(1, Math.floor(fits * slot))
    const parts: CountPiece[] = []
    for (let lo = piece.lo; lo < piece.hi; lo += step) parts.push({ ...piece, lo, hi: Math.min(piece.hi, lo + step) })
    return parts
  })
}

/** Estimated rows of a piece. */
const rowsOf = (piece: CountPiece, density: Density) => ((piece.hi - piece.lo) / ((piece.span || 1) * MINUTE)) * rowsPerSlot(piece.span, piece.rollup, density)

/**
 * `list` cut (cutPieces) and packed into queries: pieces of one span, rollup and questions that
 * do not overlap, about `rowsPerQuery` estimated rows a query; responses one piece a query.
 *
 * @example
 * for (const pack of packPieces(planCounts(stretches, filter), density)) await readPack(db, pack, filter, results)
 */
export function packPieces(list: readonly CountPiece[], density: Density, rowsPerQuery = ROWS_PER_QUERY): CountPiece[][] {
  const groups = new Map<string, CountPiece[]>()
  for (const piece of cutPieces(list, density, rowsPerQuery)) {
    const key = [piece.span, piece.rollup, piece.q, piece.sign].join()
    const group = groups.get(key) ?? groups.set(key, []).get(key)!
    group.push(piece)
  }
  const packs: CountPiece[][] = []
  for (const group of groups.values()) {
    group.sort((a, b) => a.lo - b.lo)
    let pack: CountPiece[] = []
    let rows = 0
    // Where the pack's pieces end: a piece that starts before overlaps one of them.
    let end = -Infinity
    for (const piece of group) {
      const estimate = rowsOf(piece, density)
      if (pack.length && (piece.span === 0 || piece.lo < end || rows + estimate > rowsPerQuery)) {
        packs.push(pack)
        pack = []
        rows = 0
        end = -Infinity
      }
      pack.push(piece)
      rows += estimate
      end = Math.max(end, piece.hi)
    }
    if (pack.length) packs.push(pack)
  }
  return packs
}

const SETS: [Question, string][] = [
  ['total', '(k, score)'],
  ['point', '(k, journey_point, score)'],
  ['locale', '(k, locale, score)'],
]

/** The grouping sets of a pack's questions, and its columns as readCounts' query gives them. */
function groupingOf(q: number): { sets: string; columns: string } {
  const asked = SETS.filter(([question]) => q & BIT[question])
  // GROUPING() takes only columns that some set groups by: a column no set has is summed away.
  const column = (name: string, question: Question) =>
    asked.some(([it]) => it === question) ? { grouping: `GROUPING(${name})`, value: name } : { grouping: '1', value: `NULL::text AS ${name}` }
  const point = column('journey_point', 'point')
  const locale = column('locale', 'locale')
  return {
    sets: asked.map(([, set]) => set).join(', '),
    columns: `(${point.grouping} * 2 + ${locale.grouping})::int AS g, ${point.value}, ${locale.value}`,
  }
}

/**
 * Reads a pack (from packPieces) in one short query and adds what it counts to `results`
 * (indexed as the pieces' stretches), as readCounts would.
 *
 * @example
 * const results = noCounts(stretches)
 * for (const pack of packPieces(planCounts(stretches, filter), density)) await readPack(db, pack, filter, results)
 */
export async function readPack(db: Queryable, pack: readonly CountPiece[], filter: CountFilter, results: StretchCounts[]): Promise<void> {
  const { span, rollup, q, sign = 1 } = pack[0]!
  const iso = (ms: number) => new Date(ms).toISOString()
  // Counts: the slots of every piece, each told to its piece by the pieces' starts (k, from 1).
  // Slots listed one by one, an index lookup each, are quicker to plan than ranges joined to a list.
  const slots = (): string[] => pack.flatMap(({ lo, hi }) => Array.from({ length: (hi - lo) / (span * MINUTE) }, (_, n) => iso(lo + n * span * MINUTE)))
  const values: unknown[] = span ? [`{${pack.map((p) => iso(p.lo)).join()}}`, `{${slots().join()}}`] : [iso(pack[0]!.lo), iso(pack[0]!.hi)]
  const where = filterSql(filter, values)
  const source = span
    ? `SELECT width_bucket(slot, $1::timestamptz[]) AS k, journey_point, locale, score, n * ${sign} AS n FROM response_counts
       WHERE span = ${span} AND rollup = ${rollup} AND slot = ANY($2::timestamptz[])${where}`
    : `SELECT 1 AS k, journey_point, locale, score, ${sign} AS n FROM responses WHERE created_at >= $1 AND created_at < $2${where}`
  const { sets, columns } = groupingOf(q)
  // One row of one JSON array: PGlite's driver decodes each field of each row on its own, which
  // costs more than the query itself.
  const { rows } = await db.query<{ counted: [k: number, g: number, journeyPoint: string | null, locale: string | null, score: number, n: number][] | null }>(
    `SELECT json_agg(json_build_array(k, g, journey_point, locale, score, n)) AS counted FROM (
       SELECT k, ${columns}, score, sum(n)::int AS n FROM (${source}) AS c GROUP BY GROUPING SETS (${sets})
     ) AS x`,
    values,
  )
  addCounted(
    results,
    (rows[0]?.counted ?? []).map(([k, g, journey_point, locale, score, n]) => ({ i: pack[k - 1]!.i, q, g, journey_point, locale, score, n })),
  )
}

/**
 * Responses per minute in the busiest UTC week (as counted) from the one holding `from` to `to`,
 * at most the last 13, the week holding `to` as far as it has gone: one short query over the
 * weekly totals. The busiest, not the average, so that a quiet spell does not make the queries of
 * a busy one long.
 *
 * @example
 * const perMinute = await responsesPerMinute(db, Date.now() - 90 * 864e5, Date.now())
 */
export async function responsesPerMinute(db: Queryable, from: number, to: number): Promise<number> {
  const start = Math.floor(Math.max(from, to - 13 * WEEK) / WEEK) * WEEK
  if (!(start < to)) return 0
  const { rows } = await db.query<{ n: number | null }>(
    `SELECT max(n / LEAST(10080, EXTRACT(EPOCH FROM $2::timestamptz - slot) / 60))::float8 AS n FROM (
       SELECT slot, sum(n) AS n FROM response_counts WHERE span = 10080 AND rollup = 3 AND slot >= $1 AND slot < $2 GROUP BY slot
     ) AS week`,
    [new Date(start).toISOString(), new Date(to).toISOString()],
  )
  return rows[0]?.n ?? 0
}
