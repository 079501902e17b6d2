import type { Database, ResponseInput, UpsertOptions, UpsertOutcome } from './types'

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

const params = (r: ResponseInput) => [
  r.id, r.surveyId, r.score, r.category, r.comment, r.contactConsent, r.journeyPoint, r.locale, r.question, r.page,
  r.user === null ? null : JSON.stringify(r.user), JSON.stringify(r.metadata), r.createdAt, r.updatedAt, r.complete, r.sdk.version,
]

/** Stores a validated response; see Store.upsertResponse. */
export async function upsertResponse(db: Database, response: ResponseInput, options: UpsertOptions = {}): Promise<UpsertOutcome> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ inserted: boolean }>(upsertSql, params(response))
    if (rows.length === 0) return 'stale'
    const outcome = rows[0]!.inserted ? 'created' : 'updated'
    await options.inTransaction?.(tx, outcome)
    return outcome
  })
}
