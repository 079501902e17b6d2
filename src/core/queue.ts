import type { SurveyResponse } from '../types'

/** The bounds on the delivery queue: what a visitor's storage may hold however long a collector is down. */
export const QUEUE_LIMITS = { items: 100, ageMs: 7 * 24 * 3600 * 1000 } as const

const time = (r: SurveyResponse): number => Date.parse(r.updatedAt)

/** Names one version of a response: the queue holds one per id, but the wire may carry two. */
export const keyOf = (r: SurveyResponse): string => r.id + r.updatedAt + r.complete

/**
 * Adds a response to the queue, or replaces the queued version with the same `id`.
 * The newest `updatedAt` wins (on a tie, the complete one): a `complete: false` arriving
 * after its `complete: true` (another tab, a late retry) never takes its place.
 * The newest version goes to the end; past {@link QUEUE_LIMITS}.items the oldest are cut.
 *
 * @example
 * upsert(upsert([], first), completed) // → [completed]
 */
export function upsert(queue: readonly SurveyResponse[], response: SurveyResponse): SurveyResponse[] {
  const old = queue.find((r) => r.id === response.id)
  if (old && (time(old) > time(response) || (time(old) === time(response) && old.complete && !response.complete))) return [...queue]
  return [...queue.filter((r) => r.id !== response.id), response].slice(-QUEUE_LIMITS.items)
}

/**
 * Turns whatever storage held under the queue's key into a valid queue, never throwing.
 * Anything that is not a list of responses (another script's data, a truncated write,
 * an older format) counts as nothing; entries without a string `id` and a readable
 * `updatedAt`, or older than {@link QUEUE_LIMITS}.ageMs, are dropped, duplicates merged.
 *
 * @param raw - `JSON.parse` of the stored text (or `null`).
 * @param now - epoch ms, to age entries out.
 */
export function reviveQueue(raw: unknown, now: number): SurveyResponse[] {
  let queue: SurveyResponse[] = []
  if (!Array.isArray(raw)) return queue
  // Slice first: a corrupt list of a million entries costs no more than a full one.
  for (const r of raw.slice(-2 * QUEUE_LIMITS.items) as unknown[]) {
    if (typeof r !== 'object' || r === null) continue
    const { id, updatedAt } = r as Record<string, unknown>
    if (typeof id === 'string' && id && id.length <= 200 && typeof updatedAt === 'string' && Date.parse(updatedAt) > now - QUEUE_LIMITS.ageMs) {
      queue = upsert(queue, r as SurveyResponse)
    }
  }
  return queue
}

/** Parses stored queue text; anything unreadable is an empty queue. */
export function parseQueue(text: string | null, now: number): SurveyResponse[] {
  try {
    return reviveQueue(JSON.parse(text ?? 'null'), now)
  } catch {
    return []
  }
}
