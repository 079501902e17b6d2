import { contrast, luminance, reach, textOn, type Rgb } from '../core/contrast'

// Any CSS colour the browser resolved (named, hsl(), oklch(), color-mix()…) reduced to sRGB
// channels by painting one pixel, rather than parsing every colour syntax there is.
function reader(doc: Document): ((css: string) => Rgb & { 3: number }) | undefined {
  // Where stylesheets cannot be adopted (jsdom, very old engines) nothing is adjusted either.
  const ctx = 'adoptedStyleSheets' in doc ? doc.createElement('canvas').getContext('2d', { willReadFrequently: true }) : null
  return ctx ? (css) => {
    ctx.clearRect(0, 0, 1, 1)
    ctx.fillStyle = css
    ctx.fillRect(0, 0, 1, 1)
    return ctx.getImageData(0, 0, 1, 1).data as unknown as never
  } : undefined
}

const css = (c: Rgb) => `rgb(${c.join()})`

/**
 * The theme that matches the page: `'dark'` when its background (the body's, else the root's) is
 * dark, `'light'` otherwise, including a transparent page (the browser's canvas is white).
 */
export function pageTheme(doc: Document): 'light' | 'dark' {
  const read = reader(doc)
  const win = doc.defaultView!
  for (const el of [doc.body, doc.documentElement]) {
    const c = read?.(win.getComputedStyle(el).backgroundColor)
    if (c?.[3]) return luminance(c) < 0.18 ? 'dark' : 'light'
  }
  return 'light'
}

/**
 * Declarations that keep the widget readable whatever colours a shop chose: text on the accent
 * follows the accent's own luminance where the given one falls short of 4.5:1, and the accent (selected score, focus ring, buttons),
 * the borders and the muted text keep 3:1 and 4.5:1 on the card, moved towards black or white
 * just enough where they do not. Read from the rendered styles, so options, custom properties and
 * the theme all count.
 */
export function readable(root: Element, card: Element): string {
  const read = reader(root.ownerDocument)
  if (!read) return ''
  const win = root.ownerDocument.defaultView!
  const s = win.getComputedStyle(root)
  const bg = read(win.getComputedStyle(card).backgroundColor)
  const accent = reach(read(s.accentColor), bg, 3)
  // The shop's (or the theme's) text colour on the accent stays where it is readable.
  const on = read(s.outlineColor)
  return `.root{--_accent:${css(accent)};--_on-accent:${css(contrast(on, accent) < 4.5 ? textOn(accent) : on)};--_line:${css(reach(read(s.columnRuleColor), bg, 3))};--_muted:${css(reach(read(s.textDecorationColor), bg, 4.5))}}`
}
