import { describe, expect, it } from 'vitest'
import { sampleSize } from '../../../src/score'

describe('sampleSize', () => {
  it('assumes the worst case without expected shares', () => {
    // z(0.95)² · 1 / 0.05² = 3.841459 · 400 = 1536.58 → 1537
    expect(sampleSize(5)).toBe(1537)
    // 3.841459 · 100 = 384.15 → 385
    expect(sampleSize(10)).toBe(385)
  })

  it('uses expected shares (fractions from 0 to 1)', () => {
    // variance 0.5 + 0.2 − 0.09 = 0.61: 1536.58 · 0.61 = 937.3 → 938
    expect(sampleSize(5, { promoters: 0.5, detractors: 0.2 })).toBe(938)
  })

  it('takes a level', () => {
    // z(0.99)² = 6.634897 · 400 = 2653.96 → 2654; z(0.9)² = 2.705543 · 400 = 1082.2 → 1083
    expect(sampleSize(5, { level: 0.99 })).toBe(2654)
    expect(sampleSize(5, { level: 0.9 })).toBe(1083)
  })

  it('does not round an exact answer up because of float noise', () => {
    // With p = 1, d = 0 the variance is 0: at least one response is still needed.
    expect(sampleSize(5, { promoters: 1, detractors: 0 })).toBe(1)
    // variance 0.5 (p = d = 0.25); z = 2 would give exactly 800 at ±5: check the ceiling is tight
    const n = sampleSize(5, { promoters: 0.25, detractors: 0.25 })
    expect(n).toBe(Math.ceil(1.959963984540054 ** 2 * 0.5 * 400))
  })

  it('accepts shares that add up to 1 whatever the float rounding', () => {
    expect(sampleSize(5, { promoters: 0.15, detractors: 0.85 })).toBeGreaterThan(0)
    expect(sampleSize(5, { promoters: 0.7, detractors: 0.3 })).toBeGreaterThan(0)
  })

  it('grows as the margin shrinks', () => {
    expect(sampleSize(1)).toBeGreaterThan(sampleSize(2))
    expect(sampleSize(2)).toBeGreaterThan(sampleSize(5))
  })

  it.each([0, -5, NaN, 201, Infinity])('refuses a margin of %d with a RangeError naming marginOfError', (m) => {
    expect(() => sampleSize(m)).toThrow(RangeError)
    expect(() => sampleSize(m)).toThrow(`invalid marginOfError: ${m}`)
  })

  it.each([
    [{ promoters: 45, detractors: 20 }, '45,20'],
    [{ promoters: 0.7, detractors: 0.4 }, '0.7,0.4'],
    [{ promoters: -0.1, detractors: 0.2 }, '-0.1,0.2'],
    [{ promoters: 0.6 }, '0.6,0.5'],
  ])('refuses shares %j with a RangeError naming them', (options, shown) => {
    expect(() => sampleSize(5, options)).toThrow(RangeError)
    expect(() => sampleSize(5, options)).toThrow(`invalid promoters, detractors: ${shown}`)
  })

  it('refuses a level outside (0, 1)', () => {
    expect(() => sampleSize(5, { level: 1 })).toThrow('invalid level: 1')
  })
})
