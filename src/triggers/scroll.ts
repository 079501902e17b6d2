import { listen } from './listen'

/**
 * Calls `fire` once, the first time the bottom of the viewport reaches `depth` (0..1) of the
 * page's height while the visitor scrolls. A page too short to scroll never fires: nothing
 * was scrolled, and a page still loading its content would otherwise fire at once.
 */
export function onScrollDepth(win: Window, depth: number, fire: () => void): () => void {
  let done = false
  return listen(win, 'scroll', () => {
    // scrollingElement: in quirks mode the page's height is the body's.
    const root = win.document.scrollingElement ?? win.document.documentElement
    if (!done && (win.scrollY + win.innerHeight) / root.scrollHeight >= depth) {
      done = true
      fire()
    }
  })
}
