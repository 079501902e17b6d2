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
  const total = await deleteBefore(db, 'responses', 'created_at', before, batchSize)
  await deleteBefore(db, 'events', 'at', before, batchSize)
  return total
}

/** Deletes a table's rows older than `before` in batches of `batchSize`; how many. Table and column are ours, never input. */
async function deleteBefore(db: Database, table: 'responses' | 'events', column: 'created_at' | 'at', before: string, batchSize: number): Promise<number> {
  let total = 0
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${column} < $1 ORDER BY ${column} LIMIT $2) RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      [before, batchSize],
    )
    total += rows[0]!.n
    if (rows[0]!.n < batchSize) return total
  }
}
