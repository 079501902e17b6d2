import { fnv1a } from './hash'

/** What one survey remembers about one visitor. Epoch ms. */
export interface SurveyMemory {
  readonly answered?: number
  readonly dismissed?: number
}

/**
 * Everything npskit keeps about one visitor, as storage holds it (plain JSON).
 * Lists are bounded so the stored value stays small however long someone visits.
 */
export interface History {
  /** Format version, for a later migration. */
  readonly v: 1
  /** A random id made once per visitor; seeds sampling, never sent anywhere. */
  readonly visitorId: string
  /** Epoch ms of the first visit. */
  readonly firstSeen: number
  readonly visits: number
  /** Per survey id. Read it with {@link memoryOf}. */
  readonly surveys: Readonly<Record<string, SurveyMemory>>
  /** When any survey on the site was shown, oldest first, at most {@link LIMITS}.prompts. */
  readonly prompts: readonly number[]
  /**
   * Dedupe keys already surveyed, oldest first, at most {@link LIMITS}.keys. A key is kept
   * as a hash of survey id and key: an order number is nobody else's business, even in storage.
   */
  readonly keys: readonly { readonly hash: number; readonly at: number }[]
}

/**
 * The bounds on the lists in a {@link History}. A fatigue rule allowing more than
 * `prompts` prompts per period could never trip, so options should refuse one.
 */
export const LIMITS = { prompts: 50, keys: 50, surveys: 50 } as const

/**
 * A history for a visitor seen for the first time.
 *
 * @param visitorId - a fresh random id (e.g. `crypto.randomUUID()`); the core makes none.
 * @example
 * const history = emptyHistory(crypto.randomUUID(), Date.now())
 */
export function emptyHistory(visitorId: string, now: number): History {
  return { v: 1, visitorId, firstSeen: now, visits: 0, surveys: {}, prompts: [], keys: [] }
}

/**
 * What a survey remembers, or `{}`. Survey ids are the shop's strings, so a lookup
 * must not find `constructor` or `__proto__` on Object.prototype.
 *
 * @example
 * memoryOf(history, 'post-purchase').answered // → epoch ms or undefined
 */
export function memoryOf(history: History, surveyId: string): SurveyMemory {
  return Object.hasOwn(history.surveys, surveyId) ? (history.surveys[surveyId] ?? {}) : {}
}

/**
 * The stored form of a dedupe key of one survey: per survey, so the same order number
 * may still be asked about by a different survey.
 *
 * @example
 * history.keys.some((k) => k.hash === dedupeHash('post-purchase', 'A-1001'))
 */
export function dedupeHash(surveyId: string, key: string): number {
  return fnv1a(`${surveyId}\u0000${key}`)
}

/**
 * Counts a visit. What makes a visit (a new tab, a new session) is the adapter's call.
 *
 * @example
 * history = recordVisit(history)
 */
export function recordVisit(history: History): History {
  return { ...history, visits: history.visits + 1 }
}

/**
 * Notes that a survey was shown: it counts towards site-wide fatigue, and its dedupe key,
 * if any, is spent, so a dismissed prompt for an order still counts as asking about it.
 *
 * @example
 * history = recordPrompt(history, 'post-purchase', now, 'A-1001')
 */
export function recordPrompt(history: History, surveyId: string, now: number, dedupeKey?: string): History {
  const prompts = [...history.prompts, now].slice(-LIMITS.prompts)
  if (dedupeKey === undefined) return { ...history, prompts }
  const keys = [...history.keys, { hash: dedupeHash(surveyId, dedupeKey), at: now }].slice(-LIMITS.keys)
  return { ...history, prompts, keys }
}

/**
 * Notes that a survey was answered.
 *
 * @example
 * history = recordAnswer(history, 'post-purchase', now)
 */
export function recordAnswer(history: History, surveyId: string, now: number): History {
  return remember(history, surveyId, { ...memoryOf(history, surveyId), answered: now })
}

/**
 * Notes that a survey was closed without an answer.
 *
 * @example
 * history = recordDismiss(history, 'post-purchase', now)
 */
export function recordDismiss(history: History, surveyId: string, now: number): History {
  return remember(history, surveyId, { ...memoryOf(history, surveyId), dismissed: now })
}

function remember(history: History, surveyId: string, memory: SurveyMemory): History {
  // A computed key defines an own property, so even '__proto__' is stored as data.
  return { ...history, surveys: boundSurveys({ ...history.surveys, [surveyId]: memory }) }
}

/**
 * Keeps the {@link LIMITS}.surveys most recently active surveys, so a shop that makes
 * survey ids on the fly (one per order, say) cannot grow storage without end.
 *
 * @example
 * boundSurveys({ a: { answered: 1 } }) // → { a: { answered: 1 } }
 */
export function boundSurveys(surveys: Readonly<Record<string, SurveyMemory>>): Record<string, SurveyMemory> {
  const entries = Object.entries(surveys)
  if (entries.length <= LIMITS.surveys) return { ...surveys }
  const last = (m: SurveyMemory) => Math.max(m.answered ?? 0, m.dismissed ?? 0)
  return Object.fromEntries(entries.sort((a, b) => last(b[1]) - last(a[1])).slice(0, LIMITS.surveys))
}
