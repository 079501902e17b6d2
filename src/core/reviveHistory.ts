import { boundSurveys, emptyHistory, LIMITS } from './history'
import type { History, SurveyMemory } from './history'

type Loose = Record<string, unknown>

const isObject = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x)
// 1 / x > 0 is x >= 0 without -0, which is no time storage can hold (JSON writes it as 0): a revived
// history survives its own round trip.
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && 1 / x > 0

/**
 * Turns whatever storage returned into a valid {@link History}, never throwing.
 * Storage is shared with the page, other scripts and older versions, so anything may
 * be there: each field that does not check out falls back to the empty history's, and
 * lists are cut to their {@link LIMITS}. Bad data is treated as no data; that errs on
 * the side of asking, which the site-wide fatigue rule soon evens out again.
 *
 * @param raw - the parsed stored value (`JSON.parse` output, or `null`).
 * @param visitorId - a fresh id, used only when the stored one is missing or broken.
 * @param now - epoch ms; becomes `firstSeen` when the stored one is missing.
 * @example
 * const history = reviveHistory(JSON.parse(stored ?? 'null'), crypto.randomUUID(), Date.now())
 */
export function reviveHistory(raw: unknown, visitorId: string, now: number): History {
  const empty = emptyHistory(visitorId, now)
  if (!isObject(raw)) return empty
  const id = raw.visitorId
  const visits = raw.visits
  return {
    v: 1,
    visitorId: typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : empty.visitorId,
    firstSeen: isTime(raw.firstSeen) ? raw.firstSeen : empty.firstSeen,
    visits: Number.isSafeInteger(visits) && (visits as number) >= 0 ? (visits as number) : 0,
    surveys: reviveSurveys(raw.surveys),
    // Slice before checking: a corrupt list of a million entries costs no more than a good one.
    prompts: lastOf(raw.prompts, LIMITS.prompts).filter(isTime),
    keys: lastOf(raw.keys, LIMITS.keys)
      .filter((k): k is { hash: number; at: number } => isObject(k) && isTime(k.at) && (k.hash as number) >>> 0 === k.hash)
      .map(({ hash, at }) => ({ hash, at })),
  }
}

function lastOf(list: unknown, limit: number): unknown[] {
  return Array.isArray(list) ? list.slice(-limit) : []
}

function reviveSurveys(raw: unknown): Record<string, SurveyMemory> {
  if (!isObject(raw)) return {}
  // fromEntries defines own data properties: a key such as "__proto__" stays a survey id, never a prototype.
  return boundSurveys(
    Object.fromEntries(
      Object.entries(raw)
        .filter((entry): entry is [string, Loose] => isObject(entry[1]))
        .map(([id, value]) => [id, Object.fromEntries(times.filter((k) => isTime(value[k])).map((k) => [k, value[k]]))]),
    ),
  )
}

const times = ['answered', 'dismissed'] as const
