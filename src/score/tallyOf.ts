import { fail } from './fail'
import { tally } from './tally'
import type { ScoreCollection, Tally } from './types'

/**
 * Whether counts make a well-formed tally. Tallies come from storage and other processes: a
 * negative, missing or non-finite count, a total that is not the sum of the counts (beyond the
 * float rounding weighted counts have), or a negative or non-finite sum of squared weights is
 * not one. `q` may be absent (or null, as a database column would have it): the tally is unweighted.
 * Plain comparisons, not Math.min: merge runs this 100,000 times in a loop.
 */
export const wellFormed = (d: number, a: number, p: number, n: number, q?: number | null): boolean =>
  // NaN and undefined fail every comparison. Whole counts add up exactly, so the rounding
  // allowance is only worked out when they do not (several times faster in merge's loop); an
  // infinite count or total makes it NaN or −∞.
  d >= 0 &&
  a >= 0 &&
  p >= 0 &&
  (d + a + p === n ? n < 1 / 0 : n * 1e-9 - Math.abs(d + a + p - n) >= 0) &&
  (q == null || (q >= 0 && q < 1 / 0))

/**
 * The RangeError for a bad tally: its detractors, passives, promoters, total (and
 * squaredWeights, when it has them), then ` at index <at>` when given.
 */
export const badTally = (value: unknown, at?: number, { detractors: d, passives: a, promoters: p, total: n, squaredWeights: q } = Object(value) as Tally): never =>
  fail('tally', [d, a, p, n].concat(q ?? []) + (at == null ? '' : ' at index ' + at))

/** A checked tally, from a tally or from scores (see {@link wellFormed} and {@link tally}). */
export const tallyOf = (input: Tally | ScoreCollection, t = input as Tally): Tally =>
  'total' in Object(input)
    ? wellFormed(t.detractors, t.passives, t.promoters, t.total, t.squaredWeights)
      ? t
      : badTally(t)
    : tally(input as ScoreCollection)
