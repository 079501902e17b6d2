import { detailOf } from './detail'
import type { TriggerDetail } from './types'

interface Entry {
  readonly event?: unknown
  readonly dedupeKey?: unknown
  readonly metadata?: unknown
  readonly ecommerce?: { readonly transaction_id?: unknown }
  readonly 0?: unknown
  readonly 1?: unknown
  readonly 2?: { readonly transaction_id?: unknown }
}

/**
 * Calls `fire` for every Google Tag Manager style entry `{ event: name }` in `window.dataLayer`:
 * at once for those already there (pushed before npskit loaded), later ones as they are pushed. gtag.js commands (`gtag('event', name, { … })`) count too. A GA4 purchase's
 * `transaction_id` (or an entry's own `dedupeKey`) becomes the dedupe key, so the same order
 * is never asked about twice; an entry's `metadata` is passed on.
 *
 * `dataLayer` is created when absent, as GTM's snippet does. `push` is wrapped, and put back by
 * the disposer only if it is still ours (GTM replaces it when it loads after us; then ours, in
 * its chain, goes quiet). A page that assigns a new array to `window.dataLayer` is not followed.
 */
export function onDataLayer(win: Window, name: string, fire: (detail?: TriggerDetail) => void): () => void {
  const layer = ((win as Window & { dataLayer?: Entry[] }).dataLayer ??= [])
  const original = layer.push
  let live = true
  const check = (entry: Entry | null | undefined) => {
    if (live && entry)
      if (entry.event === name) fire(detailOf(entry.dedupeKey ?? entry.ecommerce?.transaction_id, entry.metadata))
      else if (entry[0] === 'event' && entry[1] === name) fire(detailOf(entry[2]?.transaction_id))
  }
  const ours = function (this: Entry[], ...entries: Entry[]) {
    const length = original.apply(this, entries)
    entries.forEach(check)
    return length
  }
  layer.slice().forEach(check)
  layer.push = ours
  return () => {
    live = false
    if (layer.push === ours) layer.push = original
  }
}
