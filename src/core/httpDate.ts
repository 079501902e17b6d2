const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec'

// The three forms RFC 9110 §5.6.7 requires a recipient to accept, all in GMT:
//   IMF-fixdate  Sun, 06 Nov 1994 08:49:37 GMT
//   rfc850-date  Sunday, 06-Nov-94 08:49:37 GMT
//   asctime      Sun Nov  6 08:49:37 1994
// Hand-written because Date.parse() of anything but ISO 8601 is implementation-defined
// (and reads asctime as local time).
const FORMS = [
  /^[A-Z][a-z]{2}, (?<d>\d\d) (?<mon>[A-Z][a-z]{2}) (?<y>\d{4}) (?<h>\d\d):(?<min>\d\d):(?<s>\d\d) GMT$/,
  /^[A-Z][a-z]{5,8}, (?<d>\d\d)-(?<mon>[A-Z][a-z]{2})-(?<y>\d\d) (?<h>\d\d):(?<min>\d\d):(?<s>\d\d) GMT$/,
  /^[A-Z][a-z]{2} (?<mon>[A-Z][a-z]{2}) (?<d>[ \d]\d) (?<h>\d\d):(?<min>\d\d):(?<s>\d\d) (?<y>\d{4})$/,
]

/**
 * Parses an HTTP-date (RFC 9110) into epoch milliseconds.
 *
 * @param now - epoch ms, only used to place an rfc850 two-digit year (the RFC reads a
 *   year more than 50 years ahead as the previous century).
 * @returns epoch ms, or `undefined` when the text is not an HTTP-date or names no real day.
 * @example
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', Date.now()) // → 784111777000
 */
export function parseHttpDate(text: string, now: number): number | undefined {
  for (const form of FORMS) {
    const g = form.exec(text)?.groups
    if (!g) continue
    const month = MONTHS.indexOf(g.mon ?? '') / 3
    const day = Number(g.d)
    let year = Number(g.y)
    if (g.y?.length === 2) {
      const thisYear = new Date(now).getUTCFullYear()
      year += thisYear - (thisYear % 100)
      if (year > thisYear + 50) year -= 100
    }
    const h = Number(g.h)
    const min = Number(g.min)
    const s = Number(g.s)
    // Date.UTC quietly rolls 31 Feb into March; a day that does not survive the round trip is garbage.
    // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
    const date = new Date(0).setUTCFullYear(year, month, day)
    const real = Number.isInteger(month) && new Date(date).getUTCDate() === day && h < 24 && min < 60 && s <= 60
    return real ? date + ((h * 60 + min) * 60 + s) * 1000 : undefined
  }
  return undefined
}
