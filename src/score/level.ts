import { fail } from './fail'
import { quantile } from './normal'

/** The two-sided critical z for a confidence level, e.g. 1.96 for 0.95. */
export function criticalZ(level: number): number {
  if (!(level > 0 && level < 1)) fail('level', level)
  return quantile(0.5 + level / 2)
}
