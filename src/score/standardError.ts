import { tallyOf } from './tallyOf'
import type { ScoreCollection, Tally } from './types'

/** The variance of one response's contribution (+1 promoter, −1 detractor, 0 passive). */
export const variance = (p: number, d: number) => p + d - (p - d) ** 2

/**
 * The standard error of the NPS, in NPS points: `100·√((p + d − (p − d)²) / n)` with p and d
 * the shares of promoters and detractors and n the number of responses. `NaN` for no responses.
 *
 * @example
 * standardError({ detractors: 20, passives: 30, promoters: 50, total: 100 }) // → 7.81…
 */
export function standardError(input: Tally | ScoreCollection): number {
  const { promoters, detractors, total: n } = tallyOf(input)
  return n > 0 ? 100 * Math.sqrt(variance(promoters / n, detractors / n) / n) : NaN
}
