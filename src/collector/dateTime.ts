// RFC 3339 date-times, checked as real instants: a real calendar day, a real time of day, a real
// UTC offset (−12:00 to +14:00) and a year a response can have. `Date.parse` alone takes
// 2024-02-30 and offsets such as +23:59, and PostgreSQL then refuses or misreads them.
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** Responses and filters are limited to these years: a wrong clock or a typo, not a date, is outside. */
export const earliestYear = 2000
export const latestYear = 2099

function realDay(year: number, month: number, day: number): boolean {
  if (year < earliestYear || year > latestYear || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Milliseconds since the epoch of an RFC 3339 date-time, or NaN when it is not a real one. */
export function parseDateTime(value: string): number {
  const m = dateTimePattern.exec(value)
  if (!m) return NaN
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  if (!realDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return NaN
  let offset = 0
  if (!m[8]) {
    const hours = Number(m[10])
    const minutes = Number(m[11])
    if (minutes > 59 || hours * 60 + minutes > (m[9] === '+' ? 14 * 60 : 12 * 60)) return NaN
    offset = (m[9] === '+' ? 1 : -1) * (hours * 60 + minutes) * 60_000
  }
  const fraction = m[7] ? Number(m[7].slice(0, 4)) * 1000 : 0
  return Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(fraction) - offset
}

/** A date-time, or a calendar day (`2026-11-27`, read as UTC midnight), as ms; NaN when neither. */
export function parseDateOrDateTime(value: string): number {
  const m = datePattern.exec(value)
  if (!m) return parseDateTime(value)
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number]
  return realDay(year, month, day) ? Date.UTC(year, month - 1, day) : NaN
}
