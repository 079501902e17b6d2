import { fail } from './fail'
import { tally } from './tally'
import type { ScoreCollection, Tally } from './types'

/**
 * A checked tally from a tally or from scores. Tallies come from storage and other processes,
 * so negative or missing counts, or a total that is not their sum, are refused. Weighted
 * tallies are sums of floats: rounding is allowed, a different total is not.
 */
export function tallyOf(input: Tally | ScoreCollection): Tally {
  if (!('total' in Object(input))) return tally(input as ScoreCollection)
  const { detractors: d, passives: pa, promoters: pr, total: n } = input as Tally
  if (!(d >= 0 && pa >= 0 && pr >= 0 && Math.abs(d + pa + pr - n) <= 1e-9 * n)) fail('tally', JSON.stringify(input))
  return input as Tally
}
