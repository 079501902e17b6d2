import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compare, nps, standardError, tally } from '../../../src/score'
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

  describe('against a target (one sample)', () => {
    const t = { detractors: 20, passives: 30, promoters: 50, total: 100 }

    it('tests NPS(a) against 0 as R\'s NPS::nps_test does for one sample', () => {
      // R: nps_test(x) with nps 0.3, nps.var 0.5 + 0.2 − 0.09 = 0.61, se √(0.61 / 100), p = 2·(1 − pnorm(0.3 / se)),
      // worked independently (Python statistics.NormalDist, math.erfc), in NPS points.
      const c = compare(t, 0)
      expect(c.difference).toBe(30)
      expect(c.standardError).toBeCloseTo(7.810249675906654, 12)
      expect(c.z).toBeCloseTo(3.8411063979868794, 12)
      expect(c.pValue).toBeCloseTo(0.00012248100770987928, 15)
      expect(c.low).toBeCloseTo(14.692191924957331, 9)
      expect(c.high).toBeCloseTo(45.30780807504267, 9)
      expect(c.significant).toBe(true)
    })

    it('tests NPS(a) against a goal or a benchmark: same shape, difference NPS(a) − b', () => {
      const c = compare(t, 40)
      expect(c).toEqual({
        difference: -10,
        standardError: expect.closeTo(7.810249675906654, 12),
        z: expect.closeTo(-1.2803687993289599, 12),
        pValue: expect.closeTo(0.20041546169285487, 12),
        low: expect.closeTo(-25.30780807504267, 9),
        high: expect.closeTo(5.307808075042669, 9),
        significant: false,
      })
      // 12 promoters, 7 detractors of 24 against 50: NPS 20.83, z −1.6518, p 0.09857.
      const small = compare({ detractors: 7, passives: 5, promoters: 12, total: 24 }, 50)
      expect(small.pValue).toBeCloseTo(0.09856946212458723, 12)
      expect(small.low).toBeCloseTo(-63.7741376578842, 9)
    })

    it('equals a two-sample test against a sample without spread and with no error', () => {
      fc.assert(
        fc.property(fc.nat(50), fc.nat(50), fc.integer({ min: 1, max: 50 }), fc.integer({ min: -100, max: 100 }), (d, x, p, target) => {
          const c = compare({ detractors: d, passives: x, promoters: p, total: d + x + p }, target)
          expect(c.standardError).toBe(standardError({ detractors: d, passives: x, promoters: p, total: d + x + p }))
          expect(c.difference).toBeCloseTo(nps({ detractors: d, passives: x, promoters: p, total: d + x + p }) - target, 10)
          expect(c.low).toBeLessThanOrEqual(c.difference)
        }),
      )
    })

    it.each([101, -100.5, NaN, Infinity])('refuses a target of %s with a RangeError naming b', (b) => {
      expect(() => compare(t, b)).toThrow(RangeError)
      expect(() => compare(t, b)).toThrow(`invalid b: ${b}`)
    })
  })

  describe("method 'adjusted-wald'", () => {
    it('adds 0.75 promoters and 0.75 detractors to each sample and 3 to its size (Sauro and Lewis)', () => {
      // Worked independently: a → p = 60.75 / 103, d = 10.75 / 103; b → p = 45.75 / 103, d = 20.75 / 103;
      // centre = 100·((pa − da) − (pb − db)) = 24.2718; SE = √(SE²(a) + SE²(b)) of the adjusted shares.
      const c = compare(a, b, { method: 'adjusted-wald' })
      expect(c.difference).toBeCloseTo(24.27184466019417, 12)
      expect(c.standardError).toBeCloseTo(10.073731116407261, 12)
      expect(c.z).toBeCloseTo(2.4094195467121606, 12)
      expect(c.pValue).toBeCloseTo(0.01597791844571108, 12)
      expect(c.low).toBeCloseTo(4.52769448209547, 9)
      expect(c.high).toBeCloseTo(44.01599483829287, 9)
      expect(c.significant).toBe(true)
    })

    it('does not collapse for small samples at the extremes', () => {
      const wald = compare([10, 10, 10], [10, 10])
      expect(wald.standardError).toBe(0)
      const adjusted = compare([10, 10, 10], [10, 10], { method: 'adjusted-wald' })
      expect(adjusted.standardError).toBeGreaterThan(0)
      expect(adjusted.significant).toBe(false)
      const c = compare(tally([0, 7, 9, 10, 10]), tally([0, 0, 0, 7, 9]), { method: 'adjusted-wald' })
      expect(c.low).toBeCloseTo(-27.474379038070182, 9)
      expect(c.high).toBeCloseTo(127.47437903807018, 9)
    })

    it('is centred on the adjusted difference, and wald stays the default', () => {
      expect(compare(a, b)).toEqual(compare(a, b, { method: 'wald' }))
      const c = compare(a, b, { method: 'adjusted-wald' })
      expect((c.low + c.high) / 2).toBeCloseTo(c.difference, 9)
      expect(c.z).toBeCloseTo(c.difference / c.standardError, 12)
    })

    it('applies to a target too: only a has an error', () => {
      const c = compare(a, 40, { method: 'adjusted-wald' })
      // Adjusted NPS of a: 100·(60.75 − 10.75) / 103 = 48.5437.
      expect(c.difference).toBeCloseTo(100 * (50 / 103) - 40, 12)
      expect((c.low + c.high) / 2).toBeCloseTo(c.difference, 9)
    })

    it('refuses an unknown method with a TypeError naming method', () => {
      expect(() => compare(a, b, { method: 'wilson' as never })).toThrow(TypeError)
      expect(() => compare(a, b, { method: 'wilson' as never })).toThrow('invalid method: wilson')
    })
  })

  describe('weighted tallies', () => {
    it('count as their effective sample size: 100 answers weighted by 10 are 100 answers, not 1,000', () => {
      const scores = Array.from({ length: 100 }, (_, i) => [10, 9, 8, 3][i % 4]!)
      const other = Array.from({ length: 100 }, (_, i) => [10, 7, 8, 3][i % 4]!)
      const weighted = compare(tally(scores, Array<number>(100).fill(10)), tally(other, Array<number>(100).fill(10)))
      const plain = compare(scores, other)
      expect(weighted.standardError).toBeCloseTo(plain.standardError, 12)
      expect(weighted.pValue).toBeCloseTo(plain.pValue, 12)
    })

    it('with all weights 1 give exactly the unweighted result, for both methods', () => {
      const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 60 })
      fc.assert(
        fc.property(scores, scores, fc.constantFrom('wald' as const, 'adjusted-wald' as const), (x, y, method) => {
          const ones = (s: number[]) => s.map(() => 1)
          expect(compare(tally(x, ones(x)), tally(y, ones(y)), { method })).toEqual(compare(x, y, { method }))
        }),
      )
    })
  })
})
