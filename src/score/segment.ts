import { badScore, fail } from './fail'
import { isScore } from './isScore'
import { tally } from './tally'
import type { Tally } from './types'

/**
 * Tallies responses per segment, e.g. per journey point, locale or country. Segments appear
 * in the order they are first met; keys are compared as Map keys are (`'1'` and `1` differ).
 *
 * @example
 * segment(responses, (r) => r.journeyPoint)
 * // → Map { 'checkout-complete' => { detractors: 3, … }, 'support-closed' => { … } }
 */
export function segment<R extends { readonly score: number }, K = string>(responses: Iterable<R>, key: (response: R, index: number) => K): Map<K, Tally> {
  if (typeof key !== 'function') fail('key', key, TypeError)
  const groups = new Map<K, number[]>()
  let i = 0
  for (const r of responses) {
    const s = r?.score
    if (!isScore(s)) badScore(s, i)
    const k = key(r, i++)
    const group = groups.get(k)
    if (group) group.push(s)
    else groups.set(k, [s])
  }
  return new Map([...groups].map(([k, scores]) => [k, tally(scores)]))
}
