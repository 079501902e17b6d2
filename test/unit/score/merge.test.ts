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

  it('adds weighted tallies, and their sums of squared weights', () => {
    expect(merge(tally([10], [0.5]), tally([0, 7], [2, 1.5]))).toEqual({ detractors: 2, passives: 1.5, promoters: 0.5, total: 4, squaredWeights: 6.5 })
  })

  it('counts an unweighted tally as weights of 1 when merged with a weighted one', () => {
    // Σw² of tally([9, 9, 0]) is 3: its total.
    expect(merge(tally([9, 9, 0]), tally([10], [2]))).toEqual({ detractors: 1, passives: 0, promoters: 4, total: 5, squaredWeights: 7 })
    expect(merge(tally([9, 9, 0]), tally([10]))).not.toHaveProperty('squaredWeights')
  })

  it('takes one array or iterable of tallies, as large as memory allows', () => {
    const days = Array.from({ length: 1_000_000 }, (_, i) => ({ detractors: i % 2, passives: 0, promoters: 1, total: 1 + (i % 2) }))
    expect(merge(days)).toEqual({ detractors: 500_000, passives: 0, promoters: 1_000_000, total: 1_500_000 })
    expect(merge(new Set([tally([10]), tally([0])]))).toEqual(tally([10, 0]))
    expect(merge([])).toEqual(tally([]))
    function* perShard() {
      yield tally([9], [2])
      yield tally([3])
    }
    expect(merge(perShard())).toEqual({ detractors: 1, passives: 0, promoters: 2, total: 3, squaredWeights: 5 })
  })

  it('reads null squaredWeights (a database column) as unweighted', () => {
    expect(merge([{ detractors: 1, passives: 0, promoters: 1, total: 2, squaredWeights: null as never }])).toEqual(tally([0, 9]))
  })

  it('refuses a bad tally in a list with a RangeError naming its index and fields', () => {
    const list = [tally([1]), tally([9]), { detractors: 1, passives: 0, promoters: 0, total: 5 }]
    expect(() => merge(list)).toThrow(RangeError)
    expect(() => merge(list)).toThrow('npskit/score: invalid tally: 1,0,0,5 at index 2')
    expect(() => merge([tally([1]), null as never])).toThrow('invalid tally: ,,, at index 1')
    expect(() => merge([tally([1]), 5 as never])).toThrow('invalid tally: ,,, at index 1')
  })

  it.each([
    ['negative', -1],
    ['NaN', NaN],
    ['infinite', Infinity],
  ])('refuses a %s squaredWeights', (_, q) => {
    expect(() => merge({ detractors: 1, passives: 0, promoters: 1, total: 2, squaredWeights: q })).toThrow(`invalid tally: 1,0,1,2,${q} at index 0`)
  })

  it('takes a squaredWeights of exactly total² (one answer with all the weight)', () => {
    expect(merge(tally([10, 0], [2, 0]))).toEqual({ detractors: 0, passives: 0, promoters: 2, total: 2, squaredWeights: 4 })
  })

  it('refuses an argument that is neither a tally nor an iterable with a TypeError naming tallies', () => {
    expect(() => merge(5 as never)).toThrow(TypeError)
    expect(() => merge(5 as never)).toThrow('invalid tallies: 5')
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

  it('of any split of weighted scores equals the weighted tally of the whole, squaredWeights included', () => {
    // Weights in eighths up to 16 add up without rounding, so the two sums agree exactly.
    const weighted = fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 128 }).map((w) => w / 8)), { maxLength: 200 })
    fc.assert(
      fc.property(weighted, fc.array(fc.nat(200), { maxLength: 8 }), (pairs, cuts) => {
        const at = [0, ...cuts.map((c) => c % (pairs.length + 1)).sort((x, y) => x - y), pairs.length]
        const parts = at.slice(1).map((end, k) => pairs.slice(at[k], end))
        const tallyOfPairs = (ps: typeof pairs) => tally(ps.map(([s]) => s), ps.map(([, w]) => w))
        expect(merge(parts.map(tallyOfPairs))).toEqual(tallyOfPairs(pairs))
        expect(merge(...parts.map(tallyOfPairs))).toEqual(tallyOfPairs(pairs))
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
