import { fnv1a } from './hash'

/**
 * Whether a visitor falls inside a survey's sample. The answer depends only on the
 * inputs, so a reload (or a second tab) never re-rolls the dice, and each survey
 * samples a different slice of visitors instead of always the same unlucky ones.
 *
 * @param visitorSeed - the stable id kept in the visitor's history.
 * @param rate - the share to keep, 0..1; NaN and values ≤ 0 keep nobody, ≥ 1 everybody.
 * @example
 * inSample(history.visitorId, 'post-purchase', 0.1) // true for about 1 visitor in 10
 */
export function inSample(visitorSeed: string, surveyId: string, rate: number): boolean {
  if (!(rate > 0)) return false
  if (rate >= 1) return true
  // The NUL keeps ('ab', 'c') and ('a', 'bc') apart. The finaliser (murmur3's fmix32) is
  // needed: FNV-1a of strings that differ only at the end differ only slightly in the high
  // bits, so without it surveys 'a' and 'b' at 10 % would sample nearly the same visitors.
  let h = fnv1a(`${visitorSeed}\u0000${surveyId}`)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 2 ** 32 < rate
}
