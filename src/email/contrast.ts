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

/** The colours of a score cell: its background, its digits and its border. */
export interface CellColours {
  readonly background: string
  readonly text: string
  readonly border: string
}

/**
 * The score cells' colours for an accent: always light digits on a dark tile, at least 4.5:1.
 *
 * White digits on the accent where they reach 4.5:1. A light accent (where white would not) cannot
 * carry dark digits: Gmail's and Outlook's apps darken an email on their own in dark mode, and they
 * turn dark text light while keeping a saturated tile as it is, which leaves light digits on a light
 * tile. So a light accent becomes the digits' colour on a black tile bordered in the accent: a light
 * colour on black always reaches 4.67:1 (white fails only on a luminance above 0.183),
 * and forced dark modes leave light text on a dark tile alone.
 *
 * @example
 * cellColours('#2456c9') // → { background: '#2456c9', text: '#ffffff', border: '#2456c9' }
 * cellColours('#ffd400') // → { background: '#000000', text: '#ffd400', border: '#ffd400' }
 */
export const cellColours = (accent: string): CellColours =>
  contrast(accent, '#ffffff') >= 4.5
    ? { background: accent, text: '#ffffff', border: accent }
    : { background: '#000000', text: accent, border: accent }
