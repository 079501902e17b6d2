const HOUR = 36e5
export const DAY = 864e5

/**
 * A function from a time (epoch milliseconds, an integer) to the calendar day it falls on in
 * `timeZone`, as days since 1970-01-01, at the cost of a Map lookup and some arithmetic per call.
 *
 * Intl is asked for the UTC offset at both ends of each UTC hour the times touch, once. An hour
 * whose two ends have the same offset has that offset throughout (offsets change at most once
 * within an hour). The rare hour whose ends differ has a transition inside, which can fall on
 * any second (Lord Howe's half-hour shift at 15:30 UTC, local mean time at 23:06:32 UTC in
 * 1893 Oslo): it is found by bisection, once. The day itself is worked out per
 * time from the offset: caching it per hour would be wrong wherever midnight is not on a UTC
 * hour (Kathmandu, +5:45).
 *
 * @throws RangeError for an unknown time zone (the engine's message names it).
 */
export const localDay = (timeZone: string): ((ms: number) => number) => {
  // "3/29/2026, GMT+02:00", "GMT+00:53:28" for local mean time, perhaps "GMT" alone for UTC.
  const format = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
  // The offset in ms at ms; after 8.64e15, the last time a Date holds (the end of its last hour), at it.
  const offsetAt = (ms: number, [, sign, h, m, s] = /GMT(.?)(\d*):?(\d*):?(\d*)/.exec(format.format(Math.min(ms, 8.64e15)))!) =>
    (sign == '-' ? -1e3 : 1e3) * (+h! * 3600 + +m! * 60 + +s!)
  // Per UTC hour: [the first ms of its later offset (its end when it has one offset), the
  // offset before it, the offset from it].
  const hours = new Map<number, number[]>()
  return (ms) => {
    const hour = Math.floor(ms / HOUR)
    let h = hours.get(hour)
    if (!h) {
      let low = hour * HOUR
      let cut = low + HOUR
      const before = offsetAt(low)
      const after = offsetAt(cut)
      // offsetAt(low) is before and offsetAt(cut) is not: halve until they are neighbouring ms.
      for (let mid; before != after && cut - low > 1; ) offsetAt((mid = Math.floor((low + cut) / 2))) == before ? (low = mid) : (cut = mid)
      hours.set(hour, (h = [cut, before, after]))
    }
    return Math.floor((ms + h[+(ms >= h[0]!) + 1]!) / DAY)
  }
}
