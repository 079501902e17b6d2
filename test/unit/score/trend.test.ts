import { describe, expect, it } from 'vitest'
import { tally, trend } from '../../../src/score'

const empty = tally([])

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
})
