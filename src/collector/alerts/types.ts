// The alerts module's view of the rest of the collector: only what it needs, declared here so
// the module builds and tests on its own and the storage layer satisfies it structurally.
import type { Category } from '../../types'

/** Runs one SQL statement with `$1`-style parameters. Both PGlite and `pg` fit. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>
}

/** The collector's database: a {@link Queryable} that can also run a transaction. */
export interface AlertsDatabase extends Queryable {
  /** `'pglite'` is single-process; anything else is treated as a server shared by processes. */
  readonly driver: string
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
}

/** What the store reports for an upsert: a stale version changed nothing and alerts nothing. */
export type UpsertOutcome = 'created' | 'updated' | 'stale'

/** The response as alerts read it: what the widget posts (see schema.json), as the collector checked it. */
export interface AlertResponse {
  readonly id: string
  readonly surveyId: string
  readonly score: number
  readonly category: Category
  readonly comment: string | null
  readonly contactConsent: boolean
  readonly journeyPoint: string | null
  readonly locale: string
  readonly page: string
  readonly user: Readonly<Record<string, string | number | boolean | null>> | null
  readonly metadata: Readonly<Record<string, string | number | boolean | null>>
  readonly createdAt: string
  readonly updatedAt: string
  readonly complete: boolean
}

/** Which answers alert: a category, `'all'`, or `'comment'` (any answer with a comment). */
export type AlertWhen = Category | 'all' | 'comment'

/** The body a webhook receives: npskit's JSON, a Slack or a Teams incoming-webhook message. */
export type AlertFormat = 'json' | 'slack' | 'teams'

/** `'alert'`: the first message about an answer; `'update'`: the comment that came after it. */
export type AlertKind = 'alert' | 'update'

/** Alerts by email, sent through an SMTP server. */
export interface AlertEmailOptions {
  /** One or more addresses (an array or a comma-separated string). */
  readonly to: string | readonly string[]
  /** `smtp://user:pass@host:587` or `smtps://…:465`, as nodemailer reads it. */
  readonly smtpUrl: string
  /** The sender [`npskit <npskit@` + the host of `publicUrl`, or `localhost` + `>`]. */
  readonly from?: string
}

/** The options of {@link createAlerts} (and `alerts` of `createCollector`). */
export interface AlertOptions {
  /** Webhook URLs, http(s), as an array or one comma-separated string. */
  readonly webhooks?: string | readonly string[]
  /** The webhooks' body [`'json'`]. */
  readonly format?: AlertFormat
  /** Which answers alert [`'detractor'`]; several are combined with "or": `['detractor', 'passive']`. */
  readonly when?: AlertWhen | readonly AlertWhen[]
  /** Signs each webhook body: `X-Npskit-Signature: sha256=<hex hmac of "timestamp.body">`. */
  readonly secret?: string
  readonly email?: AlertEmailOptions
  /** The language of the alerts' wording, a BCP 47 tag [`'en'`]; unknown languages fall back to English. */
  readonly locale?: string
  /** How long to wait for the comment after a bare score [120 000 ms]. */
  readonly windowMs?: number
  /** The collector's public origin, for the link to the response in the inbox (e.g. `https://nps.example.com`). */
  readonly publicUrl?: string
  /** The inbox path of one response [`id => '/dashboard#inbox/' + id`]. */
  readonly inboxPath?: (id: string) => string
  /** How often the worker looks for due alerts written by other processes [1000 ms]. */
  readonly pollMs?: number
  /** How long a claimed alert stays with its worker before another may take it [60 000 ms]. */
  readonly leaseMs?: number
  /** A webhook or SMTP attempt that takes longer is abandoned and retried [10 000 ms]. */
  readonly timeoutMs?: number
  /** Stop retrying and mark the alert failed this long after it was first due [86 400 000 ms, 24 h]. */
  readonly giveUpAfterMs?: number
  /** The first retry waits about this long; each next one twice as long, with jitter [1000 ms]. */
  readonly retryBaseMs?: number
  /** The longest wait between two attempts [900 000 ms, 15 min]. */
  readonly retryMaxMs?: number
  /** How many alerts one worker sends at once [8]. */
  readonly concurrency?: number
  /** Where the worker reports failed attempts, without personal data [`console.warn`]. */
  readonly log?: (message: string) => void
}

/** What the dashboard shows of an alert in the outbox: which answer, where to, how it went. */
export interface OutboxAlert {
  readonly responseId: string
  readonly kind: AlertKind
  /** `webhook <origin>` or `email`; never a full URL, which may carry a token. */
  readonly target: string
  /** The destination as the outbox names it (a hash, not the URL): with `responseId` and `kind`, what a retry names. */
  readonly targetKey: string
  /** Attempts made so far (for a waiting alert, more than 0 means it is being retried). */
  readonly attempts: number
  /** What went wrong last time: a status or error code, never the receiver's body. */
  readonly lastError: string | null
  readonly firstDueAt: string
}

/** An alert that was given up on, for the dashboard. */
export interface FailedAlert extends OutboxAlert {
  readonly failedAt: string
}

/** An alert not sent yet: waiting for its window, its next attempt or its worker, or being sent. */
export interface PendingAlert extends OutboxAlert {
  /** When it is (or was) due: the end of its window, or its next attempt. */
  readonly nextAttemptAt: string
  /** A worker holds it and is sending it now. */
  readonly sending: boolean
}

/** One line of the alerts' audit trail: an admin sent a failed alert again. */
export interface AlertEvent {
  readonly id: number
  readonly responseId: string
  readonly kind: AlertKind
  readonly target: string
  readonly action: 'retry'
  /** The error it had failed with. */
  readonly lastError: string | null
  /** The admin's name, as they signed the change. */
  readonly by: string
  /** How they were admitted: token, session, loopback (or what the caller of `retry` said). */
  readonly via: string
  readonly at: string
}

/** Which failed alerts to send again, and who asks (for the audit trail). */
export type RetryRequest = { readonly by: string; readonly via: string } & (
  | { readonly all: true; readonly responseId?: never; readonly kind?: never; readonly target?: never }
  | { readonly all?: false; readonly responseId: string; readonly kind: AlertKind; readonly target: string }
)

/** How the outbox stands, for the dashboard. */
export interface AlertStatus {
  /** Waiting for their window, their next attempt or their worker. */
  readonly pending: number
  readonly sent: number
  readonly failed: number
  /** Given up after `giveUpAfterMs` or refused for good (a 4xx), newest first, at most 50. */
  readonly failedAlerts: readonly FailedAlert[]
  /** Not sent yet, the soonest due first, at most 50. */
  readonly pendingAlerts: readonly PendingAlert[]
  /** The newest retries, newest first, at most 20. */
  readonly events: readonly AlertEvent[]
}
