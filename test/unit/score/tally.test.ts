import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tally } from '../../../src/score'

const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 })

describe('tally', () => {
  it('counts detractors (0–6), passives (7–8) and promoters (9–10)', () => {
    expect(tally([0, 6, 7, 8, 9, 10, 10])).toEqual({ detractors: 2, passives: 2, promoters: 3, total: 7 })
  })

  it('gives the empty tally for no scores', () => {
    expect(tally([])).toEqual({ detractors: 0, passives: 0, promoters: 0, total: 0 })
  })

  it('counts a Uint8Array of scores', () => {
    expect(tally(new Uint8Array([10, 9, 3, 7]))).toEqual({ detractors: 1, passives: 1, promoters: 2, total: 4 })
  })

  it('counts a Float64Array and an Int32Array of scores', () => {
    expect(tally(new Float64Array([10, 0]))).toEqual({ detractors: 1, passives: 0, promoters: 1, total: 2 })
    expect(tally(new Int32Array([8]))).toEqual({ detractors: 0, passives: 1, promoters: 0, total: 1 })
  })

  it('counts an array-like and any iterable (Set, generator)', () => {
    expect(tally({ length: 2, 0: 9, 1: 1 })).toEqual({ detractors: 1, passives: 0, promoters: 1, total: 2 })
    expect(tally(new Set([10, 5]))).toEqual({ detractors: 1, passives: 0, promoters: 1, total: 2 })
    function* gen() {
      yield 7
      yield 9
    }
    expect(tally(gen())).toEqual({ detractors: 0, passives: 1, promoters: 1, total: 2 })
  })

  it('weighs each score by its weight; total is the sum of the weights, squaredWeights the sum of their squares', () => {
    expect(tally(new Uint8Array([10, 0]), [2, 0.5])).toEqual({ detractors: 0.5, passives: 0, promoters: 2, total: 2.5, squaredWeights: 4.25 })
    expect(tally([10, 0, 8], new Float64Array([1, 0, 3]))).toEqual({ detractors: 0, passives: 3, promoters: 1, total: 4, squaredWeights: 10 })
  })

  it('carries squaredWeights only when weighted', () => {
    expect(tally([10, 0])).not.toHaveProperty('squaredWeights')
    expect(tally([], [])).toEqual({ detractors: 0, passives: 0, promoters: 0, total: 0, squaredWeights: 0 })
  })

  it('counts -0 as 0', () => {
    expect(tally([-0])).toEqual({ detractors: 1, passives: 0, promoters: 0, total: 1 })
  })

  describe('refuses', () => {
    it.each([
      [[9, 10, 8, 7.5], 3, '7.5'],
      [[11], 0, '11'],
      [[1, -1], 1, '-1'],
      [[NaN], 0, 'NaN'],
      [[Infinity], 0, 'Infinity'],
      [[4294967305], 0, '4294967305'],
      [[1, 2, '3'], 2, '3'],
      [[null], 0, 'null'],
      [[undefined], 0, 'undefined'],
    ])('%j with a RangeError naming the index and the value', (bad, index, shown) => {
      const run = () => tally(bad as number[])
      expect(run).toThrow(RangeError)
      expect(run).toThrow(`npskit/score: invalid score at index ${index}: ${shown}`)
    })

    it('a bad score in a typed array, naming its index', () => {
      expect(() => tally(new Float64Array([1, 2, 3, 7.5]))).toThrow('invalid score at index 3: 7.5')
    })

    it('a bad score in an iterable, naming its index', () => {
      expect(() => tally(new Set([1, 12]))).toThrow('invalid score at index 1: 12')
    })

    it.each([-1, NaN, Infinity, -Infinity])('a weight of %s, naming its index, score and weight', (w) => {
      expect(() => tally([1, 9], [1, w])).toThrow(RangeError)
      expect(() => tally([1, 9], [1, w])).toThrow(`invalid score at index 1: 9,${w}`)
    })

    it('weights of another length, naming the weights length', () => {
      expect(() => tally([1, 2, 3], [1, 1])).toThrow(RangeError)
      expect(() => tally([1, 2, 3], [1, 1])).toThrow('invalid weights length: 2')
      expect(() => tally([1], [1, 1])).toThrow('invalid weights length: 2')
    })

    it.each([5, {}, null, undefined, true])('%j as scores with a TypeError naming scores', (bad) => {
      expect(() => tally(bad as never)).toThrow(TypeError)
      expect(() => tally(bad as never)).toThrow('npskit/score: invalid scores')
    })
  })

  describe('properties', () => {
    it('counts add up to total, which is the number of scores', () => {
      fc.assert(
        fc.property(scores, (s) => {
          const t = tally(s)
          expect(t.total).toBe(s.length)
          expect(t.detractors + t.passives + t.promoters).toBe(s.length)
        }),
      )
    })

    it('a typed array gives the tally of the plain array', () => {
      fc.assert(
        fc.property(scores, (s) => {
          expect(tally(new Uint8Array(s))).toEqual(tally(s))
          expect(tally(new Float64Array(s))).toEqual(tally(s))
          expect(tally(s.values())).toEqual(tally(s))
        }),
      )
    })

    it('weights that are all 1 give the unweighted tally', () => {
      fc.assert(
        fc.property(scores, (s) => {
          expect(tally(s, s.map(() => 1))).toEqual({ ...tally(s), squaredWeights: s.length })
        }),
      )
    })

    it('an integer weight counts like repeating the score', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 }))), (pairs) => {
          const repeated = pairs.flatMap(([s, w]) => Array<number>(w).fill(s))
          const { squaredWeights, ...counts } = tally(
            pairs.map(([s]) => s),
            pairs.map(([, w]) => w),
          )
          expect(counts).toEqual(tally(repeated))
          expect(squaredWeights).toBe(pairs.reduce((sum, [, w]) => sum + w * w, 0))
        }),
      )
    })
  })
})
