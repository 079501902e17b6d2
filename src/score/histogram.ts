import { fail } from './fail'
import { isScore } from './isScore'
import { toList } from './toList'
import type { ScoreCollection } from './types'

/**
 * How many times each score was given: an array of 11 counts, index = score.
 *
 * @throws RangeError naming the index and the value of the first bad score.
 * @example
 * histogram([10, 10, 3]) // → [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2]
 */
export const histogram = (scores: ScoreCollection): number[] => {
  const list = toList(scores)
  const counts = Array<number>(11).fill(0)
  for (let i = 0, s; i < list.length; i++) {
    if (!isScore((s = list[i]))) fail('score at index ' + i, s)
    counts[s as number]!++
  }
  return counts
}
