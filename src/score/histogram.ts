import { listOf } from './listOf'
import { tally } from './tally'
import type { ScoreCollection } from './types'

/**
 * How many times each score was given: an array of 11 counts, index = score.
 *
 * @throws RangeError naming the index and the value of the first bad score.
 * @example
 * histogram([10, 10, 3]) // → [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2]
 */
export const histogram = (scores: ScoreCollection): number[] => {
  const list = listOf(scores, 'scores') as ArrayLike<number>
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
  // tally checks every score (and names the first bad one), so the counting loop need not.
  tally(list)
  for (let i = 0; i < list.length; ) counts[list[i++]!]!++
  return counts
}
