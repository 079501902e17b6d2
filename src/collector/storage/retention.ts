import { deleteResponses } from './deleteResponses'
import type { Database } from './types'

const DAY = 864e5

/** Deletes the responses created more than `days` days before `now`; how many. */
export function deleteOlderThan(db: Database, days: number, now = Date.now()): Promise<number> {
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) throw new RangeError(`days must be a positive number, not ${days}`)
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, not ${now}`)
  return deleteResponses(db, 'created_at < $1', [new Date(now - days * DAY).toISOString()])
}
