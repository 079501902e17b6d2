import { tally } from './tally'
import type { ScoreCollection, Tally } from './types'

/**
 * The Net Promoter Score: % promoters − % detractors, from −100 to 100, unrounded.
 * Takes a {@link Tally} or the scores themselves. With no responses it is `NaN`, not 0 and
 * not an error: "no data" must not look like a neutral score.
 *
 * Scores are checked (see {@link tally}); a tally object is used as it is, which keeps
 * `nps` + `tally` within 350 bytes for browsers. To check a tally that comes from storage or
 * another process, pass it through {@link merge} first: it refuses negative, missing or
 * non-finite counts and a total that is not their sum.
 *
 * @example
 * nps([10, 9, 8, 3]) // → 25
 * nps({ detractors: 10, passives: 20, promoters: 70, total: 100 }) // → 60
 * nps([]) // → NaN
 */
export const nps = (input: Tally | ScoreCollection): number => {
  const t = 'total' in Object(input) ? (input as Tally) : tally(input as ScoreCollection)
  // 0 / 0 is NaN: no responses, no score.
  return (100 * (t.promoters - t.detractors)) / t.total
}
