import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nps, tally, trend, type Timed, type TrendOptions } from '../../../src/score'

const empty = tally([])
const DAY = 864e5

// trend as a specification: Intl asked for every response, buckets found with Date's UTC
// calendar. Good for years 1000–9999, where Swedish dates are plain ISO 8601.
function naiveTrend(responses: Timed[], { interval, timeZone = 'UTC' }: TrendOptions) {
  const format = new Intl.DateTimeFormat('sv', { timeZone })
  const bucketOf = (day: number) => {
    const date = new Date(day * DAY)
    if (interval == 'day') return day
    if (interval == 'week') return day - ((date.getUTCDay() + 6) % 7)
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY
  }
  const scores = new Map<number, number[]>()
  for (const r of responses) {
    const bucket = bucketOf(Date.parse(format.format(new Date(r.createdAt))) / DAY)
    scores.set(bucket, [...(scores.get(bucket) ?? []), r.score])
  }
  if (!scores.size) return []
  const starts = [...scores.keys()]
  const result = []
  for (let day = Math.min(...starts); day <= Math.max(...starts); day++) {
    if (bucketOf(day) != day) continue
    const t = tally(scores.get(day) ?? [])
    result.push({ start: new Date(day * DAY).toISOString().slice(0, 10), tally: t, nps: nps(t) })
  }
  return result
}

// Offset changes (tzdb 2025c) in the four zones the issue names: half-hour and 45-minute
// offsets, a 30-minute DST shift, DST at midnight, and local mean time on odd seconds.
const transitions = [
  '1893-03-31T23:06:32Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', // Europe/Oslo
  '2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z', '1914-01-01T03:06:28Z', // America/Sao_Paulo
  '2025-10-04T15:30:00Z', '2026-04-04T15:00:00Z', '1895-01-31T13:23:40Z', // Australia/Lord_Howe
  '1985-12-31T18:30:00Z', '1919-12-31T18:18:44Z', // Asia/Kathmandu
].map((t) => Date.parse(t))

