import { fail } from './fail'
import { toList } from './toList'
import type { ScoreCollection, Tally } from './types'

/**
 * Counts detractors, passives and promoters. Takes any array, typed array, array-like or
 * iterable of scores; with `weights` (same length, finite and ≥ 0) each score counts by its
 * weight and `total` is the sum of the weights.
 *
 * @throws RangeError naming the index and value of the first score that is not an integer
 * 0–10 (or whose weight is negative or not finite); TypeError for weights of another length.
 * @example
 * tally([10, 9, 8, 3]) // → { detractors: 1, passives: 1, promoters: 2, total: 4 }
 * tally(new Uint8Array([10, 0]), [2, 0.5]) // → { detractors: 0.5, passives: 0, promoters: 2, total: 2.5 }
 */
export function tally(scores: ScoreCollection, weights?: ArrayLike<number>): Tally {
  const list = toList(scores)
  const n = list.length
  let d = 0
  let pa = 0
  let pr = 0
  if (weights && weights.length !== n) fail('weights length (scores: ' + n + ')', weights.length, TypeError)
  for (let i = 0, s, w; i < n; i++) {
    s = list[i]!
    w = weights ? weights[i]! : 1
    // (s | 0) !== s rejects NaN, fractions, strings and null in one test: see isScore.
    // One message for both checks keeps this entry within its 350-byte budget.
    if ((s | 0) !== s || s < 0 || s > 10 || !(w >= 0 && w < 1 / 0)) {
      fail('score at index ' + i, weights ? s + ' (weight ' + w + ')' : s)
    }
    if (s > 8) pr += w
    else if (s > 6) pa += w
    else d += w
  }
  return { detractors: d, passives: pa, promoters: pr, total: d + pa + pr }
}
