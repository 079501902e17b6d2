import { responseColumns, toStored } from './rows'
import { where } from './where'
import type { Database, PageOptions, ResponseFilters, StoredResponse } from './types'

/** A page of responses, newest first, and how many match in all. */
export async function listResponses(db: Database, filters: ResponseFilters, { page, pageSize }: PageOptions) {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be an integer ≥ 1, not ${page}`)
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be an integer ≥ 1, not ${pageSize}`)
  const w = where(filters)
  const n = w.values.length
  const [items, count] = await Promise.all([
    db.query(`SELECT ${responseColumns} FROM responses ${w.sql} ORDER BY created_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...w.values,
      pageSize,
      (page - 1) * pageSize,
    ]),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM responses ${w.sql}`, w.values),
  ])
  return { items: items.rows.map(toStored), total: count.rows[0]!.total }
}

/**
 * Every matching response, newest first, in batches of `batchSize` read by keyset (created_at, id):
 * each batch starts where the last one ended, so memory holds one batch whatever the count, no
 * connection is held between batches, and a row written meanwhile neither repeats nor shifts one.
 */
export function streamResponses(db: Database, filters: ResponseFilters, { batchSize = 1000 } = {}): AsyncGenerator<StoredResponse> {
  // Checked here, before the first row is read (and before a route has sent any of its answer).
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer ≥ 1, not ${batchSize}`)
  return batches(db, filters, batchSize)
}

async function* batches(db: Database, filters: ResponseFilters, batchSize: number): AsyncGenerator<StoredResponse> {
  const w = where(filters)
  const n = w.values.length
  const and = w.sql ? `${w.sql} AND` : 'WHERE'
  // The cursor is created_at as text: a Date would round microseconds away and repeat or skip rows.
  const select = `SELECT ${responseColumns}, created_at::text AS "cursorAt" FROM responses`
  let after: [string, string] | undefined
  for (;;) {
    const { rows } = after
      ? await db.query(
          `${select} ${and} (created_at, id) < ($${n + 1}::timestamptz, $${n + 2}::uuid) ORDER BY created_at DESC, id DESC LIMIT $${n + 3}`,
          [...w.values, ...after, batchSize],
        )
      : await db.query(`${select} ${w.sql} ORDER BY created_at DESC, id DESC LIMIT $${n + 1}`, [...w.values, batchSize])
    for (const { cursorAt: _, ...row } of rows) yield toStored(row)
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]!
    after = [last.cursorAt, last.id]
  }
}
