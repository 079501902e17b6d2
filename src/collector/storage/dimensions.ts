import type { Queryable } from './types'

// A loose index scan: each step jumps to the next distinct value in the index, so the cost is the
// number of distinct values, not of counts (SELECT DISTINCT would read them all).
// The daily counts that keep the column and sum the other one away: the partial indexes' rows.
const distinct = (column: 'journey_point' | 'locale', scope = `span = 1440 AND rollup = ${column === 'locale' ? 1 : 2}`) => `WITH RECURSIVE v(value) AS (
    (SELECT ${column} FROM response_counts WHERE ${scope} AND ${column} IS NOT NULL ORDER BY ${column} LIMIT 1)
    UNION ALL
    SELECT (SELECT ${column} FROM response_counts WHERE ${scope} AND ${column} > v.value ORDER BY ${column} LIMIT 1)
    FROM v WHERE v.value IS NOT NULL
  )
  SELECT value FROM v WHERE value IS NOT NULL`

/** Every journey point and locale of the stored responses, sorted, for the dashboard's filters. */
export async function dimensions(db: Queryable): Promise<{ journeyPoints: string[]; locales: string[] }> {
  const [points, locales] = await Promise.all([db.query<{ value: string }>(distinct('journey_point')), db.query<{ value: string }>(distinct('locale'))])
  // Sorted here, by code point: the same order on every driver and database collation.
  const sorted = (rows: { value: string }[]) => rows.map((r) => r.value).sort()
  return { journeyPoints: sorted(points.rows), locales: sorted(locales.rows) }
}
