import { fail } from './fail'
import { tally } from './tally'
import type { ScoreCollection, Tally } from './types'

/**
 * A checked tally, from a tally or from scores. Tallies come from storage and other processes:
 * a negative, missing or non-finite count, or a total that is not the sum of the counts
 * (beyond the float rounding weighted counts have), is a RangeError.
 */
export const tallyOf = (
  input: Tally | ScoreCollection,
  // Not an argument: the counts, read in the parameters so that the function is one expression.
  { detractors: d, passives: a, promoters: p, total: n } = Object(input) as Tally,
): Tally =>
  'total' in Object(input)
    ? // One test for a whole tally: Math.min is NaN when a count is missing or NaN, and the last
      // term is negative or NaN when the total is off or a count is infinite.
      (Math.min(d, a, p, n / 1e9 - Math.abs(d + a + p - n)) >= 0 || fail('tally', [d, a, p, n]), input as Tally)
    : tally(input as ScoreCollection)
