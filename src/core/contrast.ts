// WCAG 2.2 relative luminance and contrast, on sRGB channels 0–255. Pure: the view reads the
// colours the browser resolved (any CSS colour a shop passes) and asks these what to show.

/** An sRGB colour as three channels 0–255. */
export type Rgb = readonly [number, number, number]

/**
 * Relative luminance, 0 (black) to 1 (white), as WCAG defines it.
 *
 * @example
 * luminance([255, 255, 255]) // → 1
 */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as unknown as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/**
 * The contrast ratio of two colours, 1 to 21.
 *
 * @example
 * contrast([255, 255, 255], [0, 0, 0]) // → 21
 */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a) + 0.05, luminance(b) + 0.05]
  return Math.max(x / y, y / x)
}

/**
 * `colour`, or the nearest step from it towards black or white (whichever lies away from
 * `background`) that reaches `ratio` against `background`: a brand colour too pale for a light
 * card darkens, one too dark for a dark card lightens, by as little as needed (in steps of 5 %).
 *
 * @example
 * reach([255, 235, 59], [255, 255, 255], 3) // → a darker yellow with 3:1 on white
 */
export function reach(colour: Rgb, background: Rgb, ratio: number): Rgb {
  const target = luminance(background) > 0.18 ? 0 : 255
  let c = colour
  for (let i = 1; contrast(c, background) < ratio && i <= 20; i++) c = colour.map((v) => Math.round(v + (target - v) * i / 20)) as unknown as Rgb
  return c
}

/**
 * The text colour for a filled `colour`: white where white reaches 4.5:1 on it, black otherwise
 * (one of the two always does: at worst 4.58:1).
 *
 * @example
 * textOn([255, 235, 59]) // → [0, 0, 0]
 */
export const textOn = (colour: Rgb): Rgb => (contrast(colour, [255, 255, 255]) >= 4.5 ? [255, 255, 255] : [0, 0, 0])
