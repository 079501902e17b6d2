// Issue #19: events (shown, dismissed, sent), the channel of a response, the counts of the
// dashboard's funnel, and the person hashes of the recontact check.
//
// Person hashes: sha256_hex(salt + "\n" + key), key `id:<user.id>` or `email:<trimmed lower-case
// email>`, the same the widget sends to GET /api/recontact. The collector computes them in Node at
// write time (with JavaScript's String() and toLowerCase(), exactly as the widget does), so the
// check is an index lookup; this migration computes those of the responses already stored in SQL,
// which agrees for every id and ASCII address (only exotic numbers such as 1e21, or non-ASCII
// capitals on a database in the C locale, would differ).
//
// The funnel's counts: per UTC hour, journey point, channel and step (sent, shown, dismissed,
// answered, commented), kept by statement triggers like the summary's counts (002), so the funnel
// reads counts, not every event and response of the period.

// Every time zone is a whole number of hours from UTC, or half or three quarters of one: weeks in
// those few zones are cut at their UTC hour (at most 45 minutes off, and only at a week's ends).
const hour = (time: string) => `date_trunc('hour', ${time} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`

/** The salted SHA-256 in SQL, for the backfill. */
const hashSql = (key: string) => `encode(sha256(convert_to((SELECT salt FROM recontact_salt) || E'\\n' || ${key}, 'UTF8')), 'hex')`
const idKey = `'id:' || NULLIF(user_info->>'id', '')`
const emailKey = `'email:' || NULLIF(lower(btrim(user_info->>'email')), '')`

/** The funnel rows of responses in `rows` (created_at, journey_point, channel, comment, d = ±1). */
const responseSteps = (rows: string) => `SELECT ${hour('r.created_at')}, r.journey_point, r.channel, s.step, sum(r.d)::int
    FROM ${rows} AS r CROSS JOIN LATERAL (VALUES ('answered'), (CASE WHEN r.comment <> '' THEN 'commented' END)) AS s(step)
    WHERE s.step IS NOT NULL
    GROUP BY 1, 2, 3, 4`

/** The funnel rows of events in `rows` (at, journey_point, channel, kind, d = ±1). */
const eventSteps = (rows: string) => `SELECT ${hour('r.at')}, r.journey_point, r.channel, r.kind, sum(r.d)::int
    FROM ${rows} AS r
    GROUP BY 1, 2, 3, 4`

