// The inbox's follow-up: a response moves between new, contacted and resolved, and every move is
// written to follow_up_events in the same transaction, with who made it, how they were admitted,
// when and their note. Any state may follow any other (a reopen goes back); the same state again
// is recorded too (a second e-mail to the same customer is worth a line in the audit trail).
import { textProblem } from '../text'
import { responseColumns, toStored } from './rows'
import { where } from './where'
import type { Database, FollowUpChange, FollowUpEvent, FollowUpState, PageOptions, ResponseFilters, StoredResponse } from './types'

/** The follow-up states, in the order a response usually goes through them. */
export const followUpStates: readonly FollowUpState[] = ['new', 'contacted', 'resolved']
/** The longest name an admin can sign a change with, and the longest note (in characters). */
export const MAX_BY = 100
export const MAX_NOTE = 500

function checkText(value: unknown, name: string, max: number, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new TypeError(`${name} is required`)
    return null
  }
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`)
  const problem = textProblem(value)
  if (problem) throw new TypeError(`${name} ${problem}`)
  const trimmed = value.trim()
  if (required && trimmed === '') throw new TypeError(`${name} must not be blank`)
  if ([...trimmed].length > max) throw new RangeError(`${name} must be at most ${max} characters`)
  return trimmed === '' ? null : trimmed
}

/** The change, checked: TypeError or RangeError naming the field. */
export function checkFollowUpChange(change: FollowUpChange): Required<Omit<FollowUpChange, 'at'>> & { at: string | null } {
  const { state, by, note, via = 'api', at } = Object(change) as FollowUpChange
  if (!followUpStates.includes(state)) throw new TypeError(`state must be one of ${followUpStates.join(', ')}, not ${JSON.stringify(state)}`)
  if (at !== undefined && (typeof at !== 'number' || !Number.isFinite(at))) throw new RangeError('at must be epoch milliseconds')
  return {
    state,
    by: checkText(by, 'by', MAX_BY, true)!,
    note: checkText(note, 'note', MAX_NOTE, false),
    via: checkText(via, 'via', 20, true)!,
    at: at === undefined ? null : new Date(at).toISOString(),
  }
}

const eventColumns = `id::int AS id, response_id AS "responseId", from_state AS "from", to_state AS "to", who AS "by", via, note, at`
const toEvent = (row: Record<string, any>): FollowUpEvent => ({ ...(row as FollowUpEvent), at: row.at instanceof Date ? row.at.toISOString() : String(row.at) })

/** See Store.setFollowUpState. */
export async function setFollowUpState(db: Database, id: string, change: FollowUpChange) {
  const { state, by, note, via, at } = checkFollowUpChange(change)
  return db.transaction(async (tx) => {
    // The row lock orders concurrent changes of one response, so each event's `from` is true; the
    // time is taken after the lock (clock_timestamp, not the transaction's start), so it follows that order.
    const before = await tx.query<{ state: FollowUpState }>('SELECT follow_up_state AS state FROM responses WHERE id = $1 FOR UPDATE', [id])
    if (before.rows.length === 0) return null
    const { rows } = await tx.query(
      `WITH t AS (SELECT coalesce($5::timestamptz, clock_timestamp()) AS at)
       UPDATE responses SET follow_up_state = $2, follow_up_by = $3, follow_up_note = $4, follow_up_at = t.at,
         first_contact_at = CASE WHEN $2 = 'new' THEN first_contact_at ELSE coalesce(first_contact_at, t.at) END,
         followed_up_at = CASE WHEN $2 = 'new' THEN NULL ELSE coalesce(followed_up_at, t.at) END
       FROM t
       WHERE id = $1 RETURNING ${responseColumns}`,
      [id, state, by, note, at],
    )
    const response: StoredResponse = toStored(rows[0]!)
    const event = await tx.query(
      `INSERT INTO follow_up_events (response_id, from_state, to_state, who, via, note, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${eventColumns}`,
      [id, before.rows[0]!.state, state, by, via, note, response.followUpAt],
    )
    return { response, event: toEvent(event.rows[0]!) }
  })
}

/** See Store.followUpHistory. */
export async function followUpHistory(db: Database, id: string): Promise<FollowUpEvent[] | null> {
  const [exists, events] = await Promise.all([
    db.query('SELECT 1 FROM responses WHERE id = $1', [id]),
    db.query(`SELECT ${eventColumns} FROM follow_up_events WHERE response_id = $1 ORDER BY id`, [id]),
  ])
  return exists.rows.length ? events.rows.map(toEvent) : null
}

/** See Store.listInbox. The per-state counts ignore the state filter, so the tabs can show them all. */
export async function listInbox(db: Database, filters: ResponseFilters, { page, pageSize }: PageOptions) {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be an integer ≥ 1, not ${page}`)
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be an integer ≥ 1, not ${pageSize}`)
  const w = where(filters)
  const n = w.values.length
  const { followUpState: _, ...anyState } = filters
  const s = where(anyState)
  const [items, count, states] = await Promise.all([
    db.query(`SELECT ${responseColumns} FROM responses ${w.sql} ORDER BY contact_consent DESC, created_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...w.values,
      pageSize,
      (page - 1) * pageSize,
    ]),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM responses ${w.sql}`, w.values),
    db.query<{ state: FollowUpState; n: number }>(`SELECT follow_up_state AS state, count(*)::int AS n FROM responses ${s.sql} GROUP BY 1`, s.values),
  ])
  const counts: Record<FollowUpState, number> = { new: 0, contacted: 0, resolved: 0 }
  for (const { state, n } of states.rows) counts[state] = n
  return { items: items.rows.map(toStored), total: count.rows[0]!.total, states: counts }
}
