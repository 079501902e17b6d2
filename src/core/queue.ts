import type { SurveyEvent, SurveyResponse } from '../types'

/** What the queue holds and delivery sends: responses, and the `shown`/`dismissed` events. */
export type Payload = SurveyResponse | SurveyEvent

/** The bounds on the delivery queue: what a visitor's storage may hold however long a collector is down. */
export const QUEUE_LIMITS = { items: 100, ageMs: 7 * 24 * 3600 * 1000 } as const

// An event never changes: its `at` stands for a response's `updatedAt` (and `complete` is undefined).
const stamp = (r: Payload): string => (r as SurveyResponse).updatedAt ?? (r as SurveyEvent).at
const time = (r: Payload): number => Date.parse(stamp(r))

/** Names one version of a response (or an event): the queue holds one per id, but the wire may carry two. */
export const keyOf = (r: Payload): string => r.id + stamp(r) + (r as SurveyResponse).complete

/**
 * Adds a response to the queue, or replaces the queued version with the same `id`.
 * The newest `updatedAt` wins (on a tie, the complete one): a `complete: false` arriving
 * after its `complete: true` (another tab, a late retry) never takes its place.
 * The newest version goes to the end; past {@link QUEUE_LIMITS}.items the oldest are cut.
 *
 * @example
 * upsert(upsert([], first), completed) // → [completed]
 */
export function upsert<P extends Payload>(queue: readonly P[], response: P): P[] {
  const old = queue.find((r) => r.id === response.id) as SurveyResponse | undefined
  if (old && (time(old) > time(response) || (time(old) === time(response) && old.complete && !(response as SurveyResponse).complete))) return [...queue]
  return [...queue.filter((r) => r.id !== response.id), response].slice(-QUEUE_LIMITS.items)
}

/**
 * Turns whatever storage held under the queue's key into a valid queue, never throwing.
 * Anything that is not a list of responses and events (another script's data, a truncated
 * write, an older format) counts as nothing; entries without a string `id` and a readable
 * `updatedAt` (an event's `at`), or older than {@link QUEUE_LIMITS}.ageMs, are dropped,
 * duplicates merged.
 *
 * @param raw - `JSON.parse` of the stored text (or `null`).
 * @param now - epoch ms, to age entries out.
 */
export function reviveQueue(raw: unknown, now: number): Payload[] {
  let queue: Payload[] = []
  if (!Array.isArray(raw)) return queue
  // Slice first: a corrupt list of a million entries costs no more than a full one.
  for (const r of raw.slice(-2 * QUEUE_LIMITS.items) as unknown[]) {
    if (typeof r !== 'object' || r === null) continue
    const { id } = r as Record<string, unknown>
    const at = stamp(r as Payload) as unknown
    if (typeof id === 'string' && id && id.length <= 200 && typeof at === 'string' && Date.parse(at) > now - QUEUE_LIMITS.ageMs) {
      queue = upsert(queue, r as Payload)
    }
  }
  return queue
}

/** Parses stored queue text; anything unreadable is an empty queue. */
export function parseQueue(text: string | null, now: number): Payload[] {
  try {
    return reviveQueue(JSON.parse(text ?? 'null'), now)
  } catch {
    return []
  }
}
