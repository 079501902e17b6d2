import { listen } from './listen'

/**
 * Calls `handler` with the element matching `selector` that a click landed in (the target or
 * an ancestor). One delegated listener on the document, in the capture phase, so elements
 * added later count and a page handler that stops propagation cannot hide the click.
 * Check the selector first: an unparseable one throws at every click.
 */
export function onClick(win: Window, selector: string, handler: (element: Element) => void): () => void {
  return listen(
    win.document,
    'click',
    (event) => {
      const element = (event.target as Element | null)?.closest?.(selector)
      if (element) handler(element)
    },
    true,
  )
}
