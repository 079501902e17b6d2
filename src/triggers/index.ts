import { watchAlwaysOn } from './alwaysOn'
import { guarded } from './guard'
import { watchSpecs } from './specs'
import type { TriggerFire, TriggerPoint } from './types'

export type { TriggerDetail, TriggerFire, TriggerPoint, TriggerSpec } from './types'
export { watchAlwaysOn } from './alwaysOn'
export { watchSpecs } from './specs'

/**
 * Watches every trigger spec of every journey point, plus two that are always on:
 * a click on `[data-npskit-trigger="<journey point>"]` (with an optional
 * `data-npskit-dedupe-key`), and `window.dispatchEvent(new CustomEvent('npskit:trigger',
 * { detail: { journeyPoint, dedupeKey?, metadata? } }))`.
 *
 * `fire` may be called before this returns, for `dataLayer` entries pushed before. A `url`
 * fires in the task after the page (or the SPA's new path) is reached. Nothing here throws into the page: a bad selector, a
 * broken `npskit:trigger` detail and an exception from `fire` go to `onError`.
 *
 * @returns a disposer that removes every listener and timer and puts back what was patched
 * (history methods, `dataLayer.push`) where it is still ours.
 * @example
 * const stop = watchTriggers(
 *   { 'checkout-complete': { on: [{ url: '/checkout/*\/done' }, { dataLayer: 'purchase' }] } },
 *   (journeyPoint, detail) => survey.trigger(journeyPoint, detail),
 *   console.error,
 * )
 */
export function watchTriggers(
  points: Readonly<Record<string, TriggerPoint>>,
  fire: TriggerFire,
  onError: (error: Error) => void,
  win: Window = window,
): () => void {
  const offs: (() => void)[] = []
  const start = guarded(onError)
  start(() => offs.push(watchAlwaysOn(fire, onError, win)))()
  start(() => offs.push(watchSpecs(points, fire, onError, win)))()
  return () => offs.splice(0).forEach((off) => off())
}
