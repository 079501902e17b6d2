import { enqueueAlert } from './enqueue'
import { resolveAlertOptions, type ResolvedAlertOptions } from './options'
import { outboxStatus, retryFailed } from './admin'
import { forgetAlerts, forgetErased } from './outbox'
import { createMailer, loadNodemailer } from './smtp'
import type { AlertKind, AlertOptions, AlertResponse, AlertsDatabase, AlertStatus, Queryable, RetryRequest, UpsertOutcome } from './types'
import { createWorker } from './worker'

/** Alerts of one collector process: what the store calls, and the worker that sends. */
export interface Alerts {
  /**
   * Writes the alert of a stored answer into the outbox. Call it inside the transaction that
   * stored the answer (`upsertResponse`'s `inTransaction` hook), so the two commit together.
   */
  enqueue(tx: Queryable, response: AlertResponse, outcome: UpsertOutcome): Promise<void>
  /** Starts the worker. Rejects when email alerts are configured but nodemailer is missing. */
  start(): Promise<void>
  /** Stops the worker once the alerts being sent are settled. The outbox keeps the rest. */
  stop(): Promise<void>
  /**
   * Sends what `enqueue` made due, now; call it after the transaction committed. (Without it,
   * the worker looks 50 ms later.) Costs nothing when no alert became due.
   */
  wake(): void
  /** How the outbox stands, for the dashboard. */
  status(): Promise<AlertStatus>
  /**
   * Sends failed alerts again, now: one, or all; recorded in the audit trail (`alert_events`)
   * with who asked. Only alerts to destinations still configured. Returns those retried.
   *
   * @example
   * await alerts.retry({ responseId, kind: 'alert', target: failed.targetKey, by: 'Kari', via: 'token' })
   */
  retry(request: RetryRequest): Promise<{ responseId: string; kind: AlertKind; target: string }[]>
  /** Deletes the alerts of erased responses, in the transaction that erases them. */
  forget(tx: Queryable, responseIds: readonly string[]): Promise<void>
  /** Deletes the alerts whose response is no longer in the `responses` table (after an erasure). */
  forgetErased(): Promise<void>
  /** The options with their defaults. */
  readonly options: ResolvedAlertOptions
}

/**
 * Alerts for a collector: detractors (by default) go to webhooks (JSON, Slack, Teams) and email,
 * once per answer, through an outbox that survives restarts and is shared safely by several
 * processes on one PostgreSQL. The outbox table must exist (`migrateAlerts`).
 *
 * @example
 * const alerts = createAlerts(db, { webhooks: process.env.ALERT_WEBHOOK_URL, format: 'slack', publicUrl: 'https://nps.example.com' })
 * await alerts.start()
 * await store.upsertResponse(response, { inTransaction: (tx, outcome) => alerts.enqueue(tx, response, outcome) })
 * alerts.wake()
 */
export function createAlerts(db: AlertsDatabase, options: AlertOptions): Alerts {
  const resolved = resolveAlertOptions(options)
  if (resolved.timeoutMs >= resolved.leaseMs) {
    throw new RangeError(`alerts.leaseMs: must be longer than alerts.timeoutMs (${resolved.timeoutMs} ms), or a slow send could be sent twice`)
  }
  const worker = createWorker(db, resolved)
  let stopMailer: (() => void) | null = null
  return {
    async enqueue(tx, response, outcome) {
      const dueIn = await enqueueAlert(tx, response, outcome, resolved)
      if (dueIn !== null) worker.due(dueIn)
    },
    async start() {
      const mailer = resolved.targets.some((t) => t.kind === 'email') ? createMailer(await loadNodemailer(), resolved.timeoutMs) : null
      stopMailer = mailer ? () => mailer.close() : null
      worker.start(mailer)
    },
    async stop() {
      await worker.stop()
      stopMailer?.()
      stopMailer = null
    },
    wake: () => worker.wake(),
    status: () => outboxStatus(db),
    async retry(request) {
      const retried = await retryFailed(db, request, resolved.targets.map((t) => t.key))
      if (retried.length > 0) {
        worker.due()
        worker.wake()
      }
      return retried
    },
    forget: (tx, ids) => forgetAlerts(tx, ids),
    forgetErased: () => forgetErased(db),
    options: resolved,
  }
}
