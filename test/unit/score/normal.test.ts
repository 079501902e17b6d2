import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { criticalZ, upperTail } from '../../../src/score/normal'

// The internal normal distribution that confidenceInterval, compare and sampleSize rely on.
// Reference values: R's qnorm / pnorm(lower.tail = FALSE), i.e. published tables to 16 digits.

const close = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected))

describe('upperTail (Q(x) = 1 − Φ(x))', () => {
  it.each([
    [0, 0.5],
    [0.5, 0.3085375387259869],
    [1, 0.15865525393145707],
    [1.959963984540054, 0.025],
    [2, 0.022750131948179195],
    [3, 0.0013498980316300946],
    [4, 3.1671241833119857e-5],
    [5, 2.866515718791939e-7],
    [8, 6.22096057427178e-16],
    [10, 7.61985302416047e-24],
    [20, 2.7536241186062337e-89],
  ])('Q(%d) = %d', (x, q) => {
    close(upperTail(x), q, 1e-12)
  })

  it('is 1 − Q(−x) for negative x', () => {
    close(upperTail(-1), 1 - 0.15865525393145707, 1e-14)
    close(upperTail(-2.5), 1 - 0.0062096653257761323, 1e-14)
  })

  it('reaches 0 only at infinity and is NaN for NaN', () => {
    expect(upperTail(38)).toBeGreaterThan(0)
    expect(upperTail(Infinity)).toBe(0)
    expect(upperTail(NaN)).toBeNaN()
  })

  it('never increases', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 30, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (x, dx) => {
        // Below 0 the value is 1 minus a tail, so allow rounding at 1e-15.
        expect(upperTail(x + dx)).toBeLessThanOrEqual(upperTail(x) + 1e-15)
      }),
    )
  })
})

describe('criticalZ (the two-sided z of a level: Φ⁻¹((1 + level) / 2))', () => {
  it.each([
    [0.9, 1.6448536269514722],
    [0.95, 1.959963984540054],
    [0.99, 2.5758293035489004],
    [0.5, 0.6744897501960817],
    [0.8, 1.2815515655446004],
    [0.999, 3.2905267314918945],
  ])('is %d for level %d', (level, z) => {
    close(criticalZ(level), z, 1e-9)
  })

  it('reaches extreme quantiles: Φ⁻¹(1e-10) = −6.361340902404056', () => {
    // 1 − 2e-10 is not exact in doubles: the level that is stored means q = (1 − level) / 2
    // (exact), about 1e-10 · (1 + 5e-8), so compare through Q rather than with the table value.
    const level = 1 - 2e-10
    const q = (1 - level) / 2
    close(upperTail(criticalZ(level)), q, 1e-12)
    expect(Math.abs(criticalZ(level) - 6.361340902404056)).toBeLessThan(1e-7)
  })

  it('inverts Q to 1e-9 (relative) for tail probabilities from 0.5 down to 1e-16 (the smallest a level below 1 allows)', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: -0.7, noNaN: true }), (lnq) => {
        const level = 1 - 2 * Math.exp(lnq)
        const q = (1 - level) / 2 // exactly the q that criticalZ works with
        const z = criticalZ(level)
        // Q is steep in the tail: compare in z, where 1e-9 means 1e-9.
        const back = upperTail(z)
        expect(Math.abs(back - q) / q / Math.max(1, z)).toBeLessThan(1e-9)
      }),
      { numRuns: 2000 },
    )
  })

  it('Φ(Φ⁻¹(p)) ≈ p across many levels', () => {
    for (let level = 0.001; level < 1; level += 0.001) {
      const z = criticalZ(level)
      expect(Math.abs(1 - 2 * upperTail(z) - level)).toBeLessThan(1e-12)
    }
  })

  it('is close to 0 for a level close to 0 and large for a level close to 1', () => {
    expect(criticalZ(1e-12)).toBeLessThan(1e-11)
    // The largest level below 1: q = 2⁻⁵³ ≈ 1.1e-16, z ≈ 8.2095
    const z = criticalZ(1 - 2 ** -52)
    close(upperTail(z), 2 ** -53, 1e-12)
    expect(z).toBeCloseTo(8.2095, 4)
  })

  it.each([0, 1, -0.5, 1.5, 95, NaN])('refuses level %d with a RangeError naming level', (level) => {
    expect(() => criticalZ(level)).toThrow(RangeError)
    expect(() => criticalZ(level)).toThrow(`npskit/score: invalid level: ${level}`)
  })
})
