import { fail } from './fail'
import { DAY, localDay } from './localDay'
import { merge } from './merge'
import { nps } from './nps'
import { segment } from './segment'
import type { Tally } from './types'

export interface TrendOptions {
  /** Bucket size: calendar days, ISO weeks (Monday to Sunday) or calendar months. */
  readonly interval: 'day' | 'week' | 'month'
  /** IANA time zone that decides which calendar day a response falls on [`'UTC'`]. */
  readonly timeZone?: string
}

export interface TrendBucket {
  /** The bucket's first calendar day as `'YYYY-MM-DD'` in the time zone: the day, the Monday or the 1st. */
  readonly start: string
  readonly tally: Tally
  /** `NaN` for a bucket with no responses. */
  readonly nps: number
}

/** A response with a time: a `Date`, an ISO 8601 string or epoch milliseconds. */
export interface Timed {
  readonly score: number
  readonly createdAt: Date | string | number
}

/**
 * NPS over time: responses bucketed by calendar day, ISO week (Monday to Sunday) or calendar
 * month in a time zone, oldest first, with the empty buckets between the first and the last
 * included (tally all 0, nps `NaN`) so a chart's x-axis has no gaps. No responses, no buckets.
 *
 * `createdAt` is read as `new Date(createdAt)` does: note that a date-only string such as
 * `'2026-03-30'` means midnight UTC, which is still March 29 in America's time zones.
 * Linear in the responses: the time zone is asked about the two ends of each UTC hour they touch,
 * not about each response.
 *
 * @throws RangeError for an unknown `timeZone` (the engine's own message, which names the
 * time zone), or naming the index and the value of the first
 * response with a bad `createdAt` or `score`; TypeError for an unknown `interval` or when
 * `responses` is not iterable.
 * @example
 * trend(responses, { interval: 'week', timeZone: 'Europe/Oslo' })
 * // → [{ start: '2026-03-23', tally: {…}, nps: 12.5 }, { start: '2026-03-30', … }]
 */
export const trend: (responses: Iterable<Timed> | ArrayLike<Timed>, options: TrendOptions) => TrendBucket[] = (responses, { interval, timeZone = 'UTC' }) => {
  // Days since 1970-01-01 → the first day of its bucket. 1970-01-01 was a Thursday, so (d + 3) mod 7
  // is the days since Monday; 4e9 ≡ 3 (mod 7) keeps the sum positive for every day a Date can hold.
  const first = (d: number): number =>
    interval == 'day'
      ? d
      : interval == 'week'
        ? d - (d + 4e9) % 7
        : interval == 'month'
          ? d + 1 - new Date(d * DAY).getUTCDate()
          : fail('interval', interval, TypeError)
  // An unknown time zone throws here, even with no responses: RangeError: Invalid time zone specified: Mars/Base.
  const dayOf = localDay(timeZone)
  // Counted per local day by segment; days go into weeks and months afterwards, once per day
  // rather than once per response.
  let min = 1 / 0
  let max = -min
  const days = segment(responses, ({ createdAt: at }, i) => {
    // As new Date(at) reads it, without making a Date per number or string: strings are parsed
    // alike, and numbers are cut to whole milliseconds within ±8.64e15 (TimeClip).
    const ms = typeof at == 'number' ? Math.trunc(at) : +(typeof at == 'string' ? Date.parse(at) : new Date(at ?? NaN))
    const day = Math.abs(ms) <= 8.64e15 ? dayOf(ms) : fail('createdAt at index ' + i, at)
    min = Math.min(min, day)
    max = Math.max(max, day)
    return day
  })
  const result: TrendBucket[] = []
  // Walking day by day gives months of any length, in order, with the empty ones.
  for (let start = first(min), day = start; start <= max; start = day) {
    const parts: Tally[] = []
    do parts.push(days.get(day++) ?? merge())
    while (first(day) == start)
    const tally = merge(parts)
    result.push({ start: new Date(start * DAY).toISOString().slice(0, 10), tally, nps: nps(tally) })
  }
  return result
}
