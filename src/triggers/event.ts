import { listen } from './listen'

/** Calls `handler` with the detail of every event `name` dispatched on `window`. */
export function onEvent(win: Window, name: string, handler: (detail: unknown) => void): () => void {
  return listen(win, name, (event) => handler((event as CustomEvent).detail))
}
