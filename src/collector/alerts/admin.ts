// What admins see of the outbox (counts, what waits, what failed, who retried what) and the one
// thing they do to it: send a failed alert again.
import type { AlertEvent, AlertKind, AlertsDatabase, AlertStatus, FailedAlert, PendingAlert, Queryable, RetryRequest } from './types'

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString())

/** Counts by state, what waits (next attempt first), the newest failures and retries, for the dashboard. */
export async function outboxStatus(db: Queryable): Promise<AlertStatus> {
  const [counts, failed, pending, events] = await Promise.all([
    db.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM alert_outbox GROUP BY state'),
    db.query<FailedAlert & { firstDueAt: Date; failedAt: Date }>(
      `SELECT response_id AS "responseId", kind, target_label AS target, target AS "targetKey", attempts, last_error AS "lastError",
         first_due_at AS "firstDueAt", settled_at AS "failedAt"
       FROM alert_outbox WHERE state = 'failed' ORDER BY settled_at DESC, response_id LIMIT 50`,
    ),
    db.query<PendingAlert & { firstDueAt: Date; nextAttemptAt: Date }>(
      `SELECT response_id AS "responseId", kind, target_label AS target, target AS "targetKey", attempts, last_error AS "lastError",
         first_due_at AS "firstDueAt", due_at AS "nextAttemptAt", coalesce(claimed_until > now(), false) AS sending
       FROM alert_outbox WHERE state = 'pending' ORDER BY due_at, response_id LIMIT 50`,
    ),
    db.query<AlertEvent & { at: Date }>(
      `SELECT id::int AS id, response_id AS "responseId", kind, target_label AS target, action, last_error AS "lastError", who AS by, via, at
       FROM alert_events ORDER BY id DESC LIMIT 20`,
    ),
  ])
  const count = (state: string): number => counts.rows.find((r) => r.state === state)?.n ?? 0
  return {
    pending: count('pending'),
    sent: count('sent'),
    failed: count('failed'),
    failedAlerts: failed.rows.map((r) => ({ ...r, firstDueAt: iso(r.firstDueAt)!, failedAt: iso(r.failedAt)! })),
    pendingAlerts: pending.rows.map((r) => ({ ...r, firstDueAt: iso(r.firstDueAt)!, nextAttemptAt: iso(r.nextAttemptAt)! })),
    events: events.rows.map((r) => ({ ...r, at: iso(r.at)! })),
  }
}

/**
 * Sends failed alerts again: one (`responseId`, `kind`, `target`), or `all` of them. Each goes
 * back to pending, due now, with its attempts and its 24 hours counted afresh, and an audit row
 * saying who asked, in one transaction. Only alerts to destinations in `targets` (those still
 * configured) are retried: an alert to a removed webhook would only fail again. Returns the
 * retried rows (none: nothing matched).
 */
export async function retryFailed(
  db: AlertsDatabase, request: RetryRequest, targets: readonly string[],
): Promise<{ responseId: string; kind: AlertKind; target: string }[]> {
  const one = request.all ? null : request
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ responseId: string; kind: AlertKind; target: string; label: string; lastError: string | null }>(
      `WITH failed AS (
         SELECT response_id, target, kind, last_error FROM alert_outbox
         WHERE state = 'failed' AND target = ANY($1)
           AND ($2::text IS NULL OR (response_id = $2 AND kind = $3 AND target = $4))
         FOR UPDATE)
       UPDATE alert_outbox o SET state = 'pending', due_at = now(), first_due_at = now(), attempts = 0, last_error = NULL,
         settled_at = NULL, claimed_until = NULL, claimed_by = NULL
       FROM failed WHERE o.response_id = failed.response_id AND o.target = failed.target AND o.kind = failed.kind
       RETURNING o.response_id AS "responseId", o.kind, o.target, o.target_label AS label, failed.last_error AS "lastError"`,
      [targets, one?.responseId ?? null, one?.kind ?? null, one?.target ?? null],
    )
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO alert_events (response_id, target, target_label, kind, action, last_error, who, via)
         SELECT r.response_id, r.target, r.label, r.kind, 'retry', r.last_error, $1, $2
         FROM jsonb_to_recordset($3::jsonb) AS r(response_id text, target text, label text, kind text, last_error text)`,
        [request.by, request.via, JSON.stringify(rows.map((r) => ({ response_id: r.responseId, target: r.target, label: r.label, kind: r.kind, last_error: r.lastError })))],
      )
    }
    return rows.map(({ responseId, kind, target }) => ({ responseId, kind, target }))
  })
}
