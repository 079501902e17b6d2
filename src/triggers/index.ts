import { onClick } from './click'
import { onDataLayer } from './dataLayer'
import { detailOf } from './detail'
import { onEvent } from './event'
import { onExitIntent } from './exitIntent'
import { watchNavigation } from './navigation'
import { onScrollDepth } from './scroll'
import { afterDelay } from './time'
import { urlMatcher } from './url'

/**
 * When a journey point is reached, declared without code. A spec is one moment, optionally
 * limited to pages: `url` alone fires on arriving at a matching page; with one of the other
 * fields, that moment counts only on matching pages. `afterMs`, `scrollDepth` and `exitIntent`
 * are measured per page, and start again when a single-page app navigates to another path.
 * List several specs for "any of these".
 */
export interface TriggerSpec {
  /** A path pattern with `*` wildcards (the whole URL when it has a scheme), or a RegExp. */
  readonly url?: string | RegExp
  /** A click on (or inside) an element matching this CSS selector. */
  readonly click?: string
  /** A DOM event of this name on `window`; its `detail` may carry `{ dedupeKey, metadata }`. */
  readonly event?: string
  /** A Google Tag Manager style `dataLayer.push({ event: '<this>', … })`, earlier ones included. */
  readonly dataLayer?: string
  /** This many milliseconds on the page. */
  readonly afterMs?: number
  /** This share of the page (0..1) scrolled into view. */
  readonly scrollDepth?: number
  /** The mouse leaving through the top edge, on devices with a mouse. */
  readonly exitIntent?: boolean
}

/** What a trigger may carry to the survey. */
export interface TriggerDetail {
  readonly dedupeKey?: string
  readonly metadata?: Readonly<Record<string, string | number | boolean>>
}

/** Told that the customer has reached a journey point. */
export interface TriggerFire {
  (journeyPoint: string, detail?: { dedupeKey?: string; metadata?: Record<string, string | number | boolean> }): void
}

/** The part of a journey point the triggers read. */
export interface TriggerPoint {
  readonly on?: TriggerSpec | readonly TriggerSpec[] | undefined
}

/**
 * Watches every trigger spec of every journey point, plus two that are always on:
 * a click on `[data-npskit-trigger="<journey point>"]` (with an optional
 * `data-npskit-dedupe-key`), and `window.dispatchEvent(new CustomEvent('npskit:trigger',
 * { detail: { journeyPoint, dedupeKey?, metadata? } }))`.
 *
 * `fire` may be called before this returns: for a `url` that matches the page already, and for
 * `dataLayer` entries pushed before. Nothing here throws into the page: a bad selector, a
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
  const guard =
    <A extends unknown[]>(f: (...args: A) => unknown) =>
    (...args: A) => {
      try {
        f(...args)
      } catch (error) {
        // Not instanceof: an error from another realm (an iframe's window, a DOMException) is an Error too.
        onError(typeof (error as Error | null)?.message == 'string' ? (error as Error) : new Error(String(error)))
      }
    }
  // What to undo: the always-on listeners and navigation for good, `armed` on each new page.
  const offs: unknown[] = []
  let armed: unknown[] = []
  const specs: [test: (l: Location) => boolean, arm: () => unknown[]][] = []
  let page: string | undefined
  const keyOf = (el: Element) => detailOf(el.getAttribute('data-npskit-dedupe-key'))
  const stop = (list: unknown[]) => list.forEach((off) => typeof off == 'function' && off())

  guard(() => {
    offs.push(
      onClick(
        win,
        '[data-npskit-trigger]',
        guard((el: Element) => {
          const name = el.getAttribute('data-npskit-trigger')
          if (name) fire(name, keyOf(el))
        }),
      ),
      onEvent(
        win,
        'npskit:trigger',
        guard((d) => {
          const { journeyPoint, dedupeKey, metadata } = (d ?? {}) as { journeyPoint?: unknown; dedupeKey?: unknown; metadata?: unknown }
          if (typeof journeyPoint != 'string' || !journeyPoint) throw new TypeError('npskit:trigger needs detail.journeyPoint')
          fire(journeyPoint, detailOf(dedupeKey, metadata))
        }),
      ),
    )
  })()

  for (const name of Object.keys(points)) {
    for (const spec of ([] as TriggerSpec[]).concat(points[name]?.on ?? [])) {
      const hit = guard((detail?: TriggerDetail) => fire(name, detail))
      const { url, click, event, dataLayer, afterMs, scrollDepth, exitIntent } = spec
      const test = urlMatcher(url)
      guard(() => {
        // A bad selector is reported once, here, and its spec left out.
        if (click !== undefined) win.document.createDocumentFragment().querySelector(click)
        // dataLayer is followed for good, checking the page at each entry: wrapping push
        // again on every page would pile up wrappers under GTM's, which never unwraps.
        if (dataLayer !== undefined) offs.push(onDataLayer(win, dataLayer, (detail) => test(win.location) && hit(detail)))
        specs.push([
          test,
          () =>
            (click ?? event ?? dataLayer ?? afterMs ?? scrollDepth ?? (exitIntent || undefined)) === undefined
              ? [url !== undefined && hit()]
              : [
                  click !== undefined && onClick(win, click, (el) => hit(keyOf(el))),
                  event !== undefined &&
                    onEvent(win, event, (d) => hit(detailOf((d as TriggerDetail | null)?.dedupeKey, (d as TriggerDetail | null)?.metadata))),
                  afterMs !== undefined && afterDelay(afterMs, hit),
                  scrollDepth !== undefined && onScrollDepth(win, scrollDepth, hit),
                  exitIntent && onExitIntent(win, hit),
                ],
        ])
      })()
    }
  }

  // Every spec is armed while the page's path matches its url, and re-armed when the path
  // changes: a page is its path, so an SPA that rewrites the query (filters, tracking) or the
  // fragment does not restart timers or fire again.
  const navigate = guard(() => {
    const here = win.location.pathname
    if (here === page) return
    page = here
    stop(armed.splice(0))
    for (const [test, arm] of specs) if (test(win.location)) guard(() => armed.push(...arm()))()
  })
  if (specs.length) {
    guard(() => offs.push(watchNavigation(win, navigate)))()
    navigate()
  }

  return () => {
    stop(offs.splice(0))
    stop(armed.splice(0))
  }
}
