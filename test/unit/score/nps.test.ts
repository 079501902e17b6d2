import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { confidenceInterval, merge, nps, tally } from '../../../src/score'

const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 })

describe('nps', () => {
  it.each([
    // 2 promoters, 1 passive, 1 detractor out of 4: 50 % − 25 %
    [[10, 9, 8, 3], 25],
    [[10, 10], 100],
    [[0, 6], -100],
    [[7, 8], 0],
    [[9, 0, 7], 0],
  ])('of %j is %d', (s, expected) => {
    expect(nps(s)).toBe(expected)
  })

  it('is unrounded', () => {
    expect(nps([10, 10, 0])).toBe(100 / 3)
  })

  it('takes a tally', () => {
    expect(nps({ detractors: 10, passives: 20, promoters: 70, total: 100 })).toBe(60)
  })

  it('takes a weighted tally whose total differs from the sum only by float rounding', () => {
    expect(nps({ detractors: 0.1, passives: 0.2, promoters: 0.3, total: 0.6 })).toBeCloseTo(33.333333, 5)
  })

  it('takes typed arrays and iterables', () => {
    expect(nps(new Uint8Array([10, 0, 10, 10]))).toBe(50)
    expect(nps(new Set([10, 0]))).toBe(0)
  })

  it('is NaN, not an error, with no responses', () => {
    expect(nps([])).toBeNaN()
    expect(nps(tally([]))).toBeNaN()
  })

  it.each([
    { detractors: -1, passives: 0, promoters: 2, total: 1 },
    { detractors: 1, passives: 0, promoters: 2, total: 2 },
    { detractors: 1, passives: 0, promoters: 2, total: 4 },
    { detractors: NaN, passives: 0, promoters: 2, total: 2 },
    { detractors: 0, passives: 0, promoters: Infinity, total: Infinity },
    { detractors: 0, passives: 0, promoters: 1, total: Infinity },
    { detractors: 0, passives: 0, promoters: 1 / 0, total: 1 },
    { detractors: 1, promoters: 1, total: 2 },
  ])('uses a tally as given, and leaves checking %j to merge()', (bad) => {
    // nps stays within its byte budget by trusting tally objects; merge() is the documented check.
    expect(() => nps(bad as never)).not.toThrow()
    expect(() => merge(bad as never)).toThrow(RangeError)
    expect(() => merge(bad as never)).toThrow(`npskit/score: invalid tally: ${[bad.detractors, (bad as { passives?: number }).passives, bad.promoters, bad.total]}`)
    expect(() => confidenceInterval(bad as never)).toThrow(RangeError)
  })

  it('refuses a bad score naming its index', () => {
    expect(() => nps([10, 11])).toThrow('invalid score at index 1: 11')
  })

  describe('properties', () => {
    it('stays within −100..100', () => {
      fc.assert(
        fc.property(scores, (s) => {
          const v = nps(s)
          expect(v).toBeGreaterThanOrEqual(-100)
          expect(v).toBeLessThanOrEqual(100)
        }),
      )
    })

    it('does not depend on the order of the scores', () => {
      fc.assert(
        fc.property(scores, fc.integer(), (s, seed) => {
          const shuffled = [...s].sort((a, b) => ((a * 7919 + seed) % 11) - ((b * 7919 + seed) % 11))
          expect(nps(shuffled)).toBe(nps(s))
          expect(nps([...s].reverse())).toBe(nps(s))
        }),
      )
    })

    it('is the same from the scores and from their tally', () => {
      fc.assert(
        fc.property(scores, (s) => {
          expect(nps(tally(s))).toBe(nps(s))
        }),
      )
    })
  })
})
