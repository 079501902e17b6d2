import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { merge, tally } from '../../../src/score'

const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 100 })

describe('merge', () => {
  it('adds tallies up', () => {
    expect(merge(tally([10, 3]), tally([9]))).toEqual({ detractors: 1, passives: 0, promoters: 2, total: 3 })
  })

  it('gives the empty tally for no tallies', () => {
    expect(merge()).toEqual({ detractors: 0, passives: 0, promoters: 0, total: 0 })
  })

  it('adds weighted tallies', () => {
    expect(merge(tally([10], [0.5]), tally([0, 7], [2, 1.5]))).toEqual({ detractors: 2, passives: 1.5, promoters: 0.5, total: 4 })
  })

  it('returns a new, checked tally for one tally', () => {
    const t = { detractors: 1, passives: 2, promoters: 3, total: 6 }
    expect(merge(t)).toEqual(t)
    expect(merge(t)).not.toBe(t)
  })

  it('refuses a bad tally with a RangeError', () => {
    expect(() => merge(tally([1]), { detractors: -1, passives: 0, promoters: 0, total: -1 })).toThrow(RangeError)
    expect(() => merge({ detractors: 1, passives: 0, promoters: 0, total: 5 })).toThrow('npskit/score: invalid tally: 1,0,0,5')
  })

  it('of the tallies of parts equals the tally of the whole (shards, days, workers)', () => {
    fc.assert(
      fc.property(fc.array(scores, { maxLength: 8 }), (parts) => {
        expect(merge(...parts.map((p) => tally(p)))).toEqual(tally(parts.flat()))
      }),
    )
  })

  it('does not depend on the order of the tallies', () => {
    fc.assert(
      fc.property(scores, scores, scores, (a, b, c) => {
        expect(merge(tally(a), tally(b), tally(c))).toEqual(merge(tally(c), merge(tally(a), tally(b))))
      }),
    )
  })
})
