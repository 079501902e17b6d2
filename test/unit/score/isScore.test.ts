import { describe, expect, it } from 'vitest'
import { isScore } from '../../../src/score'

describe('isScore', () => {
  it('accepts every integer from 0 to 10', () => {
    for (let s = 0; s <= 10; s++) expect(isScore(s)).toBe(true)
  })

  it('accepts -0 and 7.0 (the same numbers as 0 and 7)', () => {
    expect(isScore(-0)).toBe(true)
    expect(isScore(7.0)).toBe(true)
  })

  it.each([-1, 11, 7.5, NaN, Infinity, '9', null, undefined, true, [9], { valueOf: () => 9 }])(
    'rejects %s',
    (value) => {
      expect(isScore(value)).toBe(false)
    },
  )

  it('never throws, not even for BigInts and symbols', () => {
    expect(isScore(9n)).toBe(false)
    expect(isScore(Symbol('9'))).toBe(false)
  })
})
