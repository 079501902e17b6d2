import { fail } from './fail'
import { listOf } from './listOf'
import { localDay } from './localDay'
import { nps } from './nps'
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

const DAY = 864e5

/**
 * NPS over time: responses bucketed by calendar day, ISO week (Monday to Sunday) or calendar
 * month in a time zone, oldest first, with the empty buckets between the first and the last
 * included (tally all 0, nps `NaN`) so a chart's x-axis has no gaps. No responses, no buckets.
 *
 * `createdAt` is read as `new Date(createdAt)` does: note that a date-only string such as
 * `'2026-03-30'` means midnight UTC, which is still March 29 in America's time zones.
 * Linear in the responses: the time zone is asked once per UTC hour they touch, not per response.
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
  first(0)
  // An unknown time zone throws here, even with no responses: RangeError: Invalid time zone specified: Mars/Base.
  const dayOf = localDay(timeZone)
  const list = listOf(responses, 'responses')
  // Counted per local day, as [detractors, passives, promoters] (see tally); days go into weeks
  // and months afterwards, once per day rather than once per response.
  const days = new Map<number, number[]>()
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!
    const s = r?.score
    if (s >>> 0 !== s || s > 10) fail('score at index ' + i, s)
    const at = r.createdAt
    // As new Date(at) reads it, without making a Date per response: strings are parsed alike,
    // and numbers are cut to whole milliseconds within ±8.64e15 (TimeClip).
    const ms = Math.trunc(
      typeof at == 'number' ? at : typeof at == 'string' ? Date.parse(at) : at instanceof Date ? at.getTime() : +new Date(at ?? NaN),
    )
    if (!(Math.abs(ms) <= 8.64e15)) fail('createdAt at index ' + i, at)
    const day = dayOf(ms)
    let c = days.get(day)
    if (!c) days.set(day, (c = [0, 0, 0]))
    c[((s > 6) as unknown as number) + ((s > 8) as unknown as number)]!++
  }
  const buckets = new Map<number, number[]>()
  let min = 1 / 0
  let max = -min
  for (const [day, [d, a, p]] of days as Map<number, [number, number, number]>) {
    const start = first(day)
    const c = buckets.get(start)
    c ? ((c[0]! += d), (c[1]! += a), (c[2]! += p)) : buckets.set(start, [d, a, p])
    min = Math.min(min, start)
    max = Math.max(max, start)
  }
  const result: TrendBucket[] = []
  // Walking day by day gives months of any length, in order, with the empty ones.
  for (let day = min; day <= max; day++) {
    if (first(day) == day) {
      const [d, a, p] = (buckets.get(day) ?? [0, 0, 0]) as [number, number, number]
      const tally = { detractors: d, passives: a, promoters: p, total: d + a + p }
      result.push({ start: new Date(day * DAY).toISOString().slice(0, 10), tally, nps: nps(tally) })
    }
  }
  return result
}
