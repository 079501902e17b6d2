import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MINUTE, pieces } from '../../../src/collector/storage/pieces'

const year = [Date.parse('2025-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')] as const
const instant = fc.oneof(
  fc.integer({ min: year[0], max: year[1] }),
  // On a boundary of some span, or a millisecond off it.
  fc.tuple(fc.integer({ min: year[0] / (15 * MINUTE), max: year[1] / (15 * MINUTE) }), fc.constantFrom(0, 1, -1)).map(([q, off]) => q * 15 * MINUTE + off),
)
const spanLists = fc.constantFrom([15], [15, 1440], [15, 60, 1440, 10080], [15, 1440, 10080])

describe('pieces: a period cut into what the counts table and the responses can answer', () => {
  it('covers the period exactly once, in order, with slots aligned to their span and at most two pieces of a span', () => {
    fc.assert(
      fc.property(instant, instant, spanLists, (a, b, spans) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const list = pieces(from, to, spans)
        let at = from
        for (const piece of list) {
          expect(piece.from).toBe(at)
          expect(piece.to).toBeGreaterThan(piece.from)
          if (piece.span > 0) {
            expect(spans).toContain(piece.span)
            expect(piece.from % (piece.span * MINUTE)).toBe(0)
            expect(piece.to % (piece.span * MINUTE)).toBe(0)
          }
          at = piece.to
        }
        expect(at).toBe(to)
        for (const span of [0, ...spans]) expect(list.filter((p) => p.span === span).length).toBeLessThanOrEqual(2)
      }),
    )
  })

  it('reads the longest slots in the middle: a 90-day period is a dozen weeks, a few days, hours and quarter hours', () => {
    const from = Date.parse('2026-09-07T10:05:00Z')
    const list = pieces(from, from + 90 * 864e5, [15, 60, 1440, 10080])
    expect(list.map((p) => p.span)).toEqual([0, 15, 60, 1440, 10080, 1440, 60, 0])
    expect(list.find((p) => p.span === 10080)).toEqual({ span: 10080, from: Date.parse('2026-09-10T00:00:00Z'), to: Date.parse('2026-12-03T00:00:00Z') })
  })

  it('leaves a period shorter than a quarter hour to the responses', () => {
    const from = Date.parse('2026-03-01T10:05:00Z')
    expect(pieces(from, from + 5 * MINUTE, [15, 60, 1440])).toEqual([{ span: 0, from, to: from + 5 * MINUTE }])
    expect(pieces(from, from, [15])).toEqual([])
  })
})
