/** Adds a listener and returns the function that removes exactly it (same capture flag). */
export function listen(target: EventTarget, type: string, handler: (event: Event) => void, capture?: boolean): () => void {
  target.addEventListener(type, handler, capture)
  return () => target.removeEventListener(type, handler, capture)
}
