import { isScore } from './isScore'
import type { Score } from './types'

// A whole number 0–99, then optionally "/10", or a separator or a space and then a label that
// does not start with a digit, sign or decimal mark: "9 - 10", "7,5", "7.5", "1e1" stay unreadable.
const pattern = /^(\d\d?)(\s*\/\s*10|(\s*[-–—:]|\s)\s*[^\d\s.,+-].*)?$/s

/**
 * Reads a score the way spreadsheets and survey exports write it. Returns `undefined` for
 * anything that is not clearly one whole score from 0 to 10; never throws.
 *
 * Read: `7`, `7.0`, `"7"`, `" 10 "`, `"07"`, `"9/10"`, `"9 / 10"`, `"10 - Extremely likely"`,
 * `"0 (Not at all likely)"`, `"5 of 10"`.
 * Not read: `"11"`, `"-1"`, `"7.5"`, `"7,5"` (a decimal comma), `"1e1"`, `"9 - 10"`, `""`,
 * `null`, `true`, `NaN`, `"abc"`.
 *
 * @example
 * parseScore('10 - Extremely likely') // → 10
 * parseScore('7,5') // → undefined
 */
export function parseScore(input: unknown): Score | undefined {
  const score = typeof input === 'string' ? +(pattern.exec(input.trim()) ?? [])[1]! : input
  // + 0 turns -0 into 0.
  return isScore(score) ? ((score + 0) as Score) : undefined
}
