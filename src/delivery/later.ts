import type { Store } from '../adapters/storage'
import { parseQueue, upsert, type Payload } from '../core/queue'
import { whenIdle } from '../lib/whenIdle'
import type { EventContext } from '../core/event'
import type { SurveyOptions, SurveyResponse } from '../types'
import type { Delivery } from './index'
import type { Moment } from './signals'

/** Delivery as a survey holds it: the code arrives after the first paint, the responses never wait. */
export interface LaterDelivery {
  /** Loads delivery once `first` (a survey on its way to the screen) has settled and the browser is idle. */
  start(first: () => Promise<unknown> | undefined): void
  /** Stores the response (or event) at once, and hands it to delivery (loading it now if it is not there yet). */
  enqueue(payload: Payload): void
  /**
   * A moment of a showing, for the collector (`shown`, `dismissed`) and the page's analytics: handed
   * to the delivery chunk (see ./signals.ts), loaded for it if need be. The caller checks consent.
   */
  tell(moment: Moment, about: EventContext, response?: SurveyResponse): void
  destroy(): void
}

/**
 * Delivery (./index.ts) as a chunk of its own: a survey shows without it, so it is fetched when the
 * browser is idle after the question's first paint, or at once for a response. Until it arrives a
 * response is written to the stored queue here, as delivery itself writes it: a page left in that
 * moment loses nothing, and delivery (on this page or the next) sends it. Without an endpoint or
 * `send` there is nothing to deliver, and nothing is loaded or stored.
 *
 * @example
 * const delivery = laterDelivery(options, store, report)
 * delivery.start(() => assets) // after the survey that is loading
 * delivery.enqueue(response)
 */
export function laterDelivery(o: SurveyOptions, store: Store, onError: (error: unknown) => void): LaterDelivery {
  let code: Promise<typeof import('./index')> | undefined
  let loading: Promise<Delivery | undefined> | undefined
  let loaded: Delivery | undefined
  let destroyed = false
  // One import for delivery and the moments, in the order they were asked for; a failed one is tried again.
  const chunk = () => (code ??= import('./index').catch((error: unknown) => ((code = undefined), Promise.reject(error))))
  const load = (): Promise<Delivery | undefined> | undefined =>
    !(o.endpoint || o.send) || destroyed
      ? undefined
      : (loading ??= chunk().then(
          ({ createDelivery }) => {
            if (destroyed) return undefined
            // What earlier pages left queued goes out now, and from here on each response as it comes.
            loaded = createDelivery({ ...o, store, onError } as Parameters<typeof createDelivery>[0])
            void loaded.flush()
            return loaded
          },
          (error: unknown) => {
            // The next response tries again; what it stored here waits in storage meanwhile.
            loading = undefined
            onError(error)
            return undefined
          },
        ))
  const enqueue = (payload: Payload): void => {
    if (loaded) return loaded.enqueue(payload)
    const loading = load()
    if (!loading) return
    store.set('queue', JSON.stringify(upsert(parseQueue(store.get('queue'), Date.now()), payload)))
    void loading.then((d) => d?.enqueue(payload))
  }
  return {
    start(first) {
      const later = () => whenIdle(() => void load())
      // A microtask first: the trigger that starts a survey's loading runs in the same task as this.
      void Promise.resolve().then(first).then(later, later)
    },
    enqueue,
    tell(...args) {
      const run = () => void chunk().then((m) => m.signal(o, enqueue, onError, ...args), onError)
      // `shown` comes in the task that paints the question: the chunk is fetched after that paint.
      if (!destroyed && (o.endpoint || o.send || o.dataLayer || o.onEvent)) code ? run() : whenIdle(run)
    },
    destroy() {
      destroyed = true
      loaded?.destroy()
    },
  }
}
