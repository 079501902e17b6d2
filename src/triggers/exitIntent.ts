import { listen } from './listen'

/**
 * Calls `fire` once when the mouse leaves the page through its top edge, towards the tabs
 * and the address bar: the moment a desktop visitor is about to leave. Only where the primary
 * pointer is fine (a mouse); on touch screens there is no such moment, so nothing is watched.
 */
export function onExitIntent(win: Window, fire: () => void): () => void {
  let done = false
  if (!win.matchMedia?.('(pointer: fine)').matches) return () => {}
  return listen(win.document, 'mouseout', (event) => {
    const e = event as MouseEvent
    if (!done && !e.relatedTarget && e.clientY <= 0) {
      done = true
      fire()
    }
  })
}
