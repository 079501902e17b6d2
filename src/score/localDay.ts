const HOUR = 36e5
const DAY = 864e5

/**
 * A function from a time (epoch milliseconds, an integer) to the calendar day it falls on in
 * `timeZone`, as days since 1970-01-01, at the cost of a Map lookup per call.
 *
 * Intl is asked for the UTC offset at each UTC hour boundary the times touch, once. An hour
 * whose two boundaries have the same offset has that offset throughout (offsets change at
 * most once within an hour), and most such hours fall on one local day, which is cached. The
 * rare hour whose boundaries differ has a transition inside, which can fall on any second
 * (Lord Howe's half-hour shift at 15:30 UTC, local mean time at 23:06:32 UTC in 1893 Oslo): it
 * is found by bisection on the seconds, once. Caching the day per hour without these checks
 * would be wrong wherever midnight is not on a UTC hour (Kathmandu, +5:45).
 *
 * @throws RangeError for an unknown time zone (the engine's message names it).
 */
export const localDay = (timeZone: string): ((ms: number) => number) => {
  // "3/29/2026, GMT+02:00", "GMT+00:53:28" for local mean time, perhaps "GMT" alone for UTC.
  const format = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
  // The offset in ms at ms (beyond the ±8.64e15 a Date holds, at its end: the last hour's boundary).
  const offsetAt = (ms: number, [, sign, h, m, s] = /GMT(.)(\d+):(\d+):?(\d*)/.exec(format.format(Math.max(-8.64e15, Math.min(ms, 8.64e15)))) ?? []) =>
    (sign == '-' ? -1e3 : 1e3) * (+h! * 3600 + +m! * 60 + +s! || 0)
  const boundaries = new Map<number, number>()
  const at = (hour: number, o = boundaries.get(hour)): number => (o ?? boundaries.set(hour, (o = offsetAt(hour * HOUR))), o!)
  // Per UTC hour: its local day, or [the first ms of the later offset (∞: none), the offset
  // before it, the offset from it] when local midnight or a transition falls inside the hour.
  const hours = new Map<number, number | number[]>()
  return (ms) => {
    const hour = Math.floor(ms / HOUR)
    let day = hours.get(hour)
    if (day === undefined) {
      const before = at(hour)
      let low = hour * HOUR
      // The first ms of the later offset; ∞ when the hour has one offset throughout.
      let cut = 1 / 0
      if (before != at(hour + 1)) {
        // offsetAt(low) is before and offsetAt(cut) is not: halve the seconds until they are neighbours.
        for (cut = low + HOUR; cut - low > 1e3; ) {
          const mid = low + Math.floor((cut - low) / 2e3) * 1e3
          offsetAt(mid) == before ? (low = mid) : (cut = mid)
        }
      }
      const first = Math.floor((hour * HOUR + before) / DAY)
      const last = Math.floor((hour * HOUR + HOUR - 1 + before) / DAY)
      hours.set(hour, (day = cut == 1 / 0 && first == last ? first : [cut, before, offsetAt(cut)]))
    }
    return typeof day == 'number' ? day : Math.floor((ms + day[+(ms >= day[0]!) + 1]!) / DAY)
  }
}
