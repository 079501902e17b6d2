// Fills a database with generated responses through the collector's own store, as the collector
// itself stores them (counts included).
import { createStore } from '../../dist/collector.js'
import { generate } from './generate.mjs'

/** @returns {Promise<number>} how many responses were written */
export async function seed(db, options = {}) {
  const store = createStore(db)
  const responses = generate(options)
  const plain = responses.map(({ followedUp: _, ...response }) => response)
  // In batches of 500, each one transaction.
  for (let i = 0; i < plain.length; i += 500) await store.upsertMany(plain.slice(i, i + 500))
  // The inbox's history: older detractors were already called back, a day after they answered.
  const followed = responses.filter((r) => r.followedUp).map((r) => r.id)
  await db.query(
    "UPDATE responses SET followed_up_at = created_at + interval '1 day' WHERE id = ANY($1::uuid[]) AND followed_up_at IS NULL",
    [followed],
  )
  return responses.length
}
