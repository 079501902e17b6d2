import type { Database } from './types'

const DAY = 864e5
// Rows per transaction: the first run on a large database may delete months of responses, and
// each batch holds the writers (on PGlite, every POST) for only as long as it takes.
const BATCH = 5000

/** Deletes the responses created (and the events that happened) more than `days` days before `now`, in batches; how many responses. */
export async function deleteOlderThan(db: Database, days: number, now = Date.now(), batchSize = BATCH): Promise<number> {
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) throw new RangeError(`days must be a positive number, not ${days}`)
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, not ${now}`)
  const before = new Date(now - days * DAY).toISOString()
  let total = 0
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM responses WHERE id IN (SELECT id FROM responses WHERE created_at < $1 ORDER BY created_at LIMIT $2) RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      [before, batchSize],
    )
    total += rows[0]!.n
    if (rows[0]!.n < batchSize) break
  }
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < $1 ORDER BY at LIMIT $2) RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      [before, batchSize],
    )
    if (rows[0]!.n < batchSize) return total
  }
}
