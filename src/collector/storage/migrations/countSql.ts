// The SQL that keeps response_counts (see 002_counts.ts and 008_counts_coarser.ts) for a list of
// (span, rollup) keys: the trigger functions and the backfill. Shared so that a migration that
// adds keys writes the same SQL as the one that made the table, only with more keys.

/** One kind of count row: its slot length in minutes and what it sums away (1 journey point, 2 locale). */
export interface CountKey {
  readonly span: number
  readonly rollup: number
}

const slot = (span: string, time: string) => `date_bin(make_interval(mins => ${span}), ${time}, TIMESTAMPTZ '1970-01-01 00:00:00+00')`
const point = (r: string) => `CASE WHEN k.rollup & 1 = 0 THEN ${r}.journey_point END`
// A summed-away locale is '' (the column is NOT NULL).
const locale = (r: string) => `CASE WHEN k.rollup & 2 = 0 THEN ${r}.locale ELSE '' END`

/**
 * The trigger functions and backfill for `keys`.
 *
 * @example
 * const { countFunction, backfill } = countSql([{ span: 15, rollup: 0 }, { span: 1440, rollup: 3 }])
 */
export function countSql(list: readonly CountKey[]) {
  const keys = `(VALUES ${list.map((k, i) => (i === 0 ? `(${k.span}::smallint, ${k.rollup}::smallint)` : `(${k.span}, ${k.rollup})`)).join(', ')}) AS k(span, rollup)`

  /** The count rows of the responses in `rows` (a table or subquery with created_at, journey_point, locale, score and d = ±1). */
  const countsOf = (rows: string) => `SELECT k.span, k.rollup, ${slot('k.span', 'r.created_at')}, ${point('r')}, ${locale('r')}, r.score, sum(r.d)::int
    FROM ${rows} AS r CROSS JOIN ${keys}
    GROUP BY 1, 2, 3, 4, 5, 6`

  /**
   * A trigger function that applies `delta` (rows read from the statement's transition tables, with
   * d = +1 for a new row and -1 for an old one) to the counts. One function per operation: a
   * statement that names a transition table its trigger does not have cannot even be planned.
   */
  function countFunction(name: string, delta: string, create = 'CREATE'): string {
    const removes = delta.includes('old_rows')
    return `${create} FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    -- Net change per count: an update that changes none of the counted columns nets 0 and writes
    -- nothing. Rows go in key order, so two transactions that touch the same counts take their
    -- locks in the same order and never deadlock.
    INSERT INTO response_counts AS c (span, rollup, slot, journey_point, locale, score, n)
    ${countsOf(`(${delta})`)}
    HAVING sum(r.d) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT response_counts_key DO UPDATE SET n = c.n + excluded.n;${
      removes
        ? `
    -- A count that reaches 0 goes, so the filters list only what is still stored.
    DELETE FROM response_counts c
    USING (SELECT DISTINCT created_at, journey_point, locale, score FROM old_rows) AS o CROSS JOIN ${keys}
    WHERE c.n = 0 AND c.span = k.span AND c.rollup = k.rollup AND c.slot = ${slot('k.span', 'o.created_at')}
      AND c.journey_point IS NOT DISTINCT FROM ${point('o')} AND c.locale = ${locale('o')} AND c.score = o.score;`
        : ''
    }
    RETURN NULL;
  END
  $fn$`
  }

  /** The three trigger functions (insert, update, delete); `create` is 'CREATE' or 'CREATE OR REPLACE'. */
  const countFunctions = (create = 'CREATE') => [
    countFunction('npskit_count_inserts', 'SELECT created_at, journey_point, locale, score, 1 AS d FROM new_rows', create),
    countFunction(
      'npskit_count_updates',
      'SELECT created_at, journey_point, locale, score, 1 AS d FROM new_rows UNION ALL SELECT created_at, journey_point, locale, score, -1 FROM old_rows',
      create,
    ),
    countFunction('npskit_count_deletes', 'SELECT created_at, journey_point, locale, score, -1 AS d FROM old_rows', create),
  ]

  /** Counts every stored response under these keys. */
  const backfill = `INSERT INTO response_counts (span, rollup, slot, journey_point, locale, score, n)
   ${countsOf('(SELECT created_at, journey_point, locale, score, 1 AS d FROM responses)')}`

  return { countFunctions, backfill }
}
