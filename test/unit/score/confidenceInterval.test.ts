import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { confidenceInterval, nps, standardError, tally } from '../../../src/score'

const example = { detractors: 20, passives: 30, promoters: 50, total: 100 }
const counts = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300)).filter(([d, a, p]) => d + a + p > 0)
const asTally = ([d, a, p]: [number, number, number]) => ({ detractors: d, passives: a, promoters: p, total: d + a + p })

describe('confidenceInterval', () => {
  it('uses adjusted Wald at 95 % by default', () => {
    // Worked by hand: 0.75 promoters and 0.75 detractors more, out of 103.
    //   p = 50.75 / 103 = 0.492718, d = 20.75 / 103 = 0.201456
    //   centre = 100·(p − d) = 29.1262
    //   variance = p + d − (p − d)² = 0.694175 − 0.084833 = 0.609342
    //   SE = 100·√(0.609342 / 103) = 7.69152; margin = 1.959964 · 7.69152 = 15.0751
    //   → 14.0511 … 44.2013
    const ci = confidenceInterval(example)
    expect(ci.low).toBeCloseTo(14.0511, 3)
    expect(ci.high).toBeCloseTo(44.2013, 3)
    expect(ci).toMatchObject({ level: 0.95, method: 'adjusted-wald' })
  })

  it('uses the plain shares with method wald, centred on the NPS', () => {
    // NPS 30, SE = 100·√(0.61 / 100) = 7.81025, margin = 1.959964 · 7.81025 = 15.3078
    const ci = confidenceInterval(example, { method: 'wald' })
    expect(ci.low).toBeCloseTo(14.6922, 3)
    expect(ci.high).toBeCloseTo(45.3078, 3)
    expect((ci.low + ci.high) / 2).toBeCloseTo(30, 10)
  })

  it('takes any level', () => {
    // z(0.99) = 2.5758293035489004; z(0.9) = 1.6448536269514722
    const w99 = confidenceInterval(example, { method: 'wald', level: 0.99 })
    expect(w99.high - 30).toBeCloseTo(2.5758293035489004 * 7.810249675906654, 9)
    const w90 = confidenceInterval(example, { method: 'wald', level: 0.9 })
    expect(w90.high - 30).toBeCloseTo(1.6448536269514722 * 7.810249675906654, 9)
    expect(w90.level).toBe(0.9)
  })

  it('takes scores', () => {
    expect(confidenceInterval([10, 10, 0, 8], { method: 'wald' })).toEqual(
      confidenceInterval({ detractors: 1, passives: 1, promoters: 2, total: 4 }, { method: 'wald' }),
    )
  })

  it('is clipped to −100..100', () => {
    const ci = confidenceInterval([10, 10, 9], { level: 0.999 })
    expect(ci.high).toBe(100)
    expect(ci.low).toBeGreaterThan(-100)
    expect(confidenceInterval([0, 0], { level: 0.999 }).low).toBe(-100)
  })

  it('does not collapse at 100 % promoters with adjusted Wald, but does with Wald', () => {
    const all = Array<number>(20).fill(10)
    expect(confidenceInterval(all).low).toBeLessThan(100)
    expect(confidenceInterval(all, { method: 'wald' })).toMatchObject({ low: 100, high: 100 })
  })

  it('is NaN for Wald, and wide around 0 for adjusted Wald, with no responses', () => {
    const wald = confidenceInterval([], { method: 'wald' })
    expect(wald.low).toBeNaN()
    expect(wald.high).toBeNaN()
    // p = d = 0.25 out of 3: SE = 100·√(0.5 / 3) = 40.82; margin 80.01
    const adjusted = confidenceInterval([])
    expect(adjusted.low).toBeCloseTo(-80.013, 2)
    expect(adjusted.high).toBeCloseTo(80.013, 2)
  })

  it.each([0, 1, 95, -0.1, NaN])('refuses level %d with a RangeError naming level', (level) => {
    expect(() => confidenceInterval(example, { level })).toThrow(RangeError)
    expect(() => confidenceInterval(example, { level })).toThrow('invalid level')
  })

  it('refuses an unknown method with a TypeError naming method', () => {
    expect(() => confidenceInterval(example, { method: 'wilson' as never })).toThrow(TypeError)
    expect(() => confidenceInterval(example, { method: 'wilson' as never })).toThrow('invalid method: wilson')
  })

  describe('weighted tallies', () => {
    // Ten answers with unequal weights, worked independently from the raw scores and weights
    // (Python): Σw = 13, Σw² = 23.125, Kish's effective n = 13² / 23.125 = 7.3081; shares
    // p = 5 / 13, d = 5.5 / 13; NPS −3.8462; SE = 100·√((p + d − (p − d)²) / 7.3081) = 33.2141.
    const scores = [10, 9, 8, 6, 3, 10, 0, 7, 9, 5]
    const weights = [1, 2, 0.5, 1.5, 3, 1, 0.25, 2, 1, 0.75]

    it('use the effective sample size (Σw)² / Σw² for the standard error and the Wald interval', () => {
      const t = tally(scores, weights)
      expect(t.squaredWeights).toBe(23.125)
      expect(standardError(t)).toBeCloseTo(33.214094851061695, 10)
      const ci = confidenceInterval(t, { method: 'wald' })
      expect(ci.low).toBeCloseTo(-68.944583533332, 9)
      expect(ci.high).toBeCloseTo(61.25227584102431, 9)
    })

    it('add the adjusted-Wald 0.75 + 0.75 of 3 to the effective counts', () => {
      // p·n_eff + 0.75 and d·n_eff + 0.75 of n_eff + 3.
      const ci = confidenceInterval(tally(scores, weights))
      expect(ci.low).toBeCloseTo(-54.432604957623184, 9)
      expect(ci.high).toBeCloseTo(48.97901292825769, 9)
    })

    it('are not narrowed by large weights: 100 answers weighted by 10 have the precision of 100', () => {
      const hundred = Array.from({ length: 100 }, (_, i) => [10, 9, 8, 3, 0][i % 5]!)
      const weighted = tally(hundred, Array<number>(100).fill(10))
      expect(weighted.total).toBe(1000)
      expect(standardError(weighted)).toBeCloseTo(standardError(hundred), 12)
      expect(confidenceInterval(weighted).low).toBeCloseTo(confidenceInterval(hundred).low, 10)
    })

    it('with all weights 1 give exactly the unweighted intervals', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 80 }),
          fc.constantFrom('wald' as const, 'adjusted-wald' as const),
          fc.double({ min: 0.5, max: 0.999, noNaN: true }),
          (s, method, level) => {
            const weighted = tally(s, s.map(() => 1))
            expect(confidenceInterval(weighted, { method, level })).toEqual(confidenceInterval(s, { method, level }))
            expect(standardError(weighted)).toEqual(standardError(s))
          },
        ),
      )
    })

    it('with equal weights give the unweighted intervals, whatever the weight', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 80 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (s, w) => {
          const a = confidenceInterval(tally(s, s.map(() => w)))
          const b = confidenceInterval(s)
          expect(a.low).toBeCloseTo(b.low, 8)
          expect(a.high).toBeCloseTo(b.high, 8)
        }),
      )
    })

    it('with no weight at all behave as no responses', () => {
      expect(confidenceInterval(tally([10, 0], [0, 0]))).toEqual(confidenceInterval([]))
      expect(standardError(tally([], []))).toBeNaN()
    })
  })

  describe('properties', () => {
    it('the Wald interval contains the NPS', () => {
      fc.assert(
        fc.property(counts, fc.double({ min: 0.01, max: 0.9999, noNaN: true }), (c, level) => {
          const t = asTally(c)
          const ci = confidenceInterval(t, { method: 'wald', level })
          expect(ci.low).toBeLessThanOrEqual(nps(t) + 1e-9)
          expect(ci.high).toBeGreaterThanOrEqual(nps(t) - 1e-9)
        }),
      )
    })

    it('stays within −100..100 and low ≤ high', () => {
      fc.assert(
        fc.property(counts, fc.constantFrom('wald' as const, 'adjusted-wald' as const), (c, method) => {
          const ci = confidenceInterval(asTally(c), { method })
          expect(ci.low).toBeGreaterThanOrEqual(-100)
          expect(ci.high).toBeLessThanOrEqual(100)
          expect(ci.low).toBeLessThanOrEqual(ci.high)
        }),
      )
    })

    it('is narrower for a larger sample with the same shares', () => {
      fc.assert(
        fc.property(counts, fc.integer({ min: 2, max: 50 }), (c, k) => {
          const [d, a, p] = c
          const small = confidenceInterval(asTally(c))
          const large = confidenceInterval(asTally([d * k, a * k, p * k]))
          expect(large.high - large.low).toBeLessThanOrEqual(small.high - small.low + 1e-9)
        }),
      )
    })

    it('is wider at a higher level', () => {
      fc.assert(
        fc.property(counts, (c) => {
          const t = asTally(c)
          const a = confidenceInterval(t, { level: 0.9 })
          const b = confidenceInterval(t, { level: 0.99 })
          expect(b.high - b.low).toBeGreaterThanOrEqual(a.high - a.low)
        }),
      )
    })
  })
})
