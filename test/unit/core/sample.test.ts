import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inSample } from '../../../src/core/sample'

const seeds = (n: number) => fc.sample(fc.uuid(), { numRuns: n, seed: 42 })
const share = (ids: readonly string[], keep: (id: string) => boolean) => ids.filter(keep).length / ids.length

describe('inSample', () => {
  it('gives the same answer for the same inputs, every time (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), (seed, survey, rate) => {
        expect(inSample(seed, survey, rate)).toBe(inSample(seed, survey, rate))
      }),
    )
  })

  it('keeps everybody at 1 and nobody at 0, NaN or below', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (seed, survey) => {
        expect(inSample(seed, survey, 1)).toBe(true)
        expect(inSample(seed, survey, 2)).toBe(true)
        expect(inSample(seed, survey, 0)).toBe(false)
        expect(inSample(seed, survey, -1)).toBe(false)
        expect(inSample(seed, survey, Number.NaN)).toBe(false)
      }),
    )
  })

  it('keeps more visitors as the rate grows (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, survey, a, b) => {
        if (inSample(seed, survey, Math.min(a, b))) expect(inSample(seed, survey, Math.max(a, b))).toBe(true)
      }),
    )
  })

  const ids = seeds(10_000)
  const sequential = Array.from({ length: 10_000 }, (_, i) => `visitor-${i}`)

  it.each([0.01, 0.1, 0.25, 0.5, 0.9])('keeps about %s of random visitor ids', (rate) => {
    expect(Math.abs(share(ids, (id) => inSample(id, 'post-purchase', rate)) - rate)).toBeLessThan(0.025)
  })

  it.each([0.01, 0.1, 0.5])('keeps about %s of sequential visitor ids', (rate) => {
    expect(Math.abs(share(sequential, (id) => inSample(id, 'nps', rate)) - rate)).toBeLessThan(0.025)
  })

  it('samples each survey independently, not the same unlucky visitors', () => {
    const both = share(ids, (id) => inSample(id, 'survey-a', 0.1) && inSample(id, 'survey-b', 0.1))
    expect(Math.abs(both - 0.01)).toBeLessThan(0.01)
  })
})
