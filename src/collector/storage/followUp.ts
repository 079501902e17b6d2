import { responseColumns, toStored } from './rows'
import type { Database, StoredResponse } from './types'

/** Marks a response as followed up (or not): the row, or null for an unknown id. */
export async function setFollowedUp(db: Database, id: string, followedUp: boolean): Promise<StoredResponse | null> {
  if (typeof followedUp !== 'boolean') throw new TypeError(`followedUp must be a boolean, not ${JSON.stringify(followedUp)}`)
  const { rows } = await db.query(
    `UPDATE responses SET followed_up_at = CASE WHEN $2::boolean THEN coalesce(followed_up_at, now()) ELSE NULL END
     WHERE id = $1 RETURNING ${responseColumns}`,
    [id, followedUp],
  )
  return rows[0] ? toStored(rows[0]) : null
}
