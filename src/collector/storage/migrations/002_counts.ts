// The summary's counts: how many responses per time slot × journey point × locale × score, so
// GET /api/summary reads a few thousand counts instead of every response of the period.
//
// Time slots are UTC quarter hours (span 15) and UTC days (span 1440). The dashboard's time zone is
// a parameter, and every time zone in use today is a whole number of quarter hours from UTC, so a
// week in any of them is whole UTC days plus whole quarter hours at its two ends. The summary reads
// the days where it can and quarter hours only next to a boundary; the responses table itself
// only for the minutes of a period that start or end off a quarter hour (see ../pieces.ts).
//
// Triggers keep the counts right in the transaction that changes the responses: an insert, an
// upsert that changes a score, a journey point, a locale or a time, a delete (erasure, retention),
// a TRUNCATE, and SQL typed by hand. They are statement triggers with transition tables, so one
// bulk statement costs one set-based update of the counts, not a trigger call per row.
//
// NULLS NOT DISTINCT (PostgreSQL 15+): a response without a journey point has a count row too.
const slot = (span: string, time: string) => `date_bin(make_interval(mins => ${span}), ${time}, TIMESTAMPTZ '1970-01-01 00:00:00+00')`
const spans = '(VALUES (15::smallint), (1440::smallint)) AS s(span)'

/**
 * A trigger function that applies `delta` (rows of created_at, journey_point, locale, score and
 * d = +1 or -1, read from the statement's transition tables) to the counts. One function per
 * operation: a statement that names a transition table the trigger does not have cannot be planned.
 */
function countFunction(name: string, delta: string): string {
  const removes = delta.includes('old_rows')
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    -- Net change per count. An update that changes none of the counted columns nets 0 and writes
    -- nothing. Rows go in key order, so two transactions that touch the same counts take their
    -- locks in the same order and never deadlock.
    INSERT INTO response_counts AS c (span, slot, journey_point, locale, score, n)
    SELECT s.span, ${slot('s.span', 'delta.created_at')}, delta.journey_point, delta.locale, delta.score, sum(delta.d)::int
    FROM (${delta}) AS delta CROSS JOIN ${spans}
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(delta.d) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT response_counts_key DO UPDATE SET n = c.n + excluded.n;${
      removes
        ? `
    -- A count that reaches 0 goes, so the filters list only what is still stored.
    DELETE FROM response_counts c
    USING (SELECT DISTINCT created_at, journey_point, locale, score FROM old_rows) AS o CROSS JOIN ${spans}
    WHERE c.n = 0 AND c.span = s.span AND c.slot = ${slot('s.span', 'o.created_at')}
      AND c.journey_point IS NOT DISTINCT FROM o.journey_point AND c.locale = o.locale AND c.score = o.score;`
        : ''
    }
    RETURN NULL;
  END
  $fn$`
}

export default [
  // Writers must wait while the counts are built from the responses already there, or a response
  // written between the backfill and the trigger would never be counted.
  'LOCK TABLE responses IN SHARE ROW EXCLUSIVE MODE',
  `CREATE TABLE response_counts (
    span          smallint    NOT NULL CHECK (span IN (15, 1440)),
    slot          timestamptz NOT NULL,
    journey_point text,
    locale        text        NOT NULL,
    score         smallint    NOT NULL,
    n             integer     NOT NULL,
    CONSTRAINT response_counts_key UNIQUE NULLS NOT DISTINCT (span, slot, journey_point, locale, score)
  )`,
  // The filters' lists (every journey point and locale): a loose index scan over the daily counts.
  'CREATE INDEX response_counts_journey_points ON response_counts (journey_point) WHERE span = 1440',
  'CREATE INDEX response_counts_locales ON response_counts (locale) WHERE span = 1440',
  `INSERT INTO response_counts (span, slot, journey_point, locale, score, n)
   SELECT s.span, ${slot('s.span', 'r.created_at')}, r.journey_point, r.locale, r.score, count(*)::int
   FROM responses r CROSS JOIN ${spans}
   GROUP BY 1, 2, 3, 4, 5`,
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
