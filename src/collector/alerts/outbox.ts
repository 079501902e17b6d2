// The worker's side of the outbox: claim due rows under a lease, settle them, report on them.
import type { AlertKind, AlertResponse, Queryable } from './types'

/** A row a worker has claimed and must now deliver. */
export interface Claimed {
  readonly responseId: string
  readonly target: string
  readonly kind: AlertKind
  readonly payload: AlertResponse
  readonly version: number
  readonly attempts: number
}

const ms = (n: number): string => `$${n}::float8 * interval '1 millisecond'`
const key = 'response_id = $1 AND target = $2 AND kind = $3'

/**
 * Claims up to `limit` due rows for `worker`. SKIP LOCKED lets two processes claim at once
 * without waiting on, or taking, each other's rows; the lease keeps a row from being claimed
 * again while it is being sent.
 */
export async function claim(db: Queryable, worker: string, targets: readonly string[], limit: number, leaseMs: number): Promise<Claimed[]> {
  const { rows } = await db.query<Claimed>(
    `WITH due AS (
       SELECT response_id, target, kind FROM alert_outbox
       WHERE state = 'pending' AND due_at <= now() AND (claimed_until IS NULL OR claimed_until < now()) AND target = ANY($2)
       ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     UPDATE alert_outbox o SET claimed_until = now() + ${ms(4)}, claimed_by = $1, attempts = o.attempts + 1
     FROM due WHERE o.response_id = due.response_id AND o.target = due.target AND o.kind = due.kind
     RETURNING o.response_id AS "responseId", o.target, o.kind, o.payload, o.version, o.attempts`,
    [worker, targets, limit, leaseMs],
  )
  return rows
}

/**
 * Records a delivered row, in one statement. When the answer changed while it was being sent
 * (the comment came in mid-flight) and what was sent had no comment, the comment follows as one
 * update, written in the same statement so a crash cannot lose it.
 * Returns false when the lease had been lost to another worker.
 */
export async function settleSent(db: Queryable, worker: string, row: Claimed): Promise<boolean> {
  const sentComment = row.payload.comment !== null && row.payload.comment !== ''
  const { rows } = await db.query(
    `WITH old AS (
       SELECT response_id, target, kind, version, state, payload, target_label FROM alert_outbox
       WHERE ${key} AND claimed_by = $4 FOR UPDATE),
     sent AS (
       UPDATE alert_outbox o SET state = 'sent', settled_at = now(), claimed_until = NULL, claimed_by = NULL, last_error = NULL,
         sent_comment = $5, payload = $6
       FROM old WHERE o.response_id = old.response_id AND o.target = old.target AND o.kind = old.kind
       RETURNING o.response_id),
     follow AS (
       INSERT INTO alert_outbox (response_id, target, kind, target_label, payload, due_at, first_due_at)
       SELECT response_id, target, 'update', target_label, payload, now(), now() FROM old
       WHERE old.kind = 'alert' AND old.version <> $7 AND old.state = 'pending' AND NOT $5::boolean
         AND coalesce(old.payload->>'comment', '') <> ''
       ON CONFLICT DO NOTHING)
     SELECT 1 FROM sent`,
    [row.responseId, row.target, row.kind, worker, sentComment, JSON.stringify(row.payload), row.version],
  )
  return rows.length > 0
}

/**
 * Records a failed attempt: the next one after `delayMs`, but never later than the give-up time,
 * so the last attempt is made then; at or past it, or when refused for good, the row fails.
 * An alert cancelled while it was being tried stays cancelled.
 */
export async function settleFailed(
  db: Queryable, worker: string, row: Claimed,
  failure: { readonly permanent: boolean; readonly delayMs: number; readonly error: string; readonly giveUpAfterMs: number },
): Promise<'retry' | 'failed' | 'cancelled' | 'lost'> {
  const { rows } = await db.query<{ state: string }>(
    `UPDATE alert_outbox SET claimed_until = NULL, claimed_by = NULL, last_error = $5,
       state = CASE WHEN state = 'cancelled' THEN state WHEN $6::boolean OR now() >= first_due_at + ${ms(7)} THEN 'failed' ELSE 'pending' END,
       settled_at = CASE WHEN state = 'cancelled' THEN settled_at WHEN $6::boolean OR now() >= first_due_at + ${ms(7)} THEN now() ELSE NULL END,
       due_at = least(now() + ${ms(8)}, first_due_at + ${ms(7)})
     WHERE ${key} AND claimed_by = $4 RETURNING state`,
    [row.responseId, row.target, row.kind, worker, failure.error, failure.permanent, failure.giveUpAfterMs, failure.delayMs],
  )
  const state = rows[0]?.state
  return state === undefined ? 'lost' : state === 'pending' ? 'retry' : (state as 'failed' | 'cancelled')
}

/**
 * Fails rows for destinations no process sends to any more (the configuration changed), once
 * they are past the give-up time, so they show on the dashboard instead of waiting for ever.
 */
export async function failOrphans(db: Queryable, targets: readonly string[], giveUpAfterMs: number): Promise<number> {
  const { rows } = await db.query(
    `UPDATE alert_outbox SET state = 'failed', settled_at = now(), last_error = 'destination no longer configured'
     WHERE state = 'pending' AND NOT (target = ANY($1)) AND first_due_at + ${ms(2)} <= now() RETURNING 1`,
    [targets, giveUpAfterMs],
  )
  return rows.length
}

/** Deletes settled rows older than `keepMs`: sent and cancelled ones, and failed ones after `keepFailedMs`. */
export async function prune(db: Queryable, keepMs: number, keepFailedMs: number): Promise<void> {
  await db.query(
    `DELETE FROM alert_outbox WHERE (state IN ('sent', 'cancelled') AND settled_at < now() - ${ms(1)})
       OR (state = 'failed' AND settled_at < now() - ${ms(2)})`,
    [keepMs, keepFailedMs],
  )
}

/**
 * Deletes the alerts of erased responses (the customer asked to be forgotten), sent or not.
 *
 * @example
 * await forgetAlerts(tx, ['2f1c…'])
 */
export async function forgetAlerts(db: Queryable, responseIds: readonly string[]): Promise<void> {
  await db.query('DELETE FROM alert_outbox WHERE response_id = ANY($1)', [responseIds])
}

/**
 * Deletes the alerts whose response is gone from the collector's `responses` table (erased on
 * a customer's request): the outbox keeps their comment, and the email when they consented.
 */
export async function forgetErased(db: Queryable): Promise<void> {
  await db.query('DELETE FROM alert_outbox o WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.id::text = o.response_id)')
}
