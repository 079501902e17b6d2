import { tallyOf } from './tallyOf'
import { tally } from './tally'
import type { Tally } from './types'

/**
 * Adds tallies up. Counting is associative, so tallies made per shard, day, worker or database
 * partition merge into exactly the tally of all the scores together. Each tally is checked,
 * which makes `merge(t)` the way to validate a tally read from storage or another process.
 *
 * @throws RangeError for a tally with a negative or non-finite count or a total that is not
 * the sum of the counts.
 * @example
 * merge(tally([10, 3]), tally([9])) // → { detractors: 1, passives: 0, promoters: 2, total: 3 }
 * merge() // → { detractors: 0, passives: 0, promoters: 0, total: 0 }
 */
export const merge = (...tallies: Tally[]): Tally =>
  // A tally is a weighted tally of one detractor, one passive and one promoter score (0, 7, 9):
  // weighing them with the counts adds the tallies up, and checks each count on the way.
  tally(
    tallies.flatMap(() => [0, 7, 9]),
    tallies.flatMap((t) => (tallyOf(t), [t.detractors, t.passives, t.promoters])),
  )
