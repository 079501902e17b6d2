import { criticalZ, upperTail } from './normal'
import { estimate } from './standardError'
import type { ScoreCollection, Tally } from './types'

export interface CompareOptions {
  /** Confidence level in (0, 1) [0.95]; the difference is significant when pValue < 1 − level. */
  readonly level?: number
}

/** The difference NPS(a) − NPS(b) and whether it is more than noise. */
export interface Comparison {
  /** NPS(a) − NPS(b), in NPS points. */
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
 * With an empty sample every number is `NaN` and `significant` is false. When both samples have
 * no spread (e.g. all promoters on both sides) the standard error is 0: z and pValue are `NaN`
 * for equal scores, and ±Infinity and 0 for different ones.
 *
 * @throws RangeError for a `level` outside (0, 1), a bad score or a bad tally.
 * @example
 * compare({ detractors: 10, passives: 30, promoters: 60, total: 100 }, { detractors: 20, passives: 35, promoters: 45, total: 100 })
 * // → { difference: 25, standardError: 10.18…, z: 2.45…, pValue: 0.0141…, low: 5.03…, high: 44.96…, significant: true }
 */
export const compare: (a: Tally | ScoreCollection, b: Tally | ScoreCollection, options?: CompareOptions) => Comparison = (
  a,
  b,
  { level = 0.95 } = {},
) => {
  const zc = criticalZ(level)
  const [npsA, seA] = estimate(a)
  const [npsB, seB] = estimate(b)
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
