import { fail } from './fail'
import { criticalZ } from './level'
import { variance } from './standardError'

export interface SampleSizeOptions {
  /** Confidence level in (0, 1) [0.95]. */
  readonly level?: number
  /** Expected share of promoters, 0..1 [0.5]. Give both shares, or neither for the worst case. */
  readonly promoters?: number
  /** Expected share of detractors, 0..1 [0.5]. */
  readonly detractors?: number
}

/**
 * How many responses it takes to know the NPS within ± `marginOfError` points at the given
 * confidence: `z² · (p + d − (p − d)²) / (margin / 100)²`, rounded up. Without expected
 * shares it assumes the worst case (half promoters, half detractors), which is never too few.
 *
 * @example
 * sampleSize(5) // → 1537: ±5 points at 95 %, whatever the shares
 * sampleSize(5, { promoters: 0.5, detractors: 0.2 }) // → 938
 */
export function sampleSize(marginOfError: number, options: SampleSizeOptions = {}): number {
  const { level = 0.95, promoters = 0.5, detractors = 0.5 } = options
  if (!(marginOfError > 0 && marginOfError <= 200)) fail('marginOfError', marginOfError)
  if (!(promoters >= 0 && detractors >= 0 && promoters + detractors <= 1)) {
    fail('promoters + detractors', `${promoters} + ${detractors}`)
  }
  const z = criticalZ(level)
  return Math.max(1, Math.ceil(((z * z * variance(promoters, detractors)) / (marginOfError / 100) ** 2) * (1 - 1e-12)))
}
