import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cellColours, contrast, luminance, normalHex } from '../../../src/email/contrast'

const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => '#' + n.toString(16).padStart(6, '0'))

describe('the colours of the score cells', () => {
  it('computes WCAG contrast: 21:1 for black on white, 1:1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10)
    expect(contrast('#2456c9', '#2456c9')).toBe(1)
    expect(luminance('#ffffff')).toBeCloseTo(1, 12)
    // The widget's accent with white digits, (relative luminance 0.1125).
    expect(contrast('#2456c9', '#ffffff')).toBeCloseTo(6.46, 2)
  })

  it('gives any accent light digits on a darker tile at 4.5:1 or more, so a forced dark mode leaves both alone', () => {
    fc.assert(
      fc.property(hex, (accent) => {
        const { background, text, border } = cellColours(accent)
        expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5)
        expect(luminance(text)).toBeGreaterThan(luminance(background))
        expect(border).toBe(accent)
        // The accent is always there, as the tile or as the digits.
        expect([background, text]).toContain(accent)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps the accent as the tile where white digits read on it, and makes a light accent the digits on black', () => {
    expect(cellColours('#2456c9')).toEqual({ background: '#2456c9', text: '#ffffff', border: '#2456c9' })
    expect(cellColours('#ffd400')).toEqual({ background: '#000000', text: '#ffd400', border: '#ffd400' })
  })

  it('reads #rgb and #rrggbb in any case, nothing else', () => {
    expect(normalHex('#FD0')).toBe('#ffdd00')
    expect(normalHex('#2456C9')).toBe('#2456c9')
    for (const wrong of ['2456c9', '#2456c', '#2456c9ff', 'red', '#ggg', ' #fff']) expect(normalHex(wrong), wrong).toBeUndefined()
  })
})
