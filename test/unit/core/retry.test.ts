import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classify, nextDelay, parseRetryAfter, shouldGiveUp } from '../../../src/core/retry'

describe('classify', () => {
  it.each([
    [200, 'ack'],
    [201, 'ack'],
    [202, 'ack'],
    [204, 'ack'],
    [299, 'ack'],
    [100, 'drop'],
    [301, 'drop'],
    [304, 'drop'],
    [400, 'drop'],
    [401, 'drop'],
    [403, 'drop'],
    [404, 'drop'],
    [408, 'retry'],
    [413, 'drop'],
    [422, 'drop'],
    [429, 'retry'],
    [500, 'retry'],
    [501, 'drop'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [505, 'drop'],
    [599, 'retry'],
    [600, 'drop'],
    [0, 'drop'],
    [-1, 'drop'],
    [200.5, 'drop'],
    [Number.NaN, 'drop'],
    ['network-error', 'retry'],
  ] as const)('classifies %s as %s', (status, outcome) => {
    expect(classify(status)).toBe(outcome)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 5, 1, 12, 0, 0)

  it.each([
    ['120', 120_000],
    ['0', 0],
    ['  7 ', 7_000],
    ['007', 7_000],
    ['Sun, 01 Jun 2025 12:01:30 GMT', 90_000],
    ['Sun, 01 Jun 2025 12:00:00 GMT', 0],
    ['Sat, 31 May 2025 12:00:00 GMT', 0],
    ['Sunday, 01-Jun-25 12:00:05 GMT', 5_000],
    ['Sun Jun  1 12:00:05 2025', 5_000],
  ])('reads %j as %i ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms)
  })

  it.each([[null], [undefined], [''], ['   '], ['-5'], ['1.5'], ['2e3'], ['+3'], ['soon'], ['120 seconds'], ['Sun, 01 Jun 2025 12:01:30']])(
    'ignores %j',
    (header) => {
      expect(parseRetryAfter(header, now)).toBeUndefined()
    },
  )

  it('never returns a negative delay', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 2 ** 42 }), (header, at) => {
        const ms = parseRetryAfter(header, at)
        expect(ms === undefined || ms >= 0).toBe(true)
      }),
    )
  })
})

describe('nextDelay', () => {
  const half = () => 0.5

  it('is full jitter over a doubling ceiling', () => {
    expect([0, 1, 2, 3].map((attempt) => nextDelay(attempt, {}, half))).toEqual([500, 1000, 2000, 4000])
    expect(nextDelay(0, {}, () => 0)).toBe(0)
  })

  it('stops doubling at maxMs', () => {
    expect(nextDelay(10, {}, half)).toBe(30_000)
    expect(nextDelay(10, { maxMs: 5_000 }, half)).toBe(2_500)
    expect(nextDelay(1e9, {}, half)).toBe(30_000)
    expect(nextDelay(Infinity, {}, half)).toBe(30_000)
  })

  it('treats a negative or NaN attempt as the first retry', () => {
    expect(nextDelay(-3, {}, half)).toBe(500)
    expect(nextDelay(Number.NaN, {}, half)).toBe(500)
  })

  it('survives a random function that breaks its contract', () => {
    expect(nextDelay(0, {}, () => Number.NaN)).toBe(0)
    expect(nextDelay(0, {}, () => -1)).toBe(0)
    expect(nextDelay(0, {}, () => 7)).toBe(1_000)
  })

  it('waits at least the Retry-After, with the jitter on top', () => {
    expect(nextDelay(0, { retryAfterMs: 30_000 }, () => 0)).toBe(30_000)
    expect(nextDelay(0, { retryAfterMs: 30_000 }, half)).toBe(30_500)
    expect(nextDelay(2, { retryAfterMs: 0 }, half)).toBe(2_000)
  })

  it('caps the Retry-After', () => {
    expect(nextDelay(0, { retryAfterMs: 3_600_000 }, half)).toBe(300_000)
    expect(nextDelay(0, { retryAfterMs: 3_600_000, capRetryAfterMs: 10_000 }, half)).toBe(10_000)
    expect(nextDelay(0, { retryAfterMs: 299_900 }, half)).toBe(300_000)
  })

  it('does not let a low Retry-After cap shorten the usual backoff', () => {
    expect(nextDelay(10, { retryAfterMs: 0, capRetryAfterMs: 1_000 }, half)).toBe(30_000)
  })

  it('ignores a nonsense Retry-After', () => {
    expect(nextDelay(1, { retryAfterMs: Number.NaN }, half)).toBe(1_000)
    expect(nextDelay(1, { retryAfterMs: -5 }, half)).toBe(1_000)
  })

  it('never exceeds what setTimeout can wait', () => {
    expect(nextDelay(0, { retryAfterMs: 1e15, capRetryAfterMs: 1e15 }, half)).toBe(2 ** 31 - 1)
  })

  const options = fc.record(
    {
      baseMs: fc.integer({ min: 0, max: 100_000 }),
      maxMs: fc.integer({ min: 0, max: 10_000_000 }),
      retryAfterMs: fc.integer({ min: 0, max: 10_000_000 }),
      capRetryAfterMs: fc.integer({ min: 0, max: 10_000_000 }),
    },
    { requiredKeys: [] },
  )
  const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

  it('stays within [0, cap] and, with Retry-After, at or above it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), options, unit, (attempt, o, r) => {
        const delay = nextDelay(attempt, o, () => r)
        const maxMs = o.maxMs ?? 60_000
        const capRa = o.capRetryAfterMs ?? 300_000
        expect(delay).toBeGreaterThanOrEqual(0)
        if (o.retryAfterMs === undefined) {
          expect(delay).toBeLessThanOrEqual(maxMs)
        } else {
          expect(delay).toBeLessThanOrEqual(Math.max(maxMs, capRa))
          expect(delay).toBeGreaterThanOrEqual(Math.min(o.retryAfterMs, capRa))
        }
      }),
    )
  })

  it('has an upper bound that never shrinks as attempts grow (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), options, (attempt, o) => {
        const { retryAfterMs: _, ...plain } = o
        const top = (n: number) => nextDelay(n, plain, () => 1 - Number.EPSILON)
        expect(top(attempt + 1)).toBeGreaterThanOrEqual(top(attempt))
      }),
    )
  })

  it('is a function of its inputs and the random draw (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), options, unit, (attempt, o, r) => {
        expect(nextDelay(attempt, o, () => r)).toBe(nextDelay(attempt, o, () => r))
      }),
    )
  })

  it('calls random exactly once', () => {
    let calls = 0
    nextDelay(3, { retryAfterMs: 1_000 }, () => (calls++, 0.3))
    expect(calls).toBe(1)
  })
})

describe('shouldGiveUp', () => {
  it('allows six attempts per page load by default', () => {
    expect([0, 1, 5, 6, 7].map((n) => shouldGiveUp(n, {}))).toEqual([false, false, false, true, true])
  })

  it('honours maxAttempts', () => {
    expect(shouldGiveUp(2, { maxAttempts: 3 })).toBe(false)
    expect(shouldGiveUp(3, { maxAttempts: 3 })).toBe(true)
    expect(shouldGiveUp(0, { maxAttempts: 0 })).toBe(true)
  })

  it('gives up on a NaN maxAttempts rather than retrying forever', () => {
    expect(shouldGiveUp(0, { maxAttempts: Number.NaN })).toBe(true)
  })
})
