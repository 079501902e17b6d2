// Splits a time interval into what the counts table can answer (whole UTC days, whole UTC quarter
// hours) and what only the responses can (the minutes before the first and after the last quarter
// hour boundary). See migrations/002_counts.ts.

export const QUARTER = 15 * 60_000
export const DAY = 864e5

/** A part of an interval: [from, to) in epoch ms, read from the counts of one span, or from the rows (span 0). */
export interface Piece {
  span: 0 | 15 | 1440
  from: number
  to: number
}

const up = (ms: number, step: number) => Math.ceil(ms / step) * step
const down = (ms: number, step: number) => Math.floor(ms / step) * step

/**
 * The pieces of [from, to), in order, covering it exactly once: at most two of rows, two of
 * quarter hours and one of days.
 *
 * @example
 * pieces(Date.parse('2026-03-01T10:05Z'), Date.parse('2026-03-04T00:00Z'))
 * // → rows 10:05–10:15, quarter hours 10:15–00:00, days 03-02 to 03-04
 */
export function pieces(from: number, to: number): Piece[] {
  const result: Piece[] = []
  const add = (span: Piece['span'], a: number, b: number) => {
    if (a < b) result.push({ span, from: a, to: b })
  }
  const qFrom = up(from, QUARTER)
  const qTo = down(to, QUARTER)
  if (qFrom >= qTo) {
    add(0, from, to)
    return result
  }
  const dFrom = up(qFrom, DAY)
  const dTo = down(qTo, DAY)
  add(0, from, qFrom)
  if (dFrom < dTo) {
    add(15, qFrom, dFrom)
    add(1440, dFrom, dTo)
    add(15, dTo, qTo)
  } else {
    add(15, qFrom, qTo)
  }
  add(0, qTo, to)
  return result
}
