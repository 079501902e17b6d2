// The summary's counts: how many responses per time slot, journey point, locale and score, so
// GET /api/summary reads a few thousand counts instead of every response of the period.
//
// Time slots are UTC quarter hours (span 15) and UTC days (span 1440). The dashboard's time zone is
// a parameter, and every time zone in use today is a whole number of quarter hours from UTC, so a
// week in any of them is whole UTC days plus whole quarter hours at its two ends. The summary reads
// days where it can and quarter hours only next to a boundary; the responses themselves only for
// the minutes of a period that start or end off a quarter hour (see ../pieces.ts).
//
// A day is also counted rolled up (`rollup`, a bit mask of what is summed away: 1 the journey
// point, 2 the locale), so the trend reads 11 counts a day and each breakdown only its own
// dimension: 4 rows per day and combination instead of hundreds. Quarter hours are kept whole.
//
// Triggers keep the counts right in the transaction that changes the responses: an insert, an
// upsert that changes a score, a journey point, a locale or a time, a delete (erasure, retention),
// a TRUNCATE, and SQL typed by hand. They are statement triggers with transition tables, so one
// bulk statement costs one set-based update of the counts, not a trigger call per row.
//
// NULLS NOT DISTINCT needs PostgreSQL 15 or later: a response without a journey point is counted too.

const slot = (span: string, time: string) => `date_bin(make_interval(mins => ${span}), ${time}, TIMESTAMPTZ '1970-01-01 00:00:00+00')`
// Each response is counted in these (span, rollup) rows; a summed-away locale is '' (it is NOT NULL).
const keys = '(VALUES (15::smallint, 0::smallint), (1440, 0), (1440, 1), (1440, 2), (1440, 3)) AS k(span, rollup)'
const point = (r: string) => `CASE WHEN k.rollup & 1 = 0 THEN ${r}.journey_point END`
const locale = (r: string) => `CASE WHEN k.rollup & 2 = 0 THEN ${r}.locale ELSE '' END`

/** The count rows of the responses in `rows` (a table or subquery with created_at, journey_point, locale, score and d = ±1). */
const countsOf = (rows: string) => `SELECT k.span, k.rollup, ${slot('k.span', 'r.created_at')}, ${point('r')}, ${locale('r')}, r.score, sum(r.d)::int
    FROM ${rows} AS r CROSS JOIN ${keys}
    GROUP BY 1, 2, 3, 4, 5, 6`

/**
 * A trigger function that applies `delta` (rows read from the statement's transition tables, with
 * d = +1 for a new row and -1 for an old one) to the counts. One function per operation: a
 * statement that names a transition table its trigger does not have cannot even be planned.
 */
function countFunction(name: string, delta: string): string {
  const removes = delta.includes('old_rows')
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
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

/** Counts every stored response: the backfill of this migration, and rebuildCounts(). */
export const backfillCounts = `INSERT INTO response_counts (span, rollup, slot, journey_point, locale, score, n)
   ${countsOf('(SELECT created_at, journey_point, locale, score, 1 AS d FROM responses)')}`

export default [
  // Writers wait while the counts are built from the responses already there: a response
  // written between the backfill and the triggers would never be counted.
  'LOCK TABLE responses IN SHARE ROW EXCLUSIVE MODE',
  `CREATE TABLE response_counts (
    span          smallint    NOT NULL CHECK (span IN (15, 1440)),
    rollup        smallint    NOT NULL CHECK (rollup BETWEEN 0 AND 3),
    slot          timestamptz NOT NULL,
    journey_point text,
    locale        text        NOT NULL,
    score         smallint    NOT NULL,
    n             integer     NOT NULL,
    CONSTRAINT response_counts_key UNIQUE NULLS NOT DISTINCT (span, rollup, slot, journey_point, locale, score)
  )`,
  // The filters' lists (every journey point and locale): a loose index scan over the daily counts.
  'CREATE INDEX response_counts_journey_points ON response_counts (journey_point) WHERE span = 1440 AND rollup = 2',
  'CREATE INDEX response_counts_locales ON response_counts (locale) WHERE span = 1440 AND rollup = 1',
  backfillCounts,
  countFunction('npskit_count_inserts', 'SELECT created_at, journey_point, locale, score, 1 AS d FROM new_rows'),
  countFunction(
    'npskit_count_updates',
    'SELECT created_at, journey_point, locale, score, 1 AS d FROM new_rows UNION ALL SELECT created_at, journey_point, locale, score, -1 FROM old_rows',
  ),
  countFunction('npskit_count_deletes', 'SELECT created_at, journey_point, locale, score, -1 AS d FROM old_rows'),
  `CREATE TRIGGER responses_count_inserts AFTER INSERT ON responses
   REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION npskit_count_inserts()`,
  `CREATE TRIGGER responses_count_updates AFTER UPDATE ON responses
   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION npskit_count_updates()`,
  `CREATE TRIGGER responses_count_deletes AFTER DELETE ON responses
   REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION npskit_count_deletes()`,
  `CREATE FUNCTION npskit_clear_counts() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    DELETE FROM response_counts;
    RETURN NULL;
  END
  $fn$`,
  'CREATE TRIGGER responses_clear_counts AFTER TRUNCATE ON responses FOR EACH STATEMENT EXECUTE FUNCTION npskit_clear_counts()',
]
