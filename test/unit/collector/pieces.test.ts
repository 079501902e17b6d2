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
  it('counts every instant of the period once and nothing else, with slots aligned to their span and at most two pieces of a span', () => {
    fc.assert(
      fc.property(instant, instant, spanLists, (a, b, spans) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const list = pieces(from, to, spans)
        for (const piece of list) {
          expect(piece.to).toBeGreaterThan(piece.from)
          expect([1, -1]).toContain(piece.sign)
          if (piece.span > 0) {
            expect(spans).toContain(piece.span)
            expect(piece.from % (piece.span * MINUTE)).toBe(0)
            expect(piece.to % (piece.span * MINUTE)).toBe(0)
          }
        }
        // Between two consecutive boundaries of any piece, the signs add up to 1 inside the period, 0 outside.
        const edges = [...new Set([from, to, ...list.flatMap((p) => [p.from, p.to])])].sort((x, y) => x - y)
        for (let n = 0; n + 1 < edges.length; n++) {
          const at = edges[n]!
          const covered = list.reduce((sum, p) => sum + (p.from <= at && at < p.to ? p.sign : 0), 0)
          expect(covered).toBe(from <= at && at < to ? 1 : 0)
        }
        for (const span of [0, ...spans]) expect(list.filter((p) => p.span === span).length).toBeLessThanOrEqual(2)
      }),
    )
  })

  it('reads most of a slot as the slot less the rest: 22 hours before a midnight are the day less 2 hours', () => {
    const from = Date.parse('2026-03-01T22:00:00Z')
    const to = Date.parse('2026-03-08T22:00:00Z')
    expect(pieces(from, to, [15, 60, 1440])).toEqual([
      { span: 60, from, to: Date.parse('2026-03-02T00:00:00Z'), sign: 1 },
      { span: 1440, from: Date.parse('2026-03-02T00:00:00Z'), to: Date.parse('2026-03-09T00:00:00Z'), sign: 1 },
      { span: 60, from: to, to: Date.parse('2026-03-09T00:00:00Z'), sign: -1 },
    ])
  })

  it('reads the longest slots in the middle: a 90-day period is a dozen weeks, a few days, hours and minutes', () => {
    const from = Date.parse('2026-09-07T10:05:00Z')
    const list = pieces(from, from + 90 * 864e5, [15, 60, 1440, 10080])
    // 10:05 to midnight is most of a day: the day less its first ten hours and five minutes.
    expect(list.map((p) => [p.span, p.sign])).toEqual([[60, -1], [0, -1], [1440, 1], [10080, 1], [1440, 1], [60, 1], [0, 1]])
    expect(list.find((p) => p.span === 10080)).toEqual({ span: 10080, from: Date.parse('2026-09-10T00:00:00Z'), to: Date.parse('2026-12-03T00:00:00Z'), sign: 1 })
  })

  it('leaves a period shorter than a quarter hour to the responses', () => {
    const from = Date.parse('2026-03-01T10:05:00Z')
    expect(pieces(from, from + 5 * MINUTE, [15, 60, 1440])).toEqual([{ span: 0, from, to: from + 5 * MINUTE, sign: 1 }])
    expect(pieces(from, from, [15])).toEqual([])
  })
})
