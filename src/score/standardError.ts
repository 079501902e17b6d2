import { tallyOf } from './tallyOf'
import type { ScoreCollection, Tally } from './types'

/**
 * 100·√((p + d − (p − d)²) / n) for p promoters and d detractors out of n, as counts: each
 * response adds +1, 0 or −1, so p + d − (p − d)² (in shares) is the variance of one response.
 */
export const spread = (p: number, d: number, n: number): number => 100 * Math.sqrt(((p /= n) + (d /= n) - (p - d) ** 2) / n)

/**
 * The standard error of the NPS, in NPS points: `100·√((p + d − (p − d)²) / n)` with p and d
 * the shares of promoters and detractors and n the number of responses. `NaN` for no responses.
 *
 * @example
 * standardError({ detractors: 20, passives: 30, promoters: 50, total: 100 }) // → 7.81…
 */
export const standardError = (input: Tally | ScoreCollection): number => {
  const t = tallyOf(input)
  return spread(t.promoters, t.detractors, t.total)
}
