import type { ResolvedAlertOptions } from './options'
import { planStep, type OutboxRow } from './plan'
import type { AlertResponse, Queryable, UpsertOutcome } from './types'

const ms = `$5::float8 * interval '1 millisecond'`

const sql = {
  rows: 'SELECT target, kind, state, sent_comment AS "sentComment" FROM alert_outbox WHERE response_id = $1 FOR UPDATE',
  insert: `INSERT INTO alert_outbox (response_id, target, kind, target_label, payload, due_at, first_due_at)
    VALUES ($1, $2, 'alert', $3, $4, now() + ${ms}, now() + ${ms}) ON CONFLICT DO NOTHING`,
  revise: `UPDATE alert_outbox SET payload = $3, version = version + 1, state = 'pending', settled_at = NULL,
    due_at = CASE WHEN $4::boolean THEN least(due_at, now()) ELSE due_at END,
    first_due_at = CASE WHEN $4::boolean THEN least(first_due_at, now()) ELSE first_due_at END
    WHERE response_id = $1 AND target = $2 AND kind = 'alert'`,
  cancel: `UPDATE alert_outbox SET state = 'cancelled', version = version + 1, settled_at = now()
    WHERE response_id = $1 AND target = $2 AND kind = 'alert' AND state = 'pending'`,
  update: `INSERT INTO alert_outbox (response_id, target, kind, target_label, payload, due_at, first_due_at)
    VALUES ($1, $2, 'update', $3, $4, now(), now())
    ON CONFLICT (response_id, target, kind) DO UPDATE SET payload = excluded.payload, version = alert_outbox.version + 1
    WHERE alert_outbox.state = 'pending'`,
}

/**
 * What the outbox keeps of an answer: what an alert shows, and of `user` only the email, and
 * only when the customer agreed to be contacted.
 */
export function outboxPayload(r: AlertResponse): AlertResponse {
  const email = r.contactConsent && typeof r.user?.email === 'string' ? r.user.email : null
  return {
    id: r.id, surveyId: r.surveyId, score: r.score, category: r.category, comment: r.comment, contactConsent: r.contactConsent,
    journeyPoint: r.journeyPoint, locale: r.locale, page: r.page, user: email === null ? null : { email }, metadata: r.metadata,
    createdAt: r.createdAt, updatedAt: r.updatedAt, complete: r.complete,
  }
}

/**
 * Writes what a stored version of an answer means for the alerts, inside the transaction that
 * stored it. Returns in how many milliseconds the soonest alert it wrote falls due (0: now, so
 * the caller can wake the worker; the window: a bare score), or null when none did.
 */
export async function enqueueAlert(tx: Queryable, response: AlertResponse, outcome: UpsertOutcome, options: ResolvedAlertOptions): Promise<number | null> {
  // A stale version lost to a newer one already stored: the newer one has decided.
  if (outcome === 'stale') return null
  // A new answer has no alerts to read and lock (an erased answer's went with it; a leftover of an
  // id stored again after retention is kept by the insert's ON CONFLICT DO NOTHING). Most answers
  // are new, and on PGlite every statement runs in the one thread that also answers requests.
  const rows = outcome === 'created' ? [] : (await tx.query<OutboxRow & { target: string }>(sql.rows, [response.id])).rows
  const payload = JSON.stringify(outboxPayload(response))
  let dueIn: number | null = null
  const soonest = (ms: number) => (dueIn = dueIn === null ? ms : Math.min(dueIn, ms))
  for (const target of options.targets) {
    const alert = rows.find((row) => row.target === target.key && row.kind === 'alert')
    const step = planStep(alert, response, options.when)
    const base = [response.id, target.key]
    if (step.do === 'insert') await tx.query(sql.insert, [...base, target.label, payload, step.dueNow ? 0 : options.windowMs])
    else if (step.do === 'revise') await tx.query(sql.revise, [...base, payload, step.dueNow])
    else if (step.do === 'cancel') await tx.query(sql.cancel, base)
    else if (step.do === 'update') await tx.query(sql.update, [...base, target.label, payload])
    if (step.do === 'update' || ((step.do === 'insert' || step.do === 'revise') && step.dueNow)) soonest(0)
    else if (step.do === 'insert') soonest(options.windowMs)
  }
  return dueIn
}
