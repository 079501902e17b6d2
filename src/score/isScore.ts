import type { Score } from './types'

/**
 * Whether a value is a valid NPS answer: an integer from 0 to 10, as a number (`-0` counts as
 * 0; the string `'9'` is not a score, see {@link parseScore} for text).
 *
 * @example
 * isScore(9) // → true
 * isScore(7.5) // → false
 * isScore('9') // → false
 */
export const isScore = (value: unknown): value is Score =>
  // Number.isInteger does not coerce, so BigInts, symbols and strings are false, not errors.
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10
