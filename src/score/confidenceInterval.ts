import { criticalZ } from './normal'
import { adjustment, estimate } from './standardError'
import type { ScoreCollection, Tally } from './types'

/** How to compute an interval: see {@link confidenceInterval}. */
export type IntervalMethod = 'adjusted-wald' | 'wald'

export interface IntervalOptions {
  /** Confidence level in (0, 1) [0.95]. */
  readonly level?: number
  /** [`'adjusted-wald'`] */
  readonly method?: IntervalMethod
}

/** A confidence interval of the NPS, in NPS points, within [−100, 100]. */
export interface ConfidenceInterval {
  readonly low: number
  readonly high: number
  readonly level: number
  readonly method: IntervalMethod
}

/**
 * The range the true NPS lies in with the given confidence, clipped to [−100, 100].
 *
 * `'adjusted-wald'` (the default) counts 0.75 more promoters and 0.75 more detractors out of
 * n + 3 responses and is centred on that adjusted NPS. It keeps its promised coverage for the
 * small samples shops often have and never collapses to zero width at 100 % promoters.
 * `'wald'` uses the plain shares and is centred on the observed NPS: fine for large samples.
 * With no responses, Wald gives `NaN` bounds; adjusted Wald gives a wide interval around 0.
 *
 * A weighted tally counts as Kish's effective sample size (Σw)² / Σw² (see {@link Tally}):
 * weights that correct who answered (e.g. to a customer base's mix) widen the interval as much
 * as they should; with all weights equal it is the unweighted interval.
 *
 * @throws RangeError for a `level` outside (0, 1); TypeError for an unknown `method`.
 * @example
 * confidenceInterval({ detractors: 20, passives: 30, promoters: 50, total: 100 })
 * // → { low: 14.05…, high: 44.20…, level: 0.95, method: 'adjusted-wald' }
 */
export const confidenceInterval: (input: Tally | ScoreCollection, options?: IntervalOptions) => ConfidenceInterval = (
  input,
  { level = 0.95, method = 'adjusted-wald' } = {},
) => {
  const z = criticalZ(level)
  const a = adjustment(method)
  const [centre, se] = estimate(input, a)
  return { low: Math.max(-100, centre - z * se), high: Math.min(100, centre + z * se), level, method }
}
