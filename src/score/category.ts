import { fail } from './fail'
import { isScore } from './isScore'
import type { Category } from './types'

/**
 * The NPS category of a score: detractor 0–6, passive 7–8, promoter 9–10.
 *
 * @throws RangeError when the score is not an integer from 0 to 10.
 * @example
 * category(6) // → 'detractor'
 * category(8) // → 'passive'
 * category(9) // → 'promoter'
 */
export const category = (score: number): Category =>
  isScore(score) ? (score > 8 ? 'promoter' : score > 6 ? 'passive' : 'detractor') : fail('score', score)
