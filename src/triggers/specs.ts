import { onClick } from './click'
import { onDataLayer } from './dataLayer'
import { detailOf } from './detail'
import { onEvent } from './event'
import { onExitIntent } from './exitIntent'
import { guarded, stopAll } from './guard'
import { watchNavigation } from './navigation'
import { onScrollDepth } from './scroll'
import { afterDelay } from './time'
import type { TriggerDetail, TriggerFire, TriggerPoint, TriggerSpec } from './types'
import { urlMatcher } from './url'

/**
 * Watches the declared trigger specs of every journey point (see {@link TriggerSpec}).
 * Every spec is armed while the page's path matches its `url`, and re-armed when the path
 * changes: a page is its path, so an SPA that rewrites the query (filters, tracking) or the
 * fragment does not restart timers or fire again. Single-page-app navigation is followed only
 * when some spec exists.
 *
 * @returns a disposer removing every listener and timer, and putting back what was patched
 * where it is still ours.
 */
export function watchSpecs(
  points: Readonly<Record<string, TriggerPoint>>,
  fire: TriggerFire,
  onError: (error: Error) => void,
  win: Window = window,
): () => void {
  const guard = guarded(onError)
  // What to undo: dataLayer and navigation for good, `armed` on each new page.
  const offs: unknown[] = []
  const armed: unknown[] = []
  const specs: [test: (l: Location) => boolean, arm: () => unknown[]][] = []
  let page: string | undefined

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
              ? // Arrival fires in the next task, so the SPA's router renders the page first and
                // a redirect straight on (replaceState in the same task) disarms it.
                [url !== undefined && afterDelay(0, hit)]
              : [
                  click !== undefined && onClick(win, click, (el) => hit(detailOf(el.getAttribute('data-npskit-dedupe-key')))),
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

  const navigate = guard(() => {
    const here = win.location.pathname
    if (here === page) return
    page = here
    stopAll(armed)
    for (const [test, arm] of specs) if (test(win.location)) guard(() => armed.push(...arm()))()
  })
  if (specs.length) {
    guard(() => offs.push(watchNavigation(win, navigate)))()
    navigate()
  }

  return () => {
    stopAll(offs)
    stopAll(armed)
  }
}
