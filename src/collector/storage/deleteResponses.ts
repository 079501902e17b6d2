import type { Database } from './types'

/** Deletes the responses matching `condition` (with its parameters); how many. */
export async function deleteResponses(db: Database, condition: string, values: unknown[]): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ n: number }>(`WITH gone AS (DELETE FROM responses WHERE ${condition} RETURNING 1) SELECT count(*)::int AS n FROM gone`, values)
    return rows[0]!.n
  })
}