describe('trend', () => {
  it('buckets by UTC day by default, with the empty days between', () => {
    const buckets = trend(
      [
        { score: 10, createdAt: '2026-03-01T08:00:00Z' },
        { score: 0, createdAt: '2026-03-03T23:59:59Z' },
        { score: 9, createdAt: '2026-03-01T23:00:00Z' },
      ],
      { interval: 'day' },
    )
    expect(buckets).toEqual([
      { start: '2026-03-01', tally: tally([10, 9]), nps: 100 },
      { start: '2026-03-02', tally: empty, nps: NaN },
      { start: '2026-03-03', tally: tally([0]), nps: -100 },
    ])
  })

  it('reads Dates, ISO strings and epoch milliseconds', () => {
    const at = Date.UTC(2026, 0, 15, 12)
    const buckets = trend(
      [
        { score: 10, createdAt: at },
        { score: 10, createdAt: new Date(at) },
        { score: 0, createdAt: new Date(at).toISOString() },
      ],
      { interval: 'day' },
    )
    expect(buckets).toHaveLength(1)
    expect(buckets[0]!.tally.total).toBe(3)
  })

  it('uses the time zone to decide the calendar day', () => {
    // 23:30 UTC on March 1 is already March 2 in Oslo (UTC+1) and still March 1 in New York.
    const r = [{ score: 10, createdAt: '2026-03-01T23:30:00Z' }]
    expect(trend(r, { interval: 'day', timeZone: 'Europe/Oslo' })[0]!.start).toBe('2026-03-02')
    expect(trend(r, { interval: 'day', timeZone: 'America/New_York' })[0]!.start).toBe('2026-03-01')
    expect(trend(r, { interval: 'day' })[0]!.start).toBe('2026-03-01')
  })

  it('follows daylight saving time', () => {
    // Oslo is UTC+2 in summer: 22:30 UTC on July 1 is July 2 there.
    const r = [{ score: 10, createdAt: '2026-07-01T22:30:00Z' }]
    expect(trend(r, { interval: 'day', timeZone: 'Europe/Oslo' })[0]!.start).toBe('2026-07-02')
  })

  it('buckets by ISO week, starting on Monday, across a year end', () => {
    const buckets = trend(
      [
        { score: 10, createdAt: '2025-12-28T12:00:00Z' }, // Sunday: week of Monday Dec 22
        { score: 0, createdAt: '2025-12-29T00:00:00Z' }, // Monday
        { score: 9, createdAt: '2026-01-04T23:59:00Z' }, // Sunday of that week
        { score: 7, createdAt: '2026-01-13T10:00:00Z' }, // Tuesday, two weeks on
      ],
      { interval: 'week' },
    )
    expect(buckets.map((b) => [b.start, b.tally.total])).toEqual([
      ['2025-12-22', 1],
      ['2025-12-29', 2],
      ['2026-01-05', 0],
      ['2026-01-12', 1],
    ])
  })

  it('buckets by calendar month, with empty months and a leap February', () => {
    const buckets = trend(
      [
        { score: 10, createdAt: '2024-01-31T12:00:00Z' },
        { score: 0, createdAt: '2024-02-29T12:00:00Z' },
        { score: 9, createdAt: '2024-05-01T00:00:00Z' },
      ],
      { interval: 'month' },
    )
    expect(buckets.map((b) => b.start)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'])
    expect(buckets.map((b) => b.tally.total)).toEqual([1, 1, 0, 0, 1])
  })

  it('handles dates before 1970', () => {
    const buckets = trend([{ score: 10, createdAt: '1969-12-31T12:00:00Z' }], { interval: 'week' })
    expect(buckets[0]!.start).toBe('1969-12-29')
  })

  it('gives no buckets for no responses', () => {
    expect(trend([], { interval: 'month' })).toEqual([])
  })

  it('refuses a bad createdAt with a RangeError naming the index and the value', () => {
    const run = () => trend([{ score: 1, createdAt: 0 }, { score: 1, createdAt: 'yesterday' }], { interval: 'day' })
    expect(run).toThrow(RangeError)
    expect(run).toThrow('npskit/score: invalid createdAt at index 1: yesterday')
    expect(() => trend([{ score: 1 } as never], { interval: 'day' })).toThrow('invalid createdAt at index 0: undefined')
  })

  it('refuses a bad score naming its index', () => {
    expect(() => trend([{ score: 11, createdAt: 0 }], { interval: 'day' })).toThrow('invalid score at index 0: 11')
  })

  it('refuses an unknown time zone with a RangeError naming it, even with no responses', () => {
    expect(() => trend([], { interval: 'day', timeZone: 'Mars/Base' })).toThrow(RangeError)
    expect(() => trend([], { interval: 'day', timeZone: 'Mars/Base' })).toThrow(/time zone.*Mars\/Base/i)
  })

  it('refuses an unknown interval with a TypeError naming interval', () => {
    expect(() => trend([], { interval: 'year' as never })).toThrow(TypeError)
    expect(() => trend([], { interval: 'year' as never })).toThrow('invalid interval: year')
  })

  describe('equals asking Intl for every response', () => {
    const zones = ['Europe/Oslo', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu']
    const time = fc.oneof(
      fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * 36e5, max: 3 * 36e5 })).map(([t, d]) => t + d),
      fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -40 * DAY, max: 40 * DAY })).map(([t, d]) => t + d),
      fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2040, 0, 1) }),
    )
    // Each time as epoch milliseconds, a Date or an ISO string, as responses come.
    const response = fc.tuple(fc.integer({ min: 0, max: 10 }), time, fc.constantFrom('number', 'Date', 'string')).map(([score, ms, form]) => ({
      score,
      createdAt: form == 'number' ? ms : form == 'Date' ? new Date(ms) : new Date(ms).toISOString(),
    }))

    it('across DST changes and odd offsets in Oslo, São Paulo, Lord Howe and Kathmandu, by day, week and month', () => {
      fc.assert(
        fc.property(
          fc.array(response, { maxLength: 120 }),
          fc.constantFrom(...zones),
          fc.constantFrom('day' as const, 'week' as const, 'month' as const),
          (responses, timeZone, interval) => {
            // Months over the 150 years of 'anywhere' stay small; days and weeks keep to one transition's neighbourhood.
            const some = interval == 'month' ? responses : responses.filter((r) => Math.abs(+new Date(r.createdAt) - +new Date(responses[0]!.createdAt)) < 90 * DAY)
            expect(trend(some, { interval, timeZone })).toEqual(naiveTrend(some, { interval, timeZone }))
          },
        ),
        { numRuns: 80 },
      )
    }, 30_000)

    it('for 20,000 responses every 37 seconds across Oslo\'s autumn change, in every form', () => {
      const start = Date.parse('2026-10-21T00:00:00Z')
      const forms = [(ms: number) => ms, (ms: number) => new Date(ms), (ms: number) => new Date(ms).toISOString()]
      const responses = Array.from({ length: 20_000 }, (_, i) => ({ score: (i * 7) % 11, createdAt: forms[i % 3]!(start + i * 37_000) }))
      expect(trend(responses, { interval: 'day', timeZone: 'Europe/Oslo' })).toEqual(naiveTrend(responses, { interval: 'day', timeZone: 'Europe/Oslo' }))
    }, 30_000)
  })

  it('reads createdAt exactly as new Date does: fractional milliseconds are cut, the range is ±8.64e15', () => {
    // -0.5 ms is 1970-01-01T00:00:00.000Z for new Date, not the last millisecond of 1969.
    expect(trend([{ score: 9, createdAt: -0.5 }], { interval: 'day' })[0]!.start).toBe('1970-01-01')
    for (const edge of [8.64e15, -8.64e15]) {
      expect(trend([{ score: 9, createdAt: edge }], { interval: 'day', timeZone: 'Asia/Kathmandu' })[0]!.tally.total).toBe(1)
    }
    expect(() => trend([{ score: 9, createdAt: 8.64e15 + 1 }], { interval: 'day' })).toThrow('invalid createdAt at index 0: 8640000000000001')
    expect(() => trend([{ score: 9, createdAt: null as never }], { interval: 'day' })).toThrow('invalid createdAt at index 0: null')
    expect(() => trend([{ score: 9, createdAt: new Date(NaN) }], { interval: 'day' })).toThrow('invalid createdAt at index 0: Invalid Date')
  })

  it('refuses responses that are not iterable with a TypeError naming responses', () => {
    expect(() => trend(5 as never, { interval: 'day' })).toThrow(TypeError)
    expect(() => trend(5 as never, { interval: 'day' })).toThrow('invalid responses: 5')
  })
})
