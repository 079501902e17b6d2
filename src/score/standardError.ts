import { fail } from './fail'
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

/** What adjusted Wald adds to the promoters and the detractors: 0 for `'wald'`, 0.75 for `'adjusted-wald'`. */
export const adjustment = (method: unknown): number =>
  method == 'wald' ? 0 : method == 'adjusted-wald' ? 0.75 : fail('method', method, TypeError)

/**
 * [NPS, standard error] of a checked tally (or of scores), with `a` added to its promoters and
 * its detractors and 4·`a` to its total: 0 for the plain estimate, 0.75 for adjusted Wald.
 *
 * A weighted tally is first scaled by k = Σw / Σw² to the answers it stands for: its total
 * becomes Kish's effective sample size (Σw)² / Σw², its shares stay as they are, and the
 * adjustment is added to those effective counts. Unweighted tallies have no Σw², and k = 1.
 * (Kish, L. (1965). Survey Sampling, Wiley, section 11.7.)
 */
export const estimate = (
  input: Tally | ScoreCollection,
  a = 0,
  // Not arguments: the checked tally and its scale, made in the parameters so that the
  // function is one expression. || 0: an empty weighted tally (0 / 0) is an empty tally.
  t = tallyOf(input),
  k = t.squaredWeights == null ? 1 : t.total / t.squaredWeights || 0,
): [number, number] =>
  spread(t.promoters * k + a, t.detractors * k + a, t.total * k + 4 * a)

/**
 * The standard error of the NPS, in NPS points: `100·√((p + d − (p − d)²) / n)` with p and d
 * the shares of promoters and detractors and n the number of responses. `NaN` for no responses.
 * For a weighted tally n is the effective sample size (Σw)² / Σw² (see {@link Tally}).
 *
 * @example
 * standardError({ detractors: 20, passives: 30, promoters: 50, total: 100 }) // → 7.81…
 * standardError(tally(scores, weights)) // weighted: as wide as the answers behind the weights allow
 */
export const standardError = (input: Tally | ScoreCollection): number => estimate(input)[1]
