import { fail } from './fail'
import { criticalZ } from './normal'
import { spread } from './standardError'

export interface SampleSizeOptions {
  /** Confidence level in (0, 1) [0.95]. */
  readonly level?: number
  /** Expected share of promoters as a fraction from 0 to 1 (not a percentage) [0.5]. */
  readonly promoters?: number
  /** Expected share of detractors as a fraction from 0 to 1 [0.5]; promoters + detractors ≤ 1. */
  readonly detractors?: number
}

/**
 * How many responses it takes to know the NPS within ± `marginOfError` NPS points at the given
 * confidence: `z² · (p + d − (p − d)²) / (margin / 100)²`, rounded up (at least 1).
 *
 * `promoters` and `detractors` are the expected shares as fractions (0.45, not 45). Give both,
 * or neither for the worst case, half promoters and half detractors, which is never too few
 * (giving one leaves the other at 0.5).
 *
 * @throws RangeError for a margin outside (0, 200], a share outside [0, 1], shares that add up
 * to more than 1, or a `level` outside (0, 1).
 * @example
 * sampleSize(5) // → 1537: ±5 points at 95 %, whatever the shares
 * sampleSize(5, { promoters: 0.5, detractors: 0.2 }) // → 938
 */
export const sampleSize: (marginOfError: number, options?: SampleSizeOptions) => number = (
  marginOfError,
  { level = 0.95, promoters: p = 0.5, detractors: d = 0.5 } = {},
) => {
  if (!(marginOfError > 0 && marginOfError <= 200)) fail('marginOfError', marginOfError)
  // The 1e-9 lets shares like 0.15 + 0.85 through whatever the float rounding.
  if (!(p >= 0 && d >= 0 && p + d <= 1 + 1e-9)) fail('promoters, detractors', [p, d])
  const n = (criticalZ(level) * spread(p, d, 1)[1]) / marginOfError
  // Without the nudge, float noise would turn an exact 1536 into 1536.0000000000002 and so 1537.
  // || 1: at least one response, also when the shares leave no spread (all passives, say).
  return Math.ceil(n * n - 1e-9) || 1
}
