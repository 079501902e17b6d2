// One row per response id: the score-only version and the complete one share the id, so the
// collector upserts instead of inserting. Columns mirror schema.json; user and metadata stay JSON.
export default [
  `CREATE TABLE IF NOT EXISTS responses (
    id              uuid PRIMARY KEY,
    survey_id       text        NOT NULL,
    score           smallint    NOT NULL CHECK (score BETWEEN 0 AND 10),
    category        text        NOT NULL CHECK (category IN ('detractor', 'passive', 'promoter')),
    comment         text,
    contact_consent boolean     NOT NULL,
    journey_point   text,
    locale          text        NOT NULL,
    question        text        NOT NULL,
    page            text        NOT NULL,
    user_info       jsonb,
    metadata        jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    complete        boolean     NOT NULL,
    sdk_version     text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    -- Set by the dashboard's "close the loop" inbox; never by the widget.
    followed_up_at  timestamptz
  )`,
  'CREATE INDEX IF NOT EXISTS responses_created_at ON responses (created_at)',
  // The inbox: detractors, newest first.
  "CREATE INDEX IF NOT EXISTS responses_detractors ON responses (created_at DESC) WHERE category = 'detractor'",
]
