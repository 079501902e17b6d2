import { fail } from './fail'
import { nps } from './nps'
import { segment } from './segment'
import { tally } from './tally'
import type { Tally } from './types'

export interface TrendOptions {
  /** Bucket size: calendar days, ISO weeks (Monday to Sunday) or calendar months. */
  readonly interval: 'day' | 'week' | 'month'
  /** IANA time zone that decides which day a response falls on [`'UTC'`]. */
  readonly timeZone?: string
}

export interface TrendBucket {
  /** The bucket's first day, `'YYYY-MM-DD'`, in the time zone: the day, the Monday, or the 1st. */
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
 * NPS over time: responses bucketed by day, ISO week or month in a time zone, oldest first,
 * with empty buckets between the first and the last included so a chart's x-axis has no gaps.
 *
 * @example
 * trend(responses, { interval: 'week', timeZone: 'Europe/Oslo' })
 * // → [{ start: '2026-03-23', tally: {…}, nps: 12.5 }, { start: '2026-03-30', … }]
 */
export function trend(responses: Iterable<Timed>, options: TrendOptions): TrendBucket[] {
  const { interval, timeZone = 'UTC' } = options ?? {}
  // Days since 1970-01-01 → the first day of its bucket (1970-01-01 was a Thursday).
  const start: (day: number) => number =
    { __proto__: null, day: (d: number) => d, week: (d: number) => d - (((d + 3) % 7) + 7) % 7, month: (d: number) => d + 1 - new Date(d * DAY).getUTCDate() }[
      interval
    ] ?? fail('interval', interval, TypeError)
  // Swedish dates are ISO 8601 (2026-03-30), which Date.parse reads back as that day at UTC
  // midnight. Called once up front so a bad time zone fails even with no responses
  // (RangeError: Invalid time zone specified: …).
  const dayOf = (ms: number) => Date.parse(new Date(ms).toLocaleDateString('sv', { timeZone })) / DAY
  dayOf(0)
  // Offsets are whole quarter hours, so a UTC quarter hour lies in one local day: the costly
  // Intl call runs once per quarter hour seen, not once per response.
  const days = new Map<number, number>()
  const buckets = segment(responses, ({ createdAt: at }, i) => {
    const ms = +new Date(at ?? NaN)
    if (!isFinite(ms)) fail('createdAt at index ' + i, at)
    const slot = Math.floor(ms / 9e5)
    let day = days.get(slot)
    if (day === undefined) days.set(slot, (day = dayOf(ms)))
    return start(day)
  })
  const keys = [...buckets.keys()]
  const result: TrendBucket[] = []
  // Walk day by day so months of any length and empty buckets come out in order.
  for (let day = Math.min(...keys), last = Math.max(...keys); day <= last; day++) {
    if (start(day) !== day) continue
    const t = buckets.get(day) ?? tally([])
    result.push({ start: new Date(day * DAY).toISOString().slice(0, 10), tally: t, nps: nps(t) })
  }
  return result
}
