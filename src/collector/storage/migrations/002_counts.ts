// The summary's counts: how many responses per time slot, journey point, locale and score, so
// GET /api/summary reads a few thousand counts instead of every response of the period.
//
// Time slots are UTC quarter hours (span 15) and UTC days (span 1440); 008_counts_coarser.ts adds
// hours and UTC weeks. The dashboard's time zone is
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

import { countSql } from './countSql'

// Each response is counted in these (span, rollup) rows. The SQL is built by countSql.ts, which
// 008_counts_coarser.ts calls with more keys; for these keys it is the SQL this migration shipped.
const { countFunctions, backfill } = countSql([
  { span: 15, rollup: 0 },
  { span: 1440, rollup: 0 },
  { span: 1440, rollup: 1 },
  { span: 1440, rollup: 2 },
  { span: 1440, rollup: 3 },
])

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
  backfill,
  ...countFunctions(),
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
