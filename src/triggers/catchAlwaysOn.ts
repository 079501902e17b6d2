import { listen } from './listen'

/**
 * Listens for the always-on triggers without reading them: calls `caught` with a clicked
 * `[data-npskit-trigger]` element, or with the detail of an `npskit:trigger` event on `win`.
 * {@link alwaysOnTrigger} reads what was caught. Small on purpose: the script tag's first stage
 * starts it on every page, and hands it to the engine.
 *
 * @returns a disposer removing both listeners.
 * @example
 * const stop = catchAlwaysOn((element, detail) => console.log(alwaysOnTrigger(element, detail)))
 */
export function catchAlwaysOn(caught: (element?: Element, detail?: unknown) => void, win: Window = window): () => void {
  const offs = [
    listen(
      win.document,
      'click',
      (event) => {
        const element = (event.target as Element | null)?.closest?.('[data-npskit-trigger]')
        if (element) caught(element)
      },
      true,
    ),
    listen(win, 'npskit:trigger', (event) => caught(undefined, (event as CustomEvent).detail)),
  ]
  return () => offs.map((off) => off())
}
