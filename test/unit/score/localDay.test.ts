import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localDay } from '../../../src/score/localDay'

const DAY = 864e5
// The naive answer: ask Intl for every single time. Swedish writes dates as ISO 8601.
const naive = (timeZone: string) => {
  const format = new Intl.DateTimeFormat('sv', { timeZone })
  return (ms: number) => Date.parse(format.format(ms)) / DAY
}

// Offset changes, found with Intl's longOffset names (tzdb 2025c), to look closely around.
const transitions: Record<string, string[]> = {
  'Europe/Oslo': ['1893-03-31T23:06:32Z', '1916-04-30T22:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
  'America/Sao_Paulo': ['1914-01-01T03:06:28Z', '2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z'],
  'Australia/Lord_Howe': ['1895-01-31T13:23:40Z', '1981-10-24T15:30:00Z', '2026-04-04T15:00:00Z', '2025-10-04T15:30:00Z'],
  'Asia/Kathmandu': ['1919-12-31T18:18:44Z', '1985-12-31T18:30:00Z'],
}

describe('localDay', () => {
  it('puts local midnight where it is, also at quarter and half hours and on odd seconds', () => {
    const day = localDay('Asia/Kathmandu')
    // UTC+5:45: midnight is 18:15 UTC, in the middle of a UTC hour.
    expect(day(Date.parse('2026-01-01T18:14:59.999Z'))).toBe(Date.UTC(2026, 0, 1) / DAY)
    expect(day(Date.parse('2026-01-01T18:15:00Z'))).toBe(Date.UTC(2026, 0, 2) / DAY)
    // In Oslo's local mean time, UTC+0:53:28 (until April 1893), midnight was at 23:06:32 UTC.
    const oslo = localDay('Europe/Oslo')
    expect(oslo(Date.parse('1893-03-30T23:06:31Z'))).toBe(Date.UTC(1893, 2, 30) / DAY)
    expect(oslo(Date.parse('1893-03-30T23:06:32Z'))).toBe(Date.UTC(1893, 2, 31) / DAY)
  })

  it('finds a transition inside a UTC hour to the second (Lord Howe, half-hour shift at 15:30 UTC)', () => {
    // 2025-10-04T15:30Z: 02:00 at UTC+10:30 becomes 02:30 at UTC+11. Times just before and after.
    const day = localDay('Australia/Lord_Howe')
    const check = naive('Australia/Lord_Howe')
    const cut = Date.parse('2025-10-04T15:30:00Z')
    for (let ms = cut - 2 * 36e5; ms <= cut + 2 * 36e5; ms += 9973) expect(day(ms)).toBe(check(ms))
    for (let ms = cut - 5e3; ms <= cut + 5e3; ms += 250) expect(day(ms)).toBe(check(ms))
    // And the evening before, when 13:00 UTC is local midnight at UTC+11 and 13:30 at UTC+10:30.
    for (const at of ['2025-10-04T13:29:59Z', '2025-10-04T13:30:00Z', '2026-04-04T12:59:59Z', '2026-04-04T13:00:00Z']) {
      expect(day(Date.parse(at))).toBe(check(Date.parse(at)))
    }
  })

  it('moves the day back when a transition inside an hour turns the clock back past midnight', () => {
    // 1895-01-31T13:23:40Z: Lord Howe's local mean time (UTC+10:36:20) struck midnight and became
    // UTC+10 at 23:23:40 on the same day. After it, until 14:00 UTC, it is 31 January again;
    // the offset at the start of that UTC hour would say 1 February.
    const day = localDay('Australia/Lord_Howe')
    const jan31 = Date.UTC(1895, 0, 31) / DAY
    expect(day(Date.parse('1895-01-31T13:23:39Z'))).toBe(jan31)
    expect(day(Date.parse('1895-01-31T13:23:40Z'))).toBe(jan31)
    expect(day(Date.parse('1895-01-31T13:59:59.999Z'))).toBe(jan31)
    expect(day(Date.parse('1895-01-31T14:00:00Z'))).toBe(jan31 + 1)
  })

  it('agrees with asking Intl for every time, around every listed transition and anywhere in 1850–2100', () => {
    const zones = Object.keys(transitions)
    const near = fc
      .tuple(fc.constantFrom(...zones.flatMap((z) => transitions[z]!.map((t) => Date.parse(t)))), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
      .map(([t, d]) => t + d)
    const veryNear = fc
      .tuple(fc.constantFrom(...zones.flatMap((z) => transitions[z]!.map((t) => Date.parse(t)))), fc.integer({ min: -2 * 36e5, max: 2 * 36e5 }))
      .map(([t, d]) => t + d)
    const anywhere = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) })
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(fc.oneof(veryNear, near, anywhere), { minLength: 1, maxLength: 200 }), (zone, times) => {
        const day = localDay(zone)
        const check = naive(zone)
        for (const ms of times) expect(day(ms)).toBe(check(ms))
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('refuses an unknown time zone with the engine\'s RangeError', () => {
    expect(() => localDay('Mars/Base')).toThrow(RangeError)
  })
})
