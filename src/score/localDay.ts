const SECOND = 1e3
const HOUR = 36e5
const DAY = 864e5

/**
 * A function from a time (epoch milliseconds, an integer) to the calendar day it falls on in
 * `timeZone`, as days since 1970-01-01, at the cost of a Map lookup per call.
 *
 * Intl is asked for the UTC offset at each UTC hour boundary the times touch, once. An hour
 * whose two boundaries have the same offset has that offset throughout (offsets change at
 * most once within an hour); the rare hour whose boundaries differ has a transition inside,
 * which can fall on any second (Lord Howe's half-hour shift at 15:30 UTC, local mean time at
 * 23:06:32 UTC in 1894 Oslo): it is found by bisection on the seconds, once. Caching the day
 * per hour instead would be wrong wherever midnight is not on a UTC hour (Kathmandu, +5:45).
 *
 * @throws RangeError for an unknown time zone (the engine's message names it).
 */
export const localDay = (timeZone: string): ((ms: number) => number) => {
  // Only the day of the month and the time of day: a year (eras, years before 1000 or after
  // 9999) need not be read, since an offset is less than a day and the day of the month tells
  // whether the local date is the UTC date, the day after or the day before.
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  // The offset in ms at second s (epoch seconds): local time of day − UTC time of day, ± a day.
  // Seconds beyond the ±8.64e12 a Date can hold (the hour after the last one) take its offset.
  const offsetAt = (s: number): number => {
    s = Math.max(-8.64e12, Math.min(s, 8.64e12))
    const local: Record<string, number> = {}
    for (const { type, value } of format.formatToParts(s * SECOND)) local[type] = +value
    const raw = local['hour']! * 3600 + local['minute']! * 60 + local['second']! - (((s % 86400) + 86400) % 86400)
    return SECOND * (local['day'] == new Date(s * SECOND).getUTCDate() ? raw : raw < 0 ? raw + 86400 : raw - 86400)
  }
  const boundaries = new Map<number, number>()
  const atBoundary = (hour: number): number => {
    let offset = boundaries.get(hour)
    if (offset === undefined) boundaries.set(hour, (offset = offsetAt(hour * 3600)))
    return offset
  }
  // Per UTC hour: its local day when the whole hour falls on one local day (most hours: the
  // answer is then one Map lookup), else NaN and, in split, [first second of the later offset,
  // the offset before it, the offset from it] to work the day out per time.
  const hours = new Map<number, number>()
  const split = new Map<number, [number, number, number]>()
  return (ms) => {
    const hour = Math.floor(ms / HOUR)
    let day = hours.get(hour)
    if (day === undefined) {
      const before = atBoundary(hour)
      const after = atBoundary(hour + 1)
      day = NaN
      if (before === after) {
        // One offset for the hour: one day for it too, unless local midnight falls inside it.
        const first = Math.floor((hour * HOUR + before) / DAY)
        if (first == Math.floor((hour * HOUR + HOUR - 1 + before) / DAY)) day = first
        else split.set(hour, [-1 / 0, before, before])
      } else {
        // offsetAt(low) is before and offsetAt(high) is not: halve until high is the first second of after.
        let low = hour * 3600
        let high = low + 3600
        for (let mid; high - low > 1; ) offsetAt((mid = Math.floor((low + high) / 2))) === before ? (low = mid) : (high = mid)
        split.set(hour, [high * SECOND, before, offsetAt(high)])
      }
      hours.set(hour, day)
    }
    if (day === day) return day
    const [cut, before, after] = split.get(hour)!
    return Math.floor((ms + (ms < cut ? before : after)) / DAY)
  }
}
