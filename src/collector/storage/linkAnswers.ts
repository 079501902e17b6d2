// The held answers of email links (migration 007_link_answers): what the landing page records by
// itself waits out a short window, so that a link scanner opening every score link of an email
// records nothing, while a customer who clicks one score and closes the tab at once is recorded.
import { upsertResponse } from './upsert'
import type { Database, Queryable, ResponseInput, UpsertOptions, UpsertOutcome } from './types'

/** What became of an answer the page made by itself: held for the window, or refused as a scanner's. */
export type LinkHold = 'pending' | 'scanner'

const DAY = 86_400_000

/** What runs in the transaction of each held answer recorded (the alert of that response, say). */
export interface CommitOptions {
  readonly inTransaction?: (tx: Queryable, response: ResponseInput, outcome: Exclude<UpsertOutcome, 'stale'>) => Promise<void>
}

// upsertResponse runs in a transaction of its own; given this, its statements join the caller's.
const within = (tx: Queryable, driver: Database['driver']): Database => ({
  driver,
  query: (sql, params) => tx.query(sql, params),
  transaction: (fn) => fn(tx),
  close: async () => {},
})

// A later click on another score of the same email opens a fresh page without the comment written
// before: the comment (and the consent that came with it) stays unless a new one is sent.
async function store(tx: Queryable, driver: Database['driver'], response: ResponseInput, options: UpsertOptions): Promise<UpsertOutcome> {
  const { rows } = await tx.query<{ comment: string | null; contact_consent: boolean; complete: boolean }>(
    'SELECT comment, contact_consent, complete FROM responses WHERE id = $1',
    [response.id],
  )
  const before = rows[0]
  const merged =
    before && before.comment !== null && response.comment === null
      ? { ...response, comment: before.comment, contactConsent: before.contact_consent, complete: response.complete || before.complete }
      : response
  return upsertResponse(within(tx, driver), merged, options)
}

/**
 * Holds an answer the page made by itself (the link's score, shown, no tap yet) for `windowMs`.
 * Another score for the same link inside the window marks the link as being scanned: the held answer
 * is dropped, and until the link has been quiet for a window only a human action records.
 */
export async function holdLinkAnswer(db: Database, response: ResponseInput, windowMs: number, now = Date.now()): Promise<LinkHold> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO link_answers (response_id, last_seen_at) VALUES ($1, to_timestamp(0)) ON CONFLICT (response_id) DO NOTHING', [response.id])
    const { rows } = await tx.query<{ pending_score: number | null; scanner: boolean; recent: boolean }>(
      'SELECT pending_score, scanner, last_seen_at > $2::timestamptz AS recent FROM link_answers WHERE response_id = $1 FOR UPDATE',
      [response.id, new Date(now - windowMs).toISOString()],
    )
    const row = rows[0]!
    const at = new Date(now).toISOString()
    if (row.recent && (row.scanner || (row.pending_score !== null && row.pending_score !== response.score))) {
      await tx.query(
        'UPDATE link_answers SET scanner = true, pending = NULL, pending_score = NULL, due_at = NULL, last_seen_at = $2 WHERE response_id = $1',
        [response.id, at],
      )
      return 'scanner'
    }
    await tx.query(
      'UPDATE link_answers SET scanner = false, pending = $2, pending_score = $3, due_at = $4, last_seen_at = $5 WHERE response_id = $1',
      [response.id, JSON.stringify(response), response.score, new Date(now + windowMs).toISOString(), at],
    )
    return 'pending'
  })
}

/** Records an answer a human made (a tap on a score, a submit) at once; anything held for the link is dropped. */
export async function takeLinkAnswer(db: Database, response: ResponseInput, options: UpsertOptions = {}): Promise<UpsertOutcome> {
  return db.transaction(async (tx) => {
    await tx.query('UPDATE link_answers SET pending = NULL, pending_score = NULL, due_at = NULL WHERE response_id = $1', [response.id])
    return store(tx, db.driver, response, options)
  })
}

/**
 * Records every held answer whose window has passed (from any process: each row is claimed by one
 * UPDATE), and forgets links quiet for a day. Returns how many it recorded. Runs after each window
 * and when a collector starts, so answers held when a process stopped are recorded after a restart.
 */
export async function commitLinkAnswers(db: Database, options: CommitOptions = {}, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ pending: ResponseInput | string }>(
      // RETURNING sees the row as updated: the held answer is read in the claiming subquery.
      `WITH due AS (
         SELECT response_id, pending FROM link_answers WHERE pending IS NOT NULL AND due_at <= $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE link_answers l SET pending = NULL, pending_score = NULL, due_at = NULL
       FROM due WHERE l.response_id = due.response_id RETURNING due.pending`,
      [new Date(now).toISOString()],
    )
    for (const { pending } of rows) {
      const response = typeof pending === 'string' ? (JSON.parse(pending) as ResponseInput) : pending
      const write = options.inTransaction
      await store(tx, db.driver, response, write ? { inTransaction: (inner, outcome) => write(inner, response, outcome) } : {})
    }
    await tx.query('DELETE FROM link_answers WHERE pending IS NULL AND last_seen_at < $1', [new Date(now - DAY).toISOString()])
    return rows.length
  })
}
