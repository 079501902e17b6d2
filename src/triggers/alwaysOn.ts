import { catchAlwaysOn } from './catchAlwaysOn'
import { detailOf } from './detail'
import { guarded } from './guard'
import type { TriggerDetail, TriggerFire } from './types'

/**
 * What one always-on trigger asks for: the journey point and detail of a clicked
 * `[data-npskit-trigger]` element (undefined when the attribute is empty), or of the
 * `npskit:trigger` event's `detail` (a TypeError when it names no journey point).
 *
 * @example
 * alwaysOnTrigger(undefined, { journeyPoint: 'checkout-complete', dedupeKey: 'ORDER-1' })
 * // → ['checkout-complete', { dedupeKey: 'ORDER-1' }]
 */
export function alwaysOnTrigger(element: Element | undefined, detail?: unknown): [string, TriggerDetail | undefined] | undefined {
  if (element) {
    const name = element.getAttribute('data-npskit-trigger')
    return name ? [name, detailOf(element.getAttribute('data-npskit-dedupe-key'))] : undefined
  }
  const { journeyPoint, dedupeKey, metadata } = (detail ?? {}) as { journeyPoint?: unknown; dedupeKey?: unknown; metadata?: unknown }
  if (typeof journeyPoint != 'string' || !journeyPoint) throw new TypeError('npskit:trigger needs detail.journeyPoint')
  return [journeyPoint, detailOf(dedupeKey, metadata)]
}

/**
 * The triggers that need no configuration: a click on `[data-npskit-trigger="<journey point>"]`
 * (with an optional `data-npskit-dedupe-key`), and `window.dispatchEvent(new CustomEvent(
 * 'npskit:trigger', { detail: { journeyPoint, dedupeKey?, metadata? } }))`. Two listeners, and
 * small: a script-tag loader can start these at once and load {@link watchSpecs} only when
 * some journey point declares `on`. (The script tag's first stage only catches them with
 * {@link catchAlwaysOn}, and the engine reads each with {@link alwaysOnTrigger}.)
 *
 * @returns a disposer removing both listeners.
 */
export function watchAlwaysOn(fire: TriggerFire, onError: (error: Error) => void, win: Window = window): () => void {
  return catchAlwaysOn(
    guarded(onError)((element?: Element, detail?: unknown) => {
      const t = alwaysOnTrigger(element, detail)
      if (t) fire(...t)
    }),
    win,
  )
}
