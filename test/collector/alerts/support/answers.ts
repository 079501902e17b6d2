import { randomUUID } from 'node:crypto'
import type { Alerts, AlertResponse, AlertsDatabase, UpsertOutcome } from '../../../../src/collector/alerts/index'

const categoryOf = (score: number): AlertResponse['category'] => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter')

/** The bare score, as the widget posts it first. */
export function bare(score: number, extra: Partial<AlertResponse> = {}): AlertResponse {
  const at = new Date().toISOString()
  return {
    id: randomUUID(), surveyId: 'shop', score, category: categoryOf(score), comment: null, contactConsent: false,
    journeyPoint: 'checkout-complete', locale: 'en', page: 'https://shop.example/thanks', user: null,
    metadata: { order: 'A-1001', total: 59.9 }, createdAt: at, updatedAt: at, complete: false, ...extra,
  }
}

/** The same answer finished: the widget posts it again under the same id. */
export function finish(response: AlertResponse, comment: string | null, extra: Partial<AlertResponse> = {}): AlertResponse {
  const updatedAt = new Date(Math.max(Date.now(), Date.parse(response.updatedAt) + 1)).toISOString()
  return { ...response, comment, updatedAt, complete: true, ...extra, ...(extra.score === undefined ? {} : { category: categoryOf(extra.score) }) }
}

/**
 * Stores an answer the way the collector does: an upsert by id where the newest version wins,
 * and the alert written in the same transaction; then wakes the worker.
 */
export async function store(db: AlertsDatabase, alerts: Alerts, response: AlertResponse): Promise<UpsertOutcome> {
  const outcome = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ inserted: boolean }>(
      `INSERT INTO responses (id, updated_at, complete) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, complete = excluded.complete
       WHERE (responses.updated_at, responses.complete) <= (excluded.updated_at, excluded.complete)
       RETURNING (xmax = 0) AS inserted`,
      [response.id, response.updatedAt, response.complete],
    )
    const result: UpsertOutcome = rows.length === 0 ? 'stale' : rows[0]!.inserted ? 'created' : 'updated'
    await alerts.enqueue(tx, response, result)
    return result
  })
  alerts.wake()
  return outcome
}
