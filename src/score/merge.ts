import { listOf } from './listOf'
import { badTally, wellFormed } from './tallyOf'
import type { Tally } from './types'

/**
 * Adds tallies up, in one pass. Counting is associative, so tallies made per shard, day, worker
 * or database partition merge into exactly the tally of all the scores together; weighted
 * tallies keep their sum of squared weights exact too (an unweighted tally adds its `total`:
 * all its weights are 1). Each tally is checked, which makes `merge(t)` the way to validate a
 * tally read from storage or another process.
 *
 * Takes the tallies as arguments or as one array or iterable of tallies: pass a large array
 * as it is (`merge(rows)`), since spreading a million arguments exceeds what engines allow.
 *
 * @throws RangeError showing the fields and the index of the first tally with a negative or
 * non-finite count, a total that is not the sum of the counts, or a negative or non-finite
 * `squaredWeights` (`invalid tally: -1,0,2,1 at index 3`); TypeError when one argument is neither a
 * tally nor an iterable.
 * @example
 * merge(tally([10, 3]), tally([9])) // → { detractors: 1, passives: 0, promoters: 2, total: 3 }
 * merge(perDay) // an array of 100 000 tallies → their sum
 * merge() // → { detractors: 0, passives: 0, promoters: 0, total: 0 }
 */
export const merge = (...tallies: readonly Tally[] | [Iterable<Tally>]): Tally => {
  // One argument that is not a tally is the collection of tallies itself.
  const list = tallies.length == 1 && !('total' in Object(tallies[0])) ? listOf(tallies[0] as Iterable<Tally>, 'tallies') : (tallies as Tally[])
  let d = 0
  let a = 0
  let p = 0
  let q = 0
  let weighted = false
  for (let i = 0; i < list.length; i++) {
    const t = list[i] ?? badTally(null, i)
    const td = t.detractors
    const ta = t.passives
    const tp = t.promoters
    const tn = t.total
    const tq = t.squaredWeights
    // Plain comparisons on fields read once: merge is a loop over 100,000 tallies.
    if (!wellFormed(td, ta, tp, tn, tq)) badTally(t, i)
    d += td
    a += ta
    p += tp
    // == null: absent (or a database's null) is unweighted, every weight 1, so Σw² = total.
    q += tq == null ? tn : ((weighted = true), tq)
  }
  return { detractors: d, passives: a, promoters: p, total: d + a + p, ...(weighted && { squaredWeights: q }) }
}
