import { setFollowUpState } from './followUps'
import { responseColumns, toStored } from './rows'
import type { Database, StoredResponse } from './types'

/** See Store.getResponse. */
export async function getResponse(db: Database, id: string): Promise<StoredResponse | null> {
  if (typeof id !== 'string') throw new TypeError('id must be a string')
  // Ids are uuids: anything else was never stored (and PostgreSQL would refuse to compare it).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null
  const { rows } = await db.query(`SELECT ${responseColumns} FROM responses WHERE id = $1`, [id])
  return rows.length === 0 ? null : toStored(rows[0]!)
}

/**
 * The follow-up as it was before states (POST /api/responses/:id/followed-up): true moves a 'new'
 * response to 'contacted' and leaves a contacted or resolved one as it is; false reopens it as
 * 'new'. Either way a change is written to the audit trail. The row, or null for an unknown id.
 */
export async function setFollowedUp(db: Database, id: string, followedUp: boolean, { by = '(followed-up route)', via = 'api' }: { by?: string; via?: string } = {}): Promise<StoredResponse | null> {
  if (typeof followedUp !== 'boolean') throw new TypeError(`followedUp must be a boolean, not ${JSON.stringify(followedUp)}`)
  const row = await getResponse(db, id)
  if (!row) return null
  if ((row.followUpState !== 'new') === followedUp) return row
  const changed = await setFollowUpState(db, id, { state: followedUp ? 'contacted' : 'new', by, via })
  return changed?.response ?? null
}
