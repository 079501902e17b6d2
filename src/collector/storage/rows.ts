// How a stored response is read back: camelCase names, times as ISO 8601 strings.
import type { StoredResponse } from './types'

/** The SELECT list that reads a `responses` row as a StoredResponse. */
export const responseColumns = `id, survey_id AS "surveyId", score, category, comment, contact_consent AS "contactConsent",
  journey_point AS "journeyPoint", channel, locale, question, page, user_info AS "user", metadata,
  created_at AS "createdAt", updated_at AS "updatedAt", complete, sdk_version AS "sdkVersion",
  received_at AS "receivedAt", followed_up_at AS "followedUpAt",
  follow_up_state AS "followUpState", follow_up_by AS "followUpBy", follow_up_at AS "followUpAt", follow_up_note AS "followUpNote",
  first_contact_at AS "firstContactAt"`

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : value === null ? null : String(value))

/** A row read with responseColumns, with its times as strings (both drivers give Dates). */
export function toStored(row: Record<string, any>): StoredResponse {
  return {
    ...(row as StoredResponse),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    receivedAt: iso(row.receivedAt)!,
    followedUpAt: iso(row.followedUpAt),
    followUpAt: iso(row.followUpAt),
    firstContactAt: iso(row.firstContactAt),
  }
}
