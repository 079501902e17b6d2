import { backfillCounts } from './migrations/008_counts_coarser'
import type { Database } from './types'

/**
 * Recounts the summary's counts from the stored responses, in one transaction that holds writers
 * back meanwhile. The triggers keep the counts right on their own; this is for after a bulk load
 * that ran with them disabled (`ALTER TABLE responses DISABLE TRIGGER USER`, much faster for
 * millions of rows), or for a database restored from a dump of the responses alone. Returns
 * how many count rows there are.
 *
 * @example
 * await db.query('ALTER TABLE responses DISABLE TRIGGER USER')
 * // … COPY or INSERT … SELECT the old responses …
 * await db.query('ALTER TABLE responses ENABLE TRIGGER USER')
 * await rebuildCounts(db)
 */
export function rebuildCounts(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE responses IN SHARE ROW EXCLUSIVE MODE')
    await tx.query('DELETE FROM response_counts')
    await tx.query(backfillCounts)
    return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM response_counts')).rows[0]!.n
  })
}
