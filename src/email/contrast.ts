// WCAG 2 relative luminance and contrast, for the digits on the accent colour.

/** `#rgb` or `#rrggbb`, any case, to `#rrggbb` in lower case; undefined for anything else. */
export function normalHex(value: string): string | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)
  if (!m) return undefined
  const hex = m[1]!.toLowerCase()
  return '#' + (hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex)
}

const channel = (byte: number): number => {
  const c = byte / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16))) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * White or black, whichever contrasts more with the background. One of the two always reaches at
 * least 4.58:1 (the worst background is a mid grey of luminance √0.0525 − 0.05), so any accent gets
 * digits that pass WCAG AA for normal text.
 *
 * @example
 * textOn('#2456c9') // → '#ffffff'
 * textOn('#ffd400') // → '#000000'
 */
export const textOn = (background: string): string =>
  contrast(background, '#ffffff') >= contrast(background, '#000000') ? '#ffffff' : '#000000'
