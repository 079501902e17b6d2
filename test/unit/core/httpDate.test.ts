import { describe, expect, it } from 'vitest'
import { parseHttpDate } from '../../../src/core/httpDate'

const now = Date.UTC(2025, 5, 1)
const nov6 = Date.UTC(1994, 10, 6, 8, 49, 37)

describe('parseHttpDate', () => {
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['rfc850-date', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime (read as UTC, not local time)', 'Sun Nov  6 08:49:37 1994'],
  ])('reads the %s form', (_, text) => {
    expect(parseHttpDate(text, now)).toBe(nov6)
  })

  it('places a two-digit year within 50 years of now', () => {
    expect(parseHttpDate('Monday, 01-Jan-30 00:00:00 GMT', now)).toBe(Date.UTC(2030, 0, 1))
    expect(parseHttpDate('Monday, 01-Jan-80 00:00:00 GMT', now)).toBe(Date.UTC(1980, 0, 1))
  })

  it('does not read years 0–99 as the 1900s', () => {
    expect(parseHttpDate('Sat, 01 Jan 0050 00:00:00 GMT', now)).toBe(new Date(0).setUTCFullYear(50, 0, 1))
  })

  it.each([
    '',
    'tomorrow',
    '2025-06-01T00:00:00Z',
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'sun, 06 nov 1994 08:49:37 gmt',
    'Sun, 6 Nov 1994 08:49:37 GMT',
    'Sun, 06 Foo 1994 08:49:37 GMT',
    'Sun, 31 Feb 2025 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:00:00 GMT',
    'Sun, 06 Nov 1994 08:60:00 GMT',
    ' Sun, 06 Nov 1994 08:49:37 GMT',
  ])('rejects %j', (text) => {
    expect(parseHttpDate(text, now)).toBeUndefined()
  })

  it('accepts 29 February in a leap year only', () => {
    expect(parseHttpDate('Thu, 29 Feb 2024 00:00:00 GMT', now)).toBe(Date.UTC(2024, 1, 29))
    expect(parseHttpDate('Sat, 29 Feb 2025 00:00:00 GMT', now)).toBeUndefined()
  })
})
