import type { Score } from './types'

/**
 * Whether a value is a valid NPS answer: an integer from 0 to 10 (as a number, not a string).
 *
 * @example
 * isScore(9) // → true
 * isScore(7.5) // → false
 * isScore('9') // → false (see parseScore for text)
 */
export function isScore(value: unknown): value is Score {
  // (x | 0) === x is true only for numbers that are 32-bit integers: it turns NaN, strings,
  // null and fractions away in one step, and is what the hot loops use too.
  return ((value as number) | 0) === value && (value as number) >= 0 && (value as number) <= 10
}
