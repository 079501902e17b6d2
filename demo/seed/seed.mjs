// Fills a database with generated responses through the collector's own store, as the collector
// itself stores them (counts included).
import { createStore } from '../../dist/collector.js'
import { generate } from './generate.mjs'

/** @returns {Promise<number>} how many responses were written */
export async function seed(db, options = {}) {
  const store = createStore(db)
  const responses = generate(options)
  const plain = responses.map(({ followedUp: _, ...response }) => response)
  // One transaction (500 rows a statement): the counting triggers run once per statement, and the
  // dashboard sees all of the seed or none of it.
  await store.upsertMany(plain)
  // The inbox's history: older detractors were already contacted, 2 to 47 hours after they
  // answered (so the time to first contact has something to show), and two in three resolved a
  // day later; with the audit rows the inbox itself would have written.
  const followed = responses.filter((r) => r.followedUp).map((r) => r.id)
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE responses SET first_contact_at = created_at + interval '1 hour' * (2 + abs(hashtext(id::text)) % 46)
       WHERE id = ANY($1::uuid[]) AND first_contact_at IS NULL`,
      [followed],
    )
    await tx.query(
      `UPDATE responses SET follow_up_by = 'Demo seed', followed_up_at = first_contact_at,
         follow_up_state = CASE WHEN abs(hashtext(id::text)) % 3 = 0 THEN 'contacted' ELSE 'resolved' END,
         follow_up_at = CASE WHEN abs(hashtext(id::text)) % 3 = 0 THEN first_contact_at ELSE first_contact_at + interval '1 day' END
       WHERE id = ANY($1::uuid[]) AND follow_up_state = 'new'`,
      [followed],
    )
    await tx.query(
      `INSERT INTO follow_up_events (response_id, from_state, to_state, who, via, note, at)
       SELECT id, 'new', 'contacted', 'Demo seed', 'seed', NULL, first_contact_at FROM responses WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT id, 'contacted', 'resolved', 'Demo seed', 'seed', NULL, follow_up_at FROM responses WHERE id = ANY($1::uuid[]) AND follow_up_state = 'resolved'`,
      [followed],
    )
  })
  // The response rate: every answer was shown first, and about two in three showings were not
  // answered (one in two of those closed without a score), as events the widget would have sent.
  await db.query(
    `WITH seeded AS (SELECT r.* FROM responses r JOIN unnest($1::uuid[]) AS s(id) ON r.id = s.id)
     INSERT INTO events (id, kind, survey_id, response_id, journey_point, channel, locale, page, at, sdk_version)
     SELECT gen_random_uuid(), 'shown', survey_id, id, journey_point, channel, locale, page, created_at - interval '25 seconds', sdk_version
       FROM seeded
     UNION ALL
     SELECT gen_random_uuid(), k.kind, r.survey_id, NULL, r.journey_point, r.channel, r.locale, r.page,
         r.created_at - interval '1 hour' * (1 + g), r.sdk_version
       FROM seeded r CROSS JOIN LATERAL generate_series(1, abs(hashtext(r.id::text)) % 4) AS g
         CROSS JOIN LATERAL (VALUES ('shown'), (CASE WHEN g % 2 = 0 THEN 'dismissed' END)) AS k(kind)
       WHERE k.kind IS NOT NULL`,
    [plain.map((r) => r.id)],
  )
  return responses.length
}
