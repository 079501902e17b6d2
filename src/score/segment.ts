import { fail } from './fail'
import { listOf } from './listOf'
import type { Tally } from './types'

/**
 * Tallies responses per segment, e.g. per journey point, locale or country. Segments appear in
 * the order they are first met; keys are compared as Map keys are (`'1'` and `1` differ).
 * Takes an array (read by index) or any iterable (copied once).
 *
 * @throws TypeError when `responses` is not iterable or `key` is not a function; RangeError
 * naming the index and the value of the first response whose `score` is bad.
 * @example
 * segment(responses, (r) => r.journeyPoint)
 * // → Map { 'checkout-complete' => { detractors: 3, … }, 'support-closed' => { … } }
 */
export const segment = <R extends { readonly score: number }, K = string>(
  responses: Iterable<R> | ArrayLike<R>,
  key: (response: R, index: number) => K,
): Map<K, Tally> => {
  const list = listOf(responses, 'responses')
  if (typeof key != 'function') fail('key', key, TypeError)
  // Counts per key as [detractors, passives, promoters], indexed without a branch per response
  // (see tally); the tallies are made once per key at the end, not updated field by field.
  const counts = new Map<K, number[]>()
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!
    const s = r?.score
    if (s >>> 0 !== s || s > 10) fail('score at index ' + i, s)
    const k = key(r, i)
    let c = counts.get(k)
    if (!c) counts.set(k, (c = [0, 0, 0]))
    c[((s > 6) as unknown as number) + ((s > 8) as unknown as number)]!++
  }
  const groups = new Map<K, Tally>()
  for (const [k, [d, a, p]] of counts as Map<K, [number, number, number]>) {
    groups.set(k, { detractors: d, passives: a, promoters: p, total: d + a + p })
  }
  return groups
}
