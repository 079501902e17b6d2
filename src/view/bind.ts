import { effect } from './signal'
import { render, type ComponentChild, type ContainerNode } from 'preact'

/**
 * The whole Preact adapter the widget needs (like preactjs/signals keeps its core apart from
 * its adapters): renders `view()` into `parent`, and again, synchronously, whenever a signal it
 * read changes. The survey is a few dozen nodes, so re-rendering all of it is cheaper than
 * `@preact/signals`' per-component bookkeeping (3 kB minified, plus preact/hooks it needs).
 * Returns the function that stops it.
 *
 * @example
 * const count = signal(0)
 * const stop = renderSignals(() => <p>{count.value}</p>, root)
 * count.value++ // the paragraph now says 1
 */
export function renderSignals(view: () => ComponentChild, parent: ContainerNode): () => void {
  return effect(() => {
    render(view(), parent)
  })
}
