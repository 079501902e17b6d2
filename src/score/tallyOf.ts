import { fail } from './fail'
import { tally } from './tally'
import type { ScoreCollection, Tally } from './types'

/**
 * A value checked to be a well-formed tally, or a RangeError showing its detractors, passives,
 * promoters, total (and squaredWeights, when it has them), then ` at index <at>` when given.
 * Tallies come from storage and other processes: a negative, missing or non-finite count, a
 * total that is not the sum of the counts (beyond the float rounding weighted counts have), or
 * a `squaredWeights` outside [0, total²] is refused. `squaredWeights` may be absent (or null, as
 * a database column would have it): the tally is unweighted.
 */
export const checkedTally = (
  value: unknown,
  at?: number,
  // Not an argument: the fields, read in the parameters so that the function is one expression.
  { detractors: d, passives: a, promoters: p, total: n, squaredWeights: q } = Object(value) as Tally,
): Tally =>
  // Math.min is NaN when a count is missing or NaN; a term is negative or NaN when the total is
  // off, a count is infinite, or Σw² is negative or larger than (Σw)² (weights are ≥ 0).
  Math.min(d, a, p, n / 1e9 - Math.abs(d + a + p - n), q == null ? 0 : Math.min(q, n * n * (1 + 1e-9) - q)) >= 0
    ? (value as Tally)
    : fail('tally', (q == null ? [d, a, p, n] : [d, a, p, n, q]) + (at == null ? '' : ' at index ' + at))

/** A checked tally, from a tally or from scores (see {@link checkedTally} and {@link tally}). */
export const tallyOf = (input: Tally | ScoreCollection): Tally =>
  'total' in Object(input) ? checkedTally(input) : tally(input as ScoreCollection)
