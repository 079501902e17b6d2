import { isScore } from './isScore'
import type { Score } from './types'

// One or two digits, then nothing, "/10", or separators (spaces, - – — : or an opening
// parenthesis) and a label that does not start with a digit, sign or decimal mark, so that
// "9 - 10", "7.5", "7,5" and "1e1" are not misread as 9, 7 and 1.
const pattern = /^(\d\d?)(\s*\/\s*10$|[\s:(–—-]+[^\d\s.,+-]|$)/

/**
 * Reads a score the way spreadsheets and survey exports write it. Returns `undefined` for
 * anything that is not clearly one whole score from 0 to 10; never throws.
 *
 * Read: numbers `7` and `7.0` (the same number), `-0` (as 0), and strings `"7"`, `" 10 "`,
 * `"07"`, `"9/10"`, `"9 / 10"`, `"10/10"`, `"10 - Extremely likely"`, `"0 (Not at all likely)"`,
 * `"5 of 10"` (any label after a space).
 * Not read: `"11"`, `"-1"`, `"+7"`, `"7.5"`, `"7.0"` and `"7,5"` (text with a decimal mark),
 * `"1e1"`, `"007"`, `"9 - 10"`, `"5/7"`, `""`, `null`, `undefined`, `true`, `NaN`, `"abc"`.
 *
 * @example
 * parseScore('10 - Extremely likely') // → 10
 * parseScore('9/10') // → 9
 * parseScore('7.5') // → undefined
 */
export const parseScore = (input: unknown): Score | undefined => {
  const score = typeof input == 'string' ? +pattern.exec(input.trim())?.[1]! : input
  // + 0 turns -0 into 0.
  return isScore(score) ? ((score + 0) as Score) : undefined
}
