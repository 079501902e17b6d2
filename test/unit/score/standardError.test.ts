import { describe, expect, it } from 'vitest'
import { standardError, tally } from '../../../src/score'

describe('standardError', () => {
  it('is 100·√((p + d − (p − d)²) / n) in NPS points', () => {
    // p = 0.5, d = 0.2: variance 0.7 − 0.09 = 0.61; √(0.61 / 100) = 0.0781025
    expect(standardError({ detractors: 20, passives: 30, promoters: 50, total: 100 })).toBeCloseTo(7.810249675906654, 12)
  })

  it('takes the scores themselves', () => {
    // p = d = 0.5: variance 1, so 100·√(1 / 4) = 50
    expect(standardError([10, 0, 10, 0])).toBe(50)
  })

  it('is 0 when every response is alike', () => {
    expect(standardError([10, 10, 10])).toBe(0)
    expect(standardError([8, 7])).toBe(0)
  })

  it('is NaN with no responses', () => {
    expect(standardError([])).toBeNaN()
    expect(standardError(tally([]))).toBeNaN()
  })

  it('shrinks with √n for the same shares', () => {
    const small = standardError({ detractors: 2, passives: 3, promoters: 5, total: 10 })
    const large = standardError({ detractors: 200, passives: 300, promoters: 500, total: 1000 })
    expect(small / large).toBeCloseTo(10, 10)
  })

  it('refuses a bad tally or score', () => {
    expect(() => standardError({ detractors: 1, passives: 0, promoters: 0, total: 0 })).toThrow(RangeError)
    expect(() => standardError([12])).toThrow('invalid score at index 0: 12')
  })
})
