import { tally } from './tally'
import type { ScoreCollection, Tally } from './types'

/**
 * The Net Promoter Score: % promoters − % detractors, from −100 to 100, unrounded.
 * Takes a {@link Tally} or the scores themselves. With no responses it is `NaN`, not 0 and
 * not an error: "no data" must not look like a neutral score.
 *
 * A tally is used as given (this function is kept tiny for browsers); to check a tally that
 * comes from storage or another process, pass it through {@link merge}, which refuses
 * negative counts and a total that is not their sum.
 *
 * @example
 * nps([10, 9, 8, 3]) // → 25
 * nps({ detractors: 10, passives: 20, promoters: 70, total: 100 }) // → 60
 * nps([]) // → NaN
 */
export function nps(input: Tally | ScoreCollection): number {
  const t = (input as Tally)?.total >= 0 ? (input as Tally) : tally(input as ScoreCollection)
  // 0 / 0 is NaN: no responses, no score.
  return (100 * (t.promoters - t.detractors)) / t.total
}
