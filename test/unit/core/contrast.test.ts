import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contrast, luminance, reach, textOn, type Rgb } from '../../../src/core/contrast'

const rgb = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })) as fc.Arbitrary<Rgb>

describe('luminance and contrast', () => {
  it('follow WCAG: white 1, black 0, 21:1 between them, #767676 on white just 4.5:1', () => {
    expect(luminance([255, 255, 255])).toBe(1)
    expect(luminance([0, 0, 0])).toBe(0)
    expect(contrast([255, 255, 255], [0, 0, 0])).toBe(21)
    expect(contrast([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2)
    expect(contrast([0x2456c9 >> 16, 0x56, 0xc9], [255, 255, 255])).toBeCloseTo(contrast([255, 255, 255], [0x24, 0x56, 0xc9]))
  })
})

describe('textOn', () => {
  it('always gives text of at least 4.5:1 on any colour', () => {
    fc.assert(fc.property(rgb, (c) => contrast(textOn(c), c) >= 4.5))
  })
  it('is white on navy and pure red, black on pale yellow and near-white', () => {
    expect(textOn([0, 0, 128])).toEqual([255, 255, 255])
    expect(textOn([255, 0, 0])).toEqual([0, 0, 0]) // white on #f00 is only 4.0:1
    expect(textOn([255, 245, 157])).toEqual([0, 0, 0])
    expect(textOn([250, 250, 250])).toEqual([0, 0, 0])
  })
})

describe('reach', () => {
  it('leaves a colour that already has the contrast alone', () => {
    expect(reach([0, 0, 128], [255, 255, 255], 3)).toEqual([0, 0, 128])
  })
  it('darkens on light backgrounds and lightens on dark ones until 3:1 holds, for any pair', () => {
    fc.assert(
      fc.property(rgb, rgb, (c, bg) => {
        const out = reach(c, bg, 3)
        // Against a mid grey neither black nor white may reach 3:1; otherwise it always holds.
        return contrast(out, bg) >= 3 || Math.max(contrast([0, 0, 0], bg), contrast([255, 255, 255], bg)) < 3.2
      }),
    )
  })
  it('moves a pale yellow on white only as far as needed', () => {
    const out = reach([255, 245, 157], [255, 255, 255], 3)
    expect(contrast(out, [255, 255, 255])).toBeGreaterThanOrEqual(3)
    expect(contrast(out, [255, 255, 255])).toBeLessThan(3.6)
  })
})
