/**
 * How far a bar must stay from its edge of the viewport not to cover the page's own header (top)
 * or footer (bottom): the extent of the fixed elements at that edge and of the sticky ones that
 * stick to it (where they stick once scrolled, or where they are now if lower), in px. Only the first three levels under <body> are looked at
 * (where headers live), and nothing taller than a third of the viewport (a sticky sidebar).
 */
export function edgeOffset(doc: Document, top: boolean): number {
  const win = doc.defaultView!
  const h = win.innerHeight
  let offset = 0
  for (const el of doc.querySelectorAll('body>*,body>*>*,body>*>*>*')) {
    const s = win.getComputedStyle(el)
    const r = el.getBoundingClientRect()
    const stick = parseFloat(s[top ? 'top' : 'bottom'])
    const extent =
      s.position == 'fixed' ? (top ? (r.top < 1 ? r.bottom : 0) : r.bottom > h - 1 ? h - r.top : 0) : s.position == 'sticky' && stick >= 0 ? Math.max(stick + r.height, top && r.top < h / 3 ? r.bottom : 0) : 0
    if (r.height < h / 3) offset = Math.max(offset, extent)
  }
  return Math.round(offset)
}
