import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { confidenceInterval, nps } from '../../../src/score'

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
