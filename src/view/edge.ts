/**
 * How far a bar must stay from its edge of the viewport not to cover the page's own fixed or
 * sticky header (top) or footer (bottom): the extent of such elements found along that edge, in
 * px. Elements taller than a third of the viewport (a sticky sidebar) do not count.
 */
export function edgeOffset(doc: Document, top: boolean): number {
  const win = doc.defaultView!
  const h = win.innerHeight
  let offset = 0
  for (const hit of doc.elementsFromPoint?.(win.innerWidth / 2, top ? 0 : h - 1) ?? []) {
    for (let el: Element | null = hit; el; el = el.parentElement) {
      const { top: from, bottom: to } = el.getBoundingClientRect()
      if (/fixed|sticky/.test(win.getComputedStyle(el).position) && to - from < h / 3) offset = Math.max(offset, top ? to : h - from)
    }
  }
  return Math.round(offset)
}
