// The recontact check: did this person (one or two salted hashes, never an id or an email) answer,
// dismiss, or get asked lately, on any device or by email? Three index lookups on the person
// hashes stored at write time, in one statement.
import { DAY } from './pieces'
import type { Database, RecontactAnswer, RecontactQuery } from './types'

const hex64 = /^[0-9a-f]{64}$/

const person = (table: string) => `(${table}.person_id_hash = ANY ($1::text[]) OR ${table}.person_email_hash = ANY ($1::text[]))`

// "asked": an email sent or a survey shown that no answer followed: not its own response (by the
// id the event carries), and no answer by the person from that moment on.
const checkSql = `SELECT
  (SELECT max(created_at) FROM responses WHERE ${person('responses')} AND created_at >= $2) AS answered,
  (SELECT max(at) FROM events WHERE ${person('events')} AND kind = 'dismissed' AND at >= $3) AS dismissed,
  (SELECT max(e.at) FROM events e WHERE ${person('e')} AND e.kind IN ('sent', 'shown') AND e.at >= $3
     AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.id = e.response_id)
     AND NOT EXISTS (SELECT 1 FROM responses r WHERE ${person('r')} AND r.created_at >= e.at)) AS asked`

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString())

function days(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 3650) throw new RangeError(`${name} must be a whole number of days from 0 to 3650, not ${String(value)}`)
  return value
}

/**
 * See Store.recontact. An answer wins over a dismissal, a dismissal over being asked; `at` is the
 * latest of the reason's moments.
 *
 * @throws RangeError for hashes that are not 1 or 2 of 64 lowercase hex digits, or bad days.
 */
export async function recontact(db: Database, query: RecontactQuery): Promise<RecontactAnswer> {
  const { hashes, now = Date.now() } = query
  if (!Array.isArray(hashes) || hashes.length < 1 || hashes.length > 2 || !hashes.every((h) => typeof h === 'string' && hex64.test(h))) {
    throw new RangeError('hashes must be 1 or 2 SHA-256 hashes of 64 lowercase hex digits')
  }
  const answeredFrom = new Date(now - days(query.answeredDays, 'answeredDays') * DAY).toISOString()
  const dismissedFrom = new Date(now - days(query.dismissedDays, 'dismissedDays') * DAY).toISOString()
  const { rows } = await db.query(checkSql, [hashes, answeredFrom, dismissedFrom])
  const row = rows[0]!
  for (const reason of ['answered', 'dismissed', 'asked'] as const) {
    if (row[reason] !== null && row[reason] !== undefined) return { ask: false, reason, at: iso(row[reason]) }
  }
  return { ask: true }
}
