import { fail } from './fail'
import { criticalZ } from './level'
import { nps } from './nps'
import { standardError } from './standardError'
import { tallyOf } from './tallyOf'
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
 * The range the true NPS lies in with the given confidence.
 *
 * `'adjusted-wald'` (default) adds 0.75 promoters and 0.75 detractors to n + 3 responses before
 * computing, which keeps its promised coverage for the small samples shops often have and never
 * collapses to a zero-width interval at 0 or 100 % promoters. `'wald'` uses the plain shares:
 * centred on the observed NPS, fine for large samples. Both are clipped to [−100, 100].
 * With no responses, Wald gives `NaN` bounds; adjusted Wald gives a wide interval around 0.
 *
 * @example
 * confidenceInterval({ detractors: 20, passives: 30, promoters: 50, total: 100 })
 * // → { low: 14.05…, high: 44.20…, level: 0.95, method: 'adjusted-wald' }
 */
export function confidenceInterval(input: Tally | ScoreCollection, options: IntervalOptions = {}): ConfidenceInterval {
  const { level = 0.95, method = 'adjusted-wald' } = options
  const z = criticalZ(level)
  const a = method === 'wald' ? 0 : method === 'adjusted-wald' ? 0.75 : fail('method', method, TypeError)
  const t = tallyOf(input)
  // Adjusted Wald is plain Wald on a tally with 0.75 more promoters and detractors (and so 3 more responses).
  const adjusted = { detractors: t.detractors + a, passives: t.passives + a + a, promoters: t.promoters + a, total: t.total + 4 * a }
  const centre = nps(adjusted)
  const margin = z * standardError(adjusted)
  return { low: Math.max(-100, centre - margin), high: Math.min(100, centre + margin), level, method }
}
