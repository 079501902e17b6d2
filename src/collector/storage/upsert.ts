import { personHashes, recontactSalt } from './personHashes'
import type { Database, ResponseInput, UpsertOptions, UpsertOutcome } from './types'

const columns = `id, survey_id, score, category, comment, contact_consent, journey_point, locale, question, page,
  user_info, metadata, created_at, updated_at, complete, sdk_version, channel, person_id_hash, person_email_hash`

// A response arrives up to twice (score, then complete) plus any retries, in any order. The
// newest version wins: an older retry that lands late changes nothing. At the same updatedAt
// the complete version wins. created_at and followed_up_at are kept from the first insert.
// One rule for a single response and for a batch.
const newestWins = `ON CONFLICT (id) DO UPDATE SET
  survey_id = excluded.survey_id, score = excluded.score, category = excluded.category,
  comment = excluded.comment, contact_consent = excluded.contact_consent,
  journey_point = excluded.journey_point, locale = excluded.locale, question = excluded.question,
  page = excluded.page, user_info = excluded.user_info, metadata = excluded.metadata,
  updated_at = excluded.updated_at, complete = excluded.complete, sdk_version = excluded.sdk_version,
  channel = excluded.channel, person_id_hash = excluded.person_id_hash, person_email_hash = excluded.person_email_hash,
  received_at = now()
WHERE (responses.updated_at, responses.complete) <= (excluded.updated_at, excluded.complete)
RETURNING (xmax = 0) AS inserted`

const upsertSql = `INSERT INTO responses (${columns}) VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
${newestWins}`

const params = (r: ResponseInput, salt: string) => {
  const hashes = personHashes(salt, r.user)
  return [
    r.id, r.surveyId, r.score, r.category, r.comment, r.contactConsent, r.journeyPoint, r.locale, r.question, r.page,
    r.user === null ? null : JSON.stringify(r.user), JSON.stringify(r.metadata), r.createdAt, r.updatedAt, r.complete, r.sdk.version,
    r.channel ?? 'web', hashes.id, hashes.email,
  ]
}

/** Stores a validated response; see Store.upsertResponse. */
export async function upsertResponse(db: Database, response: ResponseInput, options: UpsertOptions = {}): Promise<UpsertOutcome> {
  const salt = await recontactSalt(db)
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ inserted: boolean }>(upsertSql, params(response, salt))
    if (rows.length === 0) return 'stale'
    const outcome = rows[0]!.inserted ? 'created' : 'updated'
    await options.inTransaction?.(tx, outcome)
    return outcome
  })
}

const CHUNK = 500
const manySql = `INSERT INTO responses (${columns})
  SELECT ${columns} FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, survey_id text, score smallint, category text,
    comment text, contact_consent boolean, journey_point text, locale text, question text, page text, user_info jsonb,
    metadata jsonb, created_at timestamptz, updated_at timestamptz, complete boolean, sdk_version text, channel text,
    person_id_hash text, person_email_hash text)
${newestWins}`

/** A response as a row of jsonb_to_recordset (column names as keys). */
const record = (r: ResponseInput, salt: string) => {
  const hashes = personHashes(salt, r.user)
  return {
    id: r.id, survey_id: r.surveyId, score: r.score, category: r.category, comment: r.comment, contact_consent: r.contactConsent,
    journey_point: r.journeyPoint, locale: r.locale, question: r.question, page: r.page, user_info: r.user, metadata: r.metadata,
    created_at: r.createdAt, updated_at: r.updatedAt, complete: r.complete, sdk_version: r.sdk.version, channel: r.channel ?? 'web',
    person_id_hash: hashes.id, person_email_hash: hashes.email,
  }
}

const newer = (a: ResponseInput, b: ResponseInput) => {
  const at = Date.parse(a.updatedAt) - Date.parse(b.updatedAt)
  return at > 0 || (at === 0 && a.complete && !b.complete)
}

/**
 * Stores many validated responses in one transaction, 500 per statement (an import, the demo's
 * seed): all or none. The same rule as one at a time: of several versions of an id, in the list
 * or stored, the newest wins. Returns how many were created, updated, and stale.
 */
export async function upsertMany(db: Database, responses: readonly ResponseInput[]): Promise<Record<UpsertOutcome, number>> {
  if (!Array.isArray(responses)) throw new TypeError('responses must be an array of responses')
  // One row per id and statement: ON CONFLICT cannot touch a row twice in one statement.
  const latest = new Map<string, ResponseInput>()
  for (const r of responses) {
    const seen = latest.get(r.id)
    if (!seen || newer(r, seen)) latest.set(r.id, r)
  }
  const outcome = { created: 0, updated: 0, stale: responses.length - latest.size }
  const list = [...latest.values()]
  const salt = await recontactSalt(db)
  await db.transaction(async (tx) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const records = list.slice(i, i + CHUNK).map((r) => record(r, salt))
      const { rows } = await tx.query<{ inserted: boolean }>(manySql, [JSON.stringify(records)])
      for (const row of rows) outcome[row.inserted ? 'created' : 'updated']++
      outcome.stale += records.length - rows.length
    }
  })
  return outcome
}
