import { criticalZ } from './level'
import { upperTail } from './normal'
import { nps } from './nps'
import { standardError } from './standardError'
import { tallyOf } from './tallyOf'
import type { ScoreCollection, Tally } from './types'

export interface CompareOptions {
  /** Confidence level in (0, 1) [0.95]; the test is significant when pValue < 1 − level. */
  readonly level?: number
}

/** The difference NPS(a) − NPS(b) and whether it is more than noise. */
export interface Comparison {
  /** NPS(a) − NPS(b), in NPS points. */
  readonly difference: number
  /** Standard error of the difference, in NPS points. */
  readonly standardError: number
  readonly z: number
  /** Two-sided p-value. */
  readonly pValue: number
  /** Confidence interval of the difference at `level`. */
  readonly low: number
  readonly high: number
  readonly significant: boolean
}

/**
 * Compares two independent samples, e.g. this month against last month, or checkout against
 * support: a two-sample Wald test of NPS(a) − NPS(b), with a two-sided p-value from the normal
 * distribution. With an empty sample every number is `NaN` and `significant` is false.
 *
 * @example
 * compare(tally(thisMonth), tally(lastMonth))
 * // → { difference: 12.5, standardError: 5.1, z: 2.45, pValue: 0.014, low: 2.5, high: 22.5, significant: true }
 */
export function compare(a: Tally | ScoreCollection, b: Tally | ScoreCollection, options: CompareOptions = {}): Comparison {
  const { level = 0.95 } = options
  const zc = criticalZ(level)
  const ta = tallyOf(a)
  const tb = tallyOf(b)
  const difference = nps(ta) - nps(tb)
  const se = Math.hypot(standardError(ta), standardError(tb))
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
