import { fail } from './fail'
import type { ScoreCollection, Tally } from './types'

/**
 * Counts detractors, passives and promoters. Takes any array, typed array, array-like or
 * iterable of scores. With `weights` (an array or typed array of the same length, each finite
 * and ≥ 0) each score counts by its weight, `total` is the sum of the weights and
 * `squaredWeights` the sum of their squares, which the intervals and {@link compare} need to
 * know how many answers the weighted counts stand for (see {@link Tally}).
 *
 * @throws RangeError naming the index and the value of the first score that is not an integer
 * from 0 to 10; with weights, of the first score or weight that is bad (the message then shows
 * both, e.g. `score at index 3: 7,-1` for a negative weight); RangeError when `weights` has
 * another length; TypeError when `scores` is not a collection.
 * @example
 * tally([10, 9, 8, 3]) // → { detractors: 1, passives: 1, promoters: 2, total: 4 }
 * tally(new Uint8Array([10, 0]), [2, 0.5]) // → { detractors: 0.5, passives: 0, promoters: 2, total: 2.5, squaredWeights: 4.25 }
 */
export const tally = (scores: ScoreCollection, weights?: ArrayLike<number>): Tally => {
  // Arrays, typed arrays and array-likes are read by index (fast); other iterables are copied
  // once. (Written out here rather than shared: a call costs bytes in the smallest bundle.)
  const list: ArrayLike<number> =
    (scores as ArrayLike<number>)?.length >= 0
      ? (scores as ArrayLike<number>)
      : Symbol.iterator in Object(scores)
        ? [...(scores as Iterable<number>)]
        : fail('scores', scores, TypeError)
  const n = list.length
  // Counts per category, indexed by (s > 6) + (s > 8): no branch per score, which shuffled data
  // would mispredict (that costs more than the rest of the loop), and smaller than 11 bins.
  const c = [0, 0, 0]
  if (weights && weights.length !== n) fail('weights length', weights.length)
  // The hot path: an indexed loop (no iterator) and one cheap test per score. (s >>> 0) === s
  // turns NaN, fractions, negative numbers, strings and null away at once; -0 passes, as 0.
  // w - w == 0 is false for ±Infinity and NaN. q sums the squared weights, for the intervals.
  let q = 0
  for (let i = 0, s, w = 1; i < n; i++) {
    s = list[i]!
    if (weights) q += (w = weights[i]!) * w
    // One message for both kinds of bad value keeps the nps + tally bundle small.
    if (s >>> 0 !== s || s > 10 || !(w >= 0 && w - w == 0)) fail('score at index ' + i, weights ? [s, w] : s)
    c[((s > 6) as unknown as number) + ((s > 8) as unknown as number)]! += w
  }
  return { detractors: c[0]!, passives: c[1]!, promoters: c[2]!, total: c[0]! + c[1]! + c[2]!, ...(weights && { squaredWeights: q }) }
}
