import { fail } from './fail'
import type { IntervalMethod } from './confidenceInterval'
import { criticalZ, upperTail } from './normal'
import { adjustment, estimate } from './standardError'
import type { ScoreCollection, Tally } from './types'

export interface CompareOptions {
  /** Confidence level in (0, 1) [0.95]; the difference is significant when pValue < 1 − level. */
  readonly level?: number
  /**
   * [`'wald'`] the Wald test on the observed shares; `'adjusted-wald'` adds 0.75 promoters and
   * 0.75 detractors to each sample and 3 to its size first, which keeps its promised coverage
   * for small samples and shares near 0 or 1.
   */
  readonly method?: IntervalMethod
}

/** The difference NPS(a) − NPS(b) (or NPS(a) − b for a number b) and whether it is more than noise. */
export interface Comparison {
  /**
   * NPS(a) − NPS(b), or NPS(a) − b, in NPS points: the observed difference, or with
   * `'adjusted-wald'` the difference of the adjusted NPS, on which its interval is centred.
   */
  readonly difference: number
  /** Standard error of the difference, in NPS points. */
  readonly standardError: number
  /** difference / standardError */
  readonly z: number
  /** Two-sided p-value. */
  readonly pValue: number
  /** Lower bound of the confidence interval of the difference at `level`. */
  readonly low: number
  /** Upper bound of the confidence interval of the difference at `level`. */
  readonly high: number
  /** pValue < 1 − level; false whenever pValue is NaN. */
  readonly significant: boolean
}

/**
 * Compares two independent samples, e.g. this month against last month, or checkout against
 * support: a two-sample Wald test of NPS(a) − NPS(b) with a two-sided p-value from the normal
 * distribution, accurate far into the tail (p-values like 1e-30 do not round to 0).
 *
 * With a number as `b` (from −100 to 100: a goal, an industry benchmark) it is a one-sample test
 * of NPS(a) against that value, with the same result: the difference NPS(a) − b, its standard
 * error (that of a alone) and the interval of the difference. The formulas are those of
 * `nps_test` in R's NPS package (Rocks), which tests one sample against 0.
 *
 * `method: 'adjusted-wald'` uses the adjusted-Wald interval for the difference of two NPS of
 * Sauro and Lewis: each sample gets 3 more responses, 0.75 of them promoters and 0.75
 * detractors; `difference` is then the difference of those adjusted NPS, the standard error
 * √(SE²(a) + SE²(b)) is that of the adjusted shares, and z and the p-value follow from them
 * (J. R. Lewis and J. Sauro, "Confidence Intervals for Net Promoter Scores" and "How to
 * Statistically Compare Two Net Promoter Scores", MeasuringU, 2021; the adjustment is the one
 * B. Rocks found best in "Interval Estimation for the 'Net Promoter Score'", The American
 * Statistician 70(4), 2016).
 *
 * Weighted tallies count as their effective sample size (Σw)² / Σw² (see {@link Tally}).
 * With an empty sample every number is `NaN` and `significant` is false. When both samples have
 * no spread (e.g. all promoters on both sides) the standard error is 0: z and pValue are `NaN`
 * for equal scores, and ±Infinity and 0 for different ones.
 *
 * @throws RangeError for a `level` outside (0, 1), a number `b` outside [−100, 100], a bad score
 * or a bad tally; TypeError for an unknown `method`.
 * @example
 * compare({ detractors: 10, passives: 30, promoters: 60, total: 100 }, { detractors: 20, passives: 35, promoters: 45, total: 100 })
 * // → { difference: 25, standardError: 10.18…, z: 2.45…, pValue: 0.0141…, low: 5.03…, high: 44.96…, significant: true }
 * compare(thisQuarter, 40) // is this quarter's NPS above the goal of 40, or within noise of it?
 */
export const compare: (a: Tally | ScoreCollection, b: Tally | ScoreCollection | number, options?: CompareOptions) => Comparison = (
  a,
  b,
  { level = 0.95, method = 'wald' } = {},
) => {
  const zc = criticalZ(level)
  const adjust = adjustment(method)
  // A number is a sample without spread: its "NPS" is the target itself, its standard error 0.
  const [npsA, seA] = estimate(a, adjust)
  const [npsB, seB] = typeof b == 'number' ? [Math.abs(b) <= 100 ? b : fail('b', b), 0] : estimate(b, adjust)
  const difference = npsA - npsB
  const se = Math.hypot(seA, seB)
  const z = difference / se
  const pValue = 2 * upperTail(Math.abs(z))
  return {
    difference,
    standardError: se,
    z,
    pValue,
    low: difference - zc * se,
    high: difference + zc * se,
    significant: pValue < 1 - level,
  }
}