/** A trigger function that applies the net change of its statement's rows to funnel_counts. */
function stepFunction(name: string, steps: string): string {
  const removes = steps.includes('old_rows')
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    -- In key order, so concurrent writers take their row locks in the same order.
    INSERT INTO funnel_counts AS c (slot, journey_point, channel, step, n)
    SELECT * FROM (${steps}) AS d(slot, journey_point, channel, step, n)
    WHERE d.n <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT funnel_counts_key DO UPDATE SET n = c.n + excluded.n;${
      removes
        ? `
    -- A count that reaches 0 goes; only the keys this statement touched are looked at.
    DELETE FROM funnel_counts c
    USING (${steps}) AS d(slot, journey_point, channel, step, n)
    WHERE c.n = 0 AND c.slot = d.slot AND c.journey_point IS NOT DISTINCT FROM d.journey_point
      AND c.channel = d.channel AND c.step = d.step;`
        : ''
    }
    RETURN NULL;
  END
  $fn$`
}

const responseRows = (table: string, d: number) => `SELECT created_at, journey_point, channel, comment, ${d} AS d FROM ${table}`
const eventRows = (table: string, d: number) => `SELECT at, journey_point, channel, kind, ${d} AS d FROM ${table}`

/** Counts every stored response and event: the backfill here, and rebuildFunnel(). */
export const backfillFunnel = [
  `INSERT INTO funnel_counts (slot, journey_point, channel, step, n) ${responseSteps(`(${responseRows('responses', 1)})`)}`,
  `INSERT INTO funnel_counts AS c (slot, journey_point, channel, step, n) ${eventSteps(`(${eventRows('events', 1)})`)}
   ON CONFLICT ON CONSTRAINT funnel_counts_key DO UPDATE SET n = c.n + excluded.n`,
]

export default [
  'LOCK TABLE responses IN SHARE ROW EXCLUSIVE MODE',
  // One salt per collector, made here once: 32 bytes from two random UUIDs (244 random bits), base64url.
  `CREATE TABLE recontact_salt (
    one  boolean PRIMARY KEY DEFAULT true CHECK (one),
    salt text    NOT NULL
  )`,
  `INSERT INTO recontact_salt (salt)
   SELECT rtrim(translate(encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'base64'), '+/', '-_'), '=')`,
  "ALTER TABLE responses ADD COLUMN channel text NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'email'))",
  'ALTER TABLE responses ADD COLUMN person_id_hash text',
  'ALTER TABLE responses ADD COLUMN person_email_hash text',
  `UPDATE responses SET person_id_hash = ${hashSql(idKey)}, person_email_hash = ${hashSql(emailKey)}
   WHERE user_info IS NOT NULL`,
  'CREATE INDEX responses_person_id ON responses (person_id_hash, created_at) WHERE person_id_hash IS NOT NULL',
  'CREATE INDEX responses_person_email ON responses (person_email_hash, created_at) WHERE person_email_hash IS NOT NULL',
  // Events keep no user: only the hashes the recontact check and erasure need.
  `CREATE TABLE events (
    id                uuid PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('shown', 'dismissed', 'sent')),
    survey_id         text        NOT NULL,
    response_id       uuid,
    journey_point     text,
    channel           text        NOT NULL CHECK (channel IN ('web', 'email')),
    locale            text        NOT NULL,
    page              text        NOT NULL,
    at                timestamptz NOT NULL,
    sdk_version       text        NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now(),
    person_id_hash    text,
    person_email_hash text
  )`,
  'CREATE INDEX events_at ON events (at)',
  'CREATE INDEX events_person_id ON events (person_id_hash, at) WHERE person_id_hash IS NOT NULL',
  'CREATE INDEX events_person_email ON events (person_email_hash, at) WHERE person_email_hash IS NOT NULL',
  `CREATE TABLE funnel_counts (
    slot          timestamptz NOT NULL,
    journey_point text,
    channel       text        NOT NULL,
    step          text        NOT NULL CHECK (step IN ('sent', 'shown', 'dismissed', 'answered', 'commented')),
    n             integer     NOT NULL,
    CONSTRAINT funnel_counts_key UNIQUE NULLS NOT DISTINCT (slot, journey_point, channel, step)
  )`,
  ...backfillFunnel,
  stepFunction('npskit_funnel_response_inserts', responseSteps(`(${responseRows('new_rows', 1)})`)),
  stepFunction('npskit_funnel_response_updates', responseSteps(`(${responseRows('new_rows', 1)} UNION ALL ${responseRows('old_rows', -1)})`)),
  stepFunction('npskit_funnel_response_deletes', responseSteps(`(${responseRows('old_rows', -1)})`)),
  stepFunction('npskit_funnel_event_inserts', eventSteps(`(${eventRows('new_rows', 1)})`)),
  stepFunction('npskit_funnel_event_updates', eventSteps(`(${eventRows('new_rows', 1)} UNION ALL ${eventRows('old_rows', -1)})`)),
  stepFunction('npskit_funnel_event_deletes', eventSteps(`(${eventRows('old_rows', -1)})`)),
  ...[
    ['responses', 'response'],
    ['events', 'event'],
  ].flatMap(([table, name]) => [
    `CREATE TRIGGER ${table}_funnel_inserts AFTER INSERT ON ${table}
     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION npskit_funnel_${name}_inserts()`,
    `CREATE TRIGGER ${table}_funnel_updates AFTER UPDATE ON ${table}
     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION npskit_funnel_${name}_updates()`,
    `CREATE TRIGGER ${table}_funnel_deletes AFTER DELETE ON ${table}
     REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION npskit_funnel_${name}_deletes()`,
  ]),
  `CREATE FUNCTION npskit_clear_funnel() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    -- What is left is the other table's: recount it (a TRUNCATE is rare, and never on the POST path).
    DELETE FROM funnel_counts;
    ${backfillFunnel.join(';\n    ')};
    RETURN NULL;
  END
  $fn$`,
  'CREATE TRIGGER responses_clear_funnel AFTER TRUNCATE ON responses FOR EACH STATEMENT EXECUTE FUNCTION npskit_clear_funnel()',
  'CREATE TRIGGER events_clear_funnel AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION npskit_clear_funnel()',
]
