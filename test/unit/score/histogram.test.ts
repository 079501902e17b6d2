import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { histogram, tally } from '../../../src/score'

describe('histogram', () => {
  it('counts each score at its index', () => {
    expect(histogram([10, 10, 3])).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2])
  })

  it('gives 11 zeros for no scores', () => {
    expect(histogram([])).toEqual(Array(11).fill(0))
  })

  it('reads typed arrays and iterables', () => {
    expect(histogram(new Uint8Array([0, 0, 9]))).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
    expect(histogram(new Set([5]))[5]).toBe(1)
  })

  it('refuses a bad score with a RangeError naming the index and the value', () => {
    expect(() => histogram([1, 2, 7.5])).toThrow(RangeError)
    expect(() => histogram([1, 2, 7.5])).toThrow('npskit/score: invalid score at index 2: 7.5')
    expect(() => histogram(['9' as never])).toThrow('invalid score at index 0: 9')
  })

  it('refuses a non-collection with a TypeError naming scores', () => {
    expect(() => histogram(3 as never)).toThrow(TypeError)
    expect(() => histogram(3 as never)).toThrow('invalid scores: 3')
  })

  it('agrees with tally', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 })), (s) => {
        const h = histogram(s)
        const sum = (from: number, to: number) => h.slice(from, to + 1).reduce((a, b) => a + b, 0)
        expect({ detractors: sum(0, 6), passives: sum(7, 8), promoters: sum(9, 10), total: s.length }).toEqual(tally(s))
      }),
    )
  })
})
