// Erasure and access requests (GDPR articles 17 and 15): every response of one customer, found by
// the `id` or the `email` the site put in the response's `user`.
import { personHash, personKeys, recontactSalt } from './personHashes'
import { responseColumns, toStored } from './rows'
import type { CustomerKey, Database, StoredResponse } from './types'

/** The WHERE clause for a customer; e-mail addresses compare without regard to case. */
export function customerWhere(who: CustomerKey): { sql: string; value: string } {
  const { user, email } = Object(who) as { user?: unknown; email?: unknown }
  if ((user === undefined) === (email === undefined)) throw new TypeError('Give exactly one of user or email')
  const [name, value] = user !== undefined ? ['user', user] : ['email', email]
  if (typeof value !== 'string' || value === '' || value.length > 1000) throw new TypeError(`${name} must be a non-empty string`)
  return user !== undefined
    ? { sql: "user_info->>'id' = $1", value }
    : { sql: "lower(user_info->>'email') = lower($1)", value }
}

/**
 * Deletes every response of the customer and their events (found by the person hash of the same
 * id or address, as events keep no user), in one statement: all or nothing. How many responses.
 */
export async function eraseCustomer(db: Database, who: CustomerKey): Promise<number> {
  const { sql, value } = customerWhere(who)
  const keys = personKeys(who.user !== undefined ? { id: who.user } : { email: who.email! })
  const hash = personHash(await recontactSalt(db), (keys.id ?? keys.email)!)
  const column = keys.id ? 'person_id_hash' : 'person_email_hash'
  const { rows } = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM responses WHERE ${sql} RETURNING 1),
       events_gone AS (DELETE FROM events WHERE ${column} = $2 RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [value, hash],
  )
  return rows[0]!.n
}

/**
 * Every response of the customer, oldest first, read in batches by keyset. A bad request throws
 * here, before the first row is read (and before a route has sent any of its answer).
 */
export function exportCustomer(db: Database, who: CustomerKey, { batchSize = 500 } = {}): AsyncGenerator<StoredResponse> {
  const where = customerWhere(who)
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer ≥ 1, not ${batchSize}`)
  return customerRows(db, where, batchSize)
}

async function* customerRows(db: Database, { sql, value }: { sql: string; value: string }, batchSize: number): AsyncGenerator<StoredResponse> {
  const select = `SELECT ${responseColumns}, created_at::text AS "cursorAt" FROM responses WHERE ${sql}`
  let after: [string, string] | undefined
  for (;;) {
    const { rows } = after
      ? await db.query(`${select} AND (created_at, id) > ($2::timestamptz, $3::uuid) ORDER BY created_at, id LIMIT $4`, [value, ...after, batchSize])
      : await db.query(`${select} ORDER BY created_at, id LIMIT $2`, [value, batchSize])
    for (const { cursorAt: _, ...row } of rows) yield toStored(row)
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]!
    after = [last.cursorAt, last.id]
  }
}
