// Splits a time interval into what the counts table can answer (whole UTC weeks, days, hours,
// quarter hours, as far as each is counted for the question) and what only the responses can (the
// minutes before the first and after the last quarter-hour boundary), added or, where a whole
// slot less a little is cheaper than most of it read finer, subtracted. See migrations/002_counts.ts
// and 008_counts_coarser.ts.

export const MINUTE = 60_000
export const QUARTER = 15 * MINUTE
export const DAY = 864e5

/** A part of an interval: [from, to) in epoch ms, read from the counts of one span (minutes), or from the rows (span 0), added (sign 1) or subtracted (-1). */
export interface Piece {
  span: number
  from: number
  to: number
  sign: 1 | -1
}

const up = (ms: number, step: number) => Math.ceil(ms / step) * step
const down = (ms: number, step: number) => Math.floor(ms / step) * step

/**
 * The pieces of [from, to): the longest slots of `spans` (minutes, ascending, each a multiple of
 * the one before, slots aligned to the epoch as date_bin aligns them) in the middle, shorter ones
 * towards the ends, and the responses (span 0) for what no slot fits. What is left at an end of a
 * span's slots is read finer, or, when it is more than half a slot, as one more slot less the rest
 * of that slot, read finer and subtracted: the 22 hours before a local midnight are a UTC day less
 * 2 hours. Added up with their signs, the pieces count every instant of [from, to) once and nothing
 * else; at most two pieces of each span.
 *
 * @example
 * pieces(Date.parse('2026-03-01T10:05Z'), Date.parse('2026-03-04T00:00Z'), [15, 60, 1440])
 * // → rows 10:05–10:15, quarter hours 10:15–11:00, hours 11:00–00:00, days 03-02 to 03-04: all added
 * pieces(Date.parse('2026-03-01T02:00Z'), Date.parse('2026-03-04T00:00Z'), [15, 60, 1440])
 * // → hours 00:00–02:00 subtracted from days 03-01 to 03-04
 */
export function pieces(from: number, to: number, spans: readonly number[]): Piece[] {
  const result: Piece[] = []
  const split = (a: number, b: number, level: number, sign: 1 | -1): void => {
    if (!(a < b)) return
    if (level < 0) {
      result.push({ span: 0, from: a, to: b, sign })
      return
    }
    const span = spans[level]!
    const size = span * MINUTE
    const lo = up(a, size)
    const hi = down(b, size)
    if (lo >= hi) return split(a, b, level - 1, sign)
    const outLeft = lo - a > size / 2
    const outRight = b - hi > size / 2
    if (outLeft) split(lo - size, a, level - 1, -sign as 1 | -1)
    else split(a, lo, level - 1, sign)
    result.push({ span, from: outLeft ? lo - size : lo, to: outRight ? hi + size : hi, sign })
    if (outRight) split(b, hi + size, level - 1, -sign as 1 | -1)
    else split(hi, b, level - 1, sign)
  }
  split(from, to, spans.length - 1, 1)
  return result
}
