import { setFollowUpState } from './followUps'
import { responseColumns, toStored } from './rows'
import type { Database, StoredResponse } from './types'

/**
 * The follow-up as it was before states (POST /api/responses/:id/followed-up): true moves a 'new'
 * response to 'contacted' and leaves a contacted or resolved one as it is; false reopens it as
 * 'new'. Either way a change is written to the audit trail. The row, or null for an unknown id.
 */
export async function setFollowedUp(db: Database, id: string, followedUp: boolean, { by = '(followed-up route)', via = 'api' }: { by?: string; via?: string } = {}): Promise<StoredResponse | null> {
  if (typeof followedUp !== 'boolean') throw new TypeError(`followedUp must be a boolean, not ${JSON.stringify(followedUp)}`)
  const { rows } = await db.query(`SELECT ${responseColumns} FROM responses WHERE id = $1`, [id])
  if (rows.length === 0) return null
  const row = toStored(rows[0]!)
  if ((row.followUpState !== 'new') === followedUp) return row
  const changed = await setFollowUpState(db, id, { state: followedUp ? 'contacted' : 'new', by, via })
  return changed?.response ?? null
}
