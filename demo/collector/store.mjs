// The collector's SQL, the same for PGlite and PostgreSQL. Values always go in as parameters.

const columns = `id, survey_id, score, category, comment, contact_consent, journey_point, locale, question, page,
  user_info, metadata, created_at, updated_at, complete, sdk_version`

// A response arrives up to twice (score, then complete) plus any retries, in any order. The
// newest version wins: an older retry that lands late changes nothing. At the same updatedAt
// the complete version wins. created_at and followed_up_at are kept from the first insert.
const upsertSql = `INSERT INTO responses (${columns}) VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
ON CONFLICT (id) DO UPDATE SET
  survey_id = excluded.survey_id, score = excluded.score, category = excluded.category,
  comment = excluded.comment, contact_consent = excluded.contact_consent,
  journey_point = excluded.journey_point, locale = excluded.locale, question = excluded.question,
  page = excluded.page, user_info = excluded.user_info, metadata = excluded.metadata,
  updated_at = excluded.updated_at, complete = excluded.complete, sdk_version = excluded.sdk_version,
  received_at = now()
WHERE (responses.updated_at, responses.complete) <= (excluded.updated_at, excluded.complete)
RETURNING (xmax = 0) AS inserted`

function params(r) {
  return [
    r.id, r.surveyId, r.score, r.category, r.comment, r.contactConsent, r.journeyPoint, r.locale, r.question, r.page,
    r.user === null ? null : JSON.stringify(r.user), JSON.stringify(r.metadata), r.createdAt, r.updatedAt, r.complete, r.sdk.version,
  ]
}

/**
 * Stores a validated response. Returns 'created', 'updated', or 'stale' when a newer version of
 * the same id is already stored.
 */
export async function upsertResponse(db, response) {
  const { rows } = await db.query(upsertSql, params(response))
  if (rows.length === 0) return 'stale'
  return rows[0].inserted ? 'created' : 'updated'
}

/** Many at once in one transaction (the seed script). */
export async function upsertMany(db, responses) {
  await db.transaction(async (tx) => {
    for (const response of responses) await tx.query(upsertSql, params(response))
  })
}

/**
 * Builds a WHERE clause from the dashboard's filters. `from` is inclusive, `to` exclusive, both
 * ISO 8601 instants (or dates, read as UTC midnight).
 */
export function where(filters) {
  const clauses = []
  const values = []
  const add = (sql, value) => {
    values.push(value)
    clauses.push(sql.replace('?', '$' + values.length))
  }
  if (filters.from) add('created_at >= ?', filters.from)
  if (filters.to) add('created_at < ?', filters.to)
  if (filters.journeyPoint) add('journey_point = ?', filters.journeyPoint)
  if (filters.locale) add('locale = ?', filters.locale)
  if (filters.category) add('category = ?', filters.category)
  if (filters.hasComment) clauses.push("comment IS NOT NULL AND comment <> ''")
  if (filters.contactConsent) clauses.push('contact_consent')
  if (filters.followedUp === true) clauses.push('followed_up_at IS NOT NULL')
  if (filters.followedUp === false) clauses.push('followed_up_at IS NULL')
  return { sql: clauses.length ? 'WHERE ' + clauses.join(' AND ') : '', values }
}

/** What the summary needs of each response, oldest first. */
export async function scoresFor(db, filters) {
  const w = where(filters)
  const { rows } = await db.query(
    `SELECT score, created_at AS "createdAt", journey_point AS "journeyPoint", locale FROM responses ${w.sql} ORDER BY created_at`,
    w.values,
  )
  return rows
}

/** The distinct journey points and locales, for the dashboard's filters. */
export async function dimensions(db) {
  const [points, locales] = await Promise.all([
    db.query('SELECT DISTINCT journey_point AS v FROM responses WHERE journey_point IS NOT NULL ORDER BY 1'),
    db.query('SELECT DISTINCT locale AS v FROM responses ORDER BY 1'),
  ])
  return { journeyPoints: points.rows.map((r) => r.v), locales: locales.rows.map((r) => r.v) }
}

const outputColumns = `id, survey_id AS "surveyId", score, category, comment, contact_consent AS "contactConsent",
  journey_point AS "journeyPoint", locale, question, page, user_info AS "user", metadata,
  created_at AS "createdAt", updated_at AS "updatedAt", complete, sdk_version AS "sdkVersion",
  received_at AS "receivedAt", followed_up_at AS "followedUpAt"`

/** A page of responses, newest first, and how many match in all. */
export async function listResponses(db, filters, { limit, offset }) {
  const w = where(filters)
  const n = w.values.length
  const [page, count] = await Promise.all([
    db.query(`SELECT ${outputColumns} FROM responses ${w.sql} ORDER BY created_at DESC, id LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.values, limit, offset]),
    db.query(`SELECT count(*)::int AS total FROM responses ${w.sql}`, w.values),
  ])
  return { items: page.rows.map(normalise), total: count.rows[0].total }
}

/** Marks a response as followed up (or not). Returns the row, or null for an unknown id. */
export async function setFollowedUp(db, id, followedUp) {
  const { rows } = await db.query(
    `UPDATE responses SET followed_up_at = CASE WHEN $2::boolean THEN coalesce(followed_up_at, now()) ELSE NULL END
     WHERE id = $1 RETURNING ${outputColumns}`,
    [id, followedUp],
  )
  return rows[0] ? normalise(rows[0]) : null
}

function normalise(row) {
  const iso = (d) => (d instanceof Date ? d.toISOString() : d)
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), receivedAt: iso(row.receivedAt), followedUpAt: iso(row.followedUpAt) }
}
