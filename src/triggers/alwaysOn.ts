import { onClick } from './click'
import { detailOf } from './detail'
import { onEvent } from './event'
import { guarded } from './guard'
import type { TriggerFire } from './types'

/**
 * The triggers that need no configuration: a click on `[data-npskit-trigger="<journey point>"]`
 * (with an optional `data-npskit-dedupe-key`), and `window.dispatchEvent(new CustomEvent(
 * 'npskit:trigger', { detail: { journeyPoint, dedupeKey?, metadata? } }))`. Two listeners, and
 * small: a script-tag loader can start these at once and load {@link watchSpecs} only when
 * some journey point declares `on`.
 *
 * @returns a disposer removing both listeners.
 */
export function watchAlwaysOn(fire: TriggerFire, onError: (error: Error) => void, win: Window = window): () => void {
  const guard = guarded(onError)
  const offClick = onClick(
    win,
    '[data-npskit-trigger]',
    guard((el: Element) => {
      const name = el.getAttribute('data-npskit-trigger')
      if (name) fire(name, detailOf(el.getAttribute('data-npskit-dedupe-key')))
    }),
  )
  const offEvent = onEvent(
    win,
    'npskit:trigger',
    guard((d) => {
      const { journeyPoint, dedupeKey, metadata } = (d ?? {}) as { journeyPoint?: unknown; dedupeKey?: unknown; metadata?: unknown }
      if (typeof journeyPoint != 'string' || !journeyPoint) throw new TypeError('npskit:trigger needs detail.journeyPoint')
      fire(journeyPoint, detailOf(dedupeKey, metadata))
    }),
  )
  return () => {
    offClick()
    offEvent()
  }
}
