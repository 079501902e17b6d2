import { luminance, reach, textOn, type Rgb } from '../core/contrast'

// Any CSS colour as the browser resolved it (named, hsl(), oklch(), color-mix(), light-dark()…)
// as sRGB channels and alpha. Most come back as rgb() or rgba() and are read as they are; any other
// syntax by painting one pixel rather than parsing it (a canvas costs a millisecond or more to
// create, on the way to the first paint). Undefined where stylesheets cannot be adopted (jsdom,
// very old engines): nothing is adjusted.
function reader(doc: Document): ((el: Element, property: 'backgroundColor' | 'accentColor') => Rgb & { 3: number }) | undefined {
  let ctx: CanvasRenderingContext2D | null | undefined
  return 'adoptedStyleSheets' in doc
    ? (el, property) => {
        const value = getComputedStyle(el)[property]
        const rgb = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(value)
        // An array: a typed array's map() would clamp the luminance maths to integers.
        if (rgb) return [+rgb[1]!, +rgb[2]!, +rgb[3]!, Math.round(255 * +(rgb[4] ?? 1))] as unknown as never
        ctx ??= doc.createElement('canvas').getContext('2d', { willReadFrequently: true })
        if (!ctx) return [0, 0, 0, 0] as unknown as never
        ctx.clearRect(0, 0, 1, 1)
        ctx.fillStyle = value
        ctx.fillRect(0, 0, 1, 1)
        return [...ctx.getImageData(0, 0, 1, 1).data] as unknown as never
      }
    : undefined
}

/**
 * The theme that matches the page: `'dark'` when its background (the body's, else the root's) is
 * dark, `'light'` otherwise, a transparent page included (the browser's canvas is white).
 */
export function pageTheme(doc: Document): 'light' | 'dark' {
  const read = reader(doc)
  for (const el of [doc.body, doc.documentElement]) {
    const c = read?.(el, 'backgroundColor')
    if (c?.[3]) return luminance(c) < 0.18 ? 'dark' : 'light'
  }
  return 'light'
}

/**
 * Declarations that keep the accent readable whatever colour a shop chose, read back as rendered
 * (options, custom properties and theme all count): the accent (selected score, focus ring,
 * buttons) keeps 3:1 on the card, moved towards black or white just enough where it does not,
 * and the text on it is white or black, whichever reaches 4.5:1.
 */
export function readable(root: Element, card: Element): string {
  const read = reader(root.ownerDocument)
  if (!read) return ''
  const accent = reach(read(root, 'accentColor'), read(card, 'backgroundColor'), 3)
  return `.root{--_accent:rgb(${accent.join()});--_on-accent:rgb(${textOn(accent).join()})}`
}
