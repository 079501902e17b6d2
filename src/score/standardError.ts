import { tallyOf } from './tallyOf'
import type { ScoreCollection, Tally } from './types'

/**
 * [NPS, standard error], both in NPS points, for p promoters and d detractors out of n, as counts:
 * 100·(p − d)/n and 100·√((p + d − (p − d)²) / n) with p, d as shares. Each response adds +1, 0
 * or −1, so p + d − (p − d)² is the variance of one response.
 */
export const spread = (p: number, d: number, n: number): [number, number] => [
  (100 * (p - d)) / n,
  100 * Math.sqrt(((p /= n) + (d /= n) - (p - d) ** 2) / n),
]

/**
 * [NPS, standard error] of a checked tally (or of scores), with `a` added to its promoters and
 * its detractors and 4·`a` to its total: 0 for the plain estimate, 0.75 for adjusted Wald.
 */
export const estimate = (
  input: Tally | ScoreCollection,
  a = 0,
  // Not an argument: the checked tally, made in the parameters so that the function is one expression.
  t = tallyOf(input),
): [number, number] =>
  spread(t.promoters + a, t.detractors + a, t.total + 4 * a)

/**
 * The standard error of the NPS, in NPS points: `100·√((p + d − (p − d)²) / n)` with p and d
 * the shares of promoters and detractors and n the number of responses. `NaN` for no responses.
 *
 * @example
 * standardError({ detractors: 20, passives: 30, promoters: 50, total: 100 }) // → 7.81…
 */
export const standardError = (input: Tally | ScoreCollection): number => estimate(input)[1]
