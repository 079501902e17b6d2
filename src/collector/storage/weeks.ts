// The dashboard's weeks: ISO weeks (Monday to Sunday) in its time zone, as npskit/score's trend()
// counts them, found as instants so that the counts (kept in UTC) can be read per week.
import { DAY } from './pieces'

/** A week of a period: where it starts and ends (epoch ms, clipped to the period) and its Monday. */
export interface Week {
  /** The Monday, 'YYYY-MM-DD' in the time zone. */
  start: string
  from: number
  to: number
}

/**
 * The weeks that [from, to) touches, in order. A week starts at the first instant whose calendar
 * day in `timeZone` is its Monday (local midnight, or the end of the gap when a clock change skips
 * midnight).
 *
 * @throws RangeError for an unknown time zone (the engine's message names it).
 * @example
 * weeksOf(Date.parse('2026-03-25T00:00Z'), Date.parse('2026-04-08T00:00Z'), 'Europe/Oslo')
 * // → [{ start: '2026-03-23', from: …25T00:00Z, to: …29T22:00Z }, { start: '2026-03-30', … }, { start: '2026-04-06', … }]
 */
export function weeksOf(from: number, to: number, timeZone: string): Week[] {
  // Swedish formats dates as ISO 8601; Date.parse reads that as the day, UTC (as trend() does).
  const format = new Intl.DateTimeFormat('sv', { timeZone })
  const localDay = (ms: number) => Date.parse(format.format(ms)) / DAY
  const monday = (day: number) => day - ((day + 4e9) % 7)
  const weeks: Week[] = []
  if (!(from < to)) return weeks
  let day = monday(localDay(from))
  let start = from
  let boundary = startOf(day, localDay)
  while (start < to) {
    const next = (boundary = startOf(day + 7, localDay, boundary + 7 * DAY))
    weeks.push({ start: new Date(day * DAY).toISOString().slice(0, 10), from: start, to: Math.min(next, to) })
    start = next
    day += 7
  }
  return weeks
}

/**
 * The first instant whose local calendar day is `day` or later. Usually a week after the last
 * one (or an hour off, after a clock change); otherwise a binary search on milliseconds finds it
 * in about 28 steps, since every zone's offset is within ±26 hours of UTC.
 */
function startOf(day: number, localDay: (ms: number) => number, guess = day * DAY): number {
  for (const t of [guess, guess - 36e5, guess + 36e5]) {
    if (localDay(t) >= day && localDay(t - 1) < day) return t
  }
  let low = day * DAY - 26 * 36e5 // before it
  let high = day * DAY + 26 * 36e5 // at or after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (localDay(middle) >= day) high = middle
    else low = middle
  }
  return high
}
