// Splits a time interval into what the counts table can answer (whole UTC weeks, days, hours,
// quarter hours, as far as each is counted for the question) and what only the responses can (the
// minutes before the first and after the last quarter-hour boundary). See migrations/002_counts.ts
// and 008_counts_coarser.ts.

export const MINUTE = 60_000
export const QUARTER = 15 * MINUTE
export const DAY = 864e5

/** A part of an interval: [from, to) in epoch ms, read from the counts of one span (minutes), or from the rows (span 0). */
export interface Piece {
  span: number
  from: number
  to: number
}

const up = (ms: number, step: number) => Math.ceil(ms / step) * step
const down = (ms: number, step: number) => Math.floor(ms / step) * step

/**
 * The pieces of [from, to), in order, covering it exactly once: the longest slots of `spans`
 * (minutes, ascending, each a multiple of the one before, slots aligned to the epoch as
 * date_bin aligns them) in the middle, shorter ones towards the ends, and the responses (span 0)
 * for what no slot fits: at most two pieces of each span.
 *
 * @example
 * pieces(Date.parse('2026-03-01T10:05Z'), Date.parse('2026-03-04T00:00Z'), [15, 60, 1440])
 * // → rows 10:05–10:15, quarter hours 10:15–11:00, hours 11:00–00:00, days 03-02 to 03-04
 */
export function pieces(from: number, to: number, spans: readonly number[]): Piece[] {
  const result: Piece[] = []
  const split = (a: number, b: number, level: number): void => {
    if (!(a < b)) return
    if (level < 0) {
      result.push({ span: 0, from: a, to: b })
      return
    }
    const span = spans[level]!
    const lo = up(a, span * MINUTE)
    const hi = down(b, span * MINUTE)
    if (lo >= hi) return split(a, b, level - 1)
    split(a, lo, level - 1)
    result.push({ span, from: lo, to: hi })
    split(hi, b, level - 1)
  }
  split(from, to, spans.length - 1)
  return result
}
