import { tallyOf } from './tallyOf'
import type { Tally } from './types'

/**
 * Adds tallies up. Counting is associative, so tallies made per shard, day, worker or
 * database partition merge into exactly the tally of all the scores together. Each tally is
 * checked, which makes `merge(t)` the way to validate a tally from storage or another process.
 *
 * @example
 * merge(tally([10, 3]), tally([9])) // → { detractors: 1, passives: 0, promoters: 2, total: 3 }
 * merge() // → { detractors: 0, passives: 0, promoters: 0, total: 0 }
 */
export function merge(...tallies: Tally[]): Tally {
  let d = 0
  let pa = 0
  let pr = 0
  for (const t of tallies) {
    tallyOf(t)
    d += t.detractors
    pa += t.passives
    pr += t.promoters
  }
  return { detractors: d, passives: pa, promoters: pr, total: d + pa + pr }
}
