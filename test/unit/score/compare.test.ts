import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compare, nps, standardError } from '../../../src/score'
import { upperTail } from '../../../src/score/normal'

const a = { detractors: 10, passives: 30, promoters: 60, total: 100 }
const b = { detractors: 20, passives: 35, promoters: 45, total: 100 }

describe('compare', () => {
  it('runs a two-sample Wald test of NPS(a) − NPS(b)', () => {
    // By hand: NPS 50 vs 25, so difference 25.
    //   SE(a)² = 100²·(0.7 − 0.25) / 100 = 45; SE(b)² = 100²·(0.65 − 0.0625) / 100 = 58.75
    //   SE = √103.75 = 10.185774; z = 25 / 10.185774 = 2.454403
    //   p = 2·Q(2.454403) = 0.014112; 95 % bounds 25 ∓ 1.959964·10.185774 = 5.0362 … 44.9638
    const c = compare(a, b)
    expect(c.difference).toBe(25)
    expect(c.standardError).toBeCloseTo(10.185774393731, 9)
    expect(c.z).toBeCloseTo(2.454403468369, 9)
    expect(c.pValue).toBeCloseTo(0.014111854734856, 12)
    expect(c.low).toBeCloseTo(5.03625, 4)
    expect(c.high).toBeCloseTo(44.96375, 4)
    expect(c.significant).toBe(true)
  })

  it('is antisymmetric', () => {
    const ab = compare(a, b)
    const ba = compare(b, a)
    expect(ba.difference).toBe(-ab.difference)
    expect(ba.pValue).toBe(ab.pValue)
    expect(ba.low).toBeCloseTo(-ab.high, 12)
  })

  it('is not significant at a level the p-value does not reach', () => {
    // p ≈ 0.0141 > 1 − 0.99
    expect(compare(a, b, { level: 0.99 }).significant).toBe(false)
    expect(compare(a, b, { level: 0.98 }).significant).toBe(true)
  })

  it('takes scores', () => {
    const c = compare([10, 10, 10, 0], [0, 0, 10, 7])
    expect(c.difference).toBe(nps([10, 10, 10, 0]) - nps([0, 0, 10, 7]))
  })

  it('keeps tiny p-values instead of rounding them to 0', () => {
    const big = (d: number, p: number) => ({ detractors: d, passives: 0, promoters: p, total: d + p })
    // z ≈ 15: 1 − Φ(z) would be 0 in doubles, Q(z) ≈ 1e-51 is not.
    const c = compare(big(1080, 1620), big(1620, 1080))
    expect(c.z).toBeGreaterThan(14)
    expect(c.pValue).toBeGreaterThan(1e-60)
    expect(c.pValue).toBeLessThan(1e-40)
    expect(c.pValue / (2 * upperTail(c.z))).toBe(1)
  })

  it('gives NaN numbers and not significant for an empty sample', () => {
    const c = compare([], [10, 0])
    expect(c.difference).toBeNaN()
    expect(c.standardError).toBeNaN()
    expect(c.z).toBeNaN()
    expect(c.pValue).toBeNaN()
    expect(c.low).toBeNaN()
    expect(c.high).toBeNaN()
    expect(c.significant).toBe(false)
  })

  it('handles samples without spread: equal is NaN, different is z = ±Infinity and p = 0', () => {
    const same = compare([10, 10], [9, 9, 9])
    expect(same.z).toBeNaN()
    expect(same.significant).toBe(false)
    const apart = compare([10, 10], [0, 0])
    expect(apart.z).toBe(Infinity)
    expect(apart.pValue).toBe(0)
    expect(apart.significant).toBe(true)
  })

  it('refuses a level outside (0, 1) with a RangeError naming level', () => {
    expect(() => compare(a, b, { level: 95 })).toThrow(RangeError)
    expect(() => compare(a, b, { level: 95 })).toThrow('invalid level: 95')
  })

  it('refuses a bad tally', () => {
    expect(() => compare(a, { ...b, total: 1 })).toThrow('invalid tally')
  })

  it('has SE² = SE(a)² + SE(b)² and a p-value in [0, 1]', () => {
    const counts = fc.tuple(fc.nat(200), fc.nat(200), fc.nat(200)).filter(([d, x, p]) => d + x + p > 1 && d + p > 0)
    const asTally = ([d, x, p]: [number, number, number]) => ({ detractors: d, passives: x, promoters: p, total: d + x + p })
    fc.assert(
      fc.property(counts, counts, (x, y) => {
        const c = compare(asTally(x), asTally(y))
        expect(c.standardError ** 2).toBeCloseTo(standardError(asTally(x)) ** 2 + standardError(asTally(y)) ** 2, 6)
        expect(c.pValue).toBeGreaterThanOrEqual(0)
        expect(c.pValue).toBeLessThanOrEqual(1 + 1e-15)
        expect(c.significant).toBe(c.pValue < 0.05)
      }),
    )
  })
})
