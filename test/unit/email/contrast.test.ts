import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contrast, luminance, normalHex, textOn } from '../../../src/email/contrast'

const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => '#' + n.toString(16).padStart(6, '0'))

describe('the digits on the accent', () => {
  it('computes WCAG contrast: 21:1 for black on white, 1:1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10)
    expect(contrast('#2456c9', '#2456c9')).toBe(1)
    expect(luminance('#ffffff')).toBeCloseTo(1, 12)
    // The widget's accent with white digits, (relative luminance 0.1125).
    expect(contrast('#2456c9', '#ffffff')).toBeCloseTo(6.46, 2)
  })

  it('picks black or white with at least 4.5:1 on any colour', () => {
    fc.assert(
      fc.property(hex, (background) => {
        const digits = textOn(background)
        expect(['#000000', '#ffffff']).toContain(digits)
        expect(contrast(background, digits)).toBeGreaterThanOrEqual(4.5)
      }),
      { numRuns: 2000 },
    )
  })

  it('reads #rgb and #rrggbb in any case, nothing else', () => {
    expect(normalHex('#FD0')).toBe('#ffdd00')
    expect(normalHex('#2456C9')).toBe('#2456c9')
    for (const wrong of ['2456c9', '#2456c', '#2456c9ff', 'red', '#ggg', ' #fff']) expect(normalHex(wrong), wrong).toBeUndefined()
  })
})
