// Events (shown, dismissed, sent): each id is stored once, so a retried event counts once. They
// keep no user, only its person hashes (for the recontact check and erasure).
import { personHashes, recontactSalt } from './personHashes'
import type { Database, EventInput, EventOutcome } from './types'

const insertSql = `INSERT INTO events (id, kind, survey_id, response_id, journey_point, channel, locale, page, at, sdk_version,
  person_id_hash, person_email_hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (id) DO NOTHING
RETURNING 1`

/** Stores a validated event; see Store.recordEvent. */
export async function recordEvent(db: Database, event: EventInput): Promise<EventOutcome> {
  const hashes = personHashes(await recontactSalt(db), event.user)
  const { rows } = await db.query(insertSql, [
    event.id, event.event, event.surveyId, event.responseId, event.journeyPoint, event.channel, event.locale, event.page,
    event.at, event.sdk.version, hashes.id, hashes.email,
  ])
  return rows.length ? 'created' : 'duplicate'
}
