import { category } from './category'
import { fail } from './fail'
import { isScore } from './isScore'
import { tally } from './tally'
import type { Tally } from './types'

/**
 * Tallies responses per segment, e.g. per journey point, locale or country. Segments appear in
 * the order they are first met; keys are compared as Map keys are (`'1'` and `1` differ).
 *
 * @throws TypeError when `responses` is not iterable or `key` is not a function; RangeError
 * naming the index and the value of the first response whose `score` is bad.
 * @example
 * segment(responses, (r) => r.journeyPoint)
 * // → Map { 'checkout-complete' => { detractors: 3, … }, 'support-closed' => { … } }
 */
export const segment = <R extends { readonly score: number }, K = string>(
  responses: Iterable<R>,
  key: (response: R, index: number) => K,
): Map<K, Tally> => {
  if (!(Symbol.iterator in Object(responses))) fail('responses', responses, TypeError)
  if (typeof key != 'function') fail('key', key, TypeError)
  const groups = new Map<K, Tally>()
  let i = 0
  for (const r of responses) {
    const s = r?.score
    if (!isScore(s)) fail('score at index ' + i, s)
    const k = key(r, i++)
    let t = groups.get(k)
    if (!t) groups.set(k, (t = tally([])))
    t[`${category(s)}s`]++
    t.total++
  }
  return groups
}
