import { recordVisit, type History } from '../core/history'
import { reviveHistory } from '../core/reviveHistory'
import type { Store } from '../adapters/storage'

/** Keys in the store (which adds its prefix): the visitor's history, and when they were last seen. */
export const KEYS = { history: 'history', seen: 'seen' } as const

/** A visit ends after this long without a page view: the rule web analytics use. */
export const VISIT_GAP_MS = 30 * 60_000

/**
 * The visitor's history from the store. Nothing stored, unparseable JSON and wrong shapes all
 * give a fresh history (`reviveHistory` keeps whatever fields check out). Only reads.
 *
 * @param newId - makes the visitor id when none is stored, e.g. `randomId`.
 * @example
 * const history = loadHistory(createStore('local'), Date.now(), randomId)
 */
export function loadHistory(store: Store, now: number, newId: () => string): History {
  let raw: unknown = null
  try {
    raw = JSON.parse(store.get(KEYS.history) ?? 'null')
  } catch {
    // Garbage: treated as nothing stored.
  }
  return reviveHistory(raw, newId(), now)
}

/**
 * Writes the history. The store never throws; when storage is full or blocked the value lives
 * in memory for this page. Call it only with consent.
 */
export function saveHistory(store: Store, history: History): void {
  store.set(KEYS.history, JSON.stringify(history))
}

/**
 * Counts this page view as a visit when it starts one, and says when the visitor was last
 * seen. A visit is a run of page views with no gap of {@link VISIT_GAP_MS} (30 minutes) or
 * more, as in web analytics. The time of the last page view is kept in the same store under
 * `seen`, so this works with any storage option, and a second tab does not count twice (a
 * `sessionStorage` marker would count every tab). A last-seen time in the future (a clock set
 * back) starts a new visit rather than holding visits back until the clock catches up.
 *
 * Writes both keys when a visit starts, `seen` otherwise: call it only with consent.
 *
 * @returns the history, with one more visit when a visit started.
 * @example
 * history = countVisit(store, loadHistory(store, now, randomId), now)
 */
export function countVisit(store: Store, history: History, now: number): History {
  const seen = Number(store.get(KEYS.seen) ?? NaN)
  store.set(KEYS.seen, String(now))
  if (now - seen >= 0 && now - seen < VISIT_GAP_MS) return history
  const counted = recordVisit(history)
  saveHistory(store, counted)
  return counted
}
