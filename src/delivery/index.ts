import type { Store } from '../adapters/storage'
import { keyOf, parseQueue, QUEUE_LIMITS, upsert, type Payload } from '../core/queue'
import { classify, nextDelay, parseRetryAfter, shouldGiveUp, type RetryPolicy } from '../core/retry'
import { dropLease, takeLease } from './lease'
import { beacon, post, within, xhr, type Attempt, type Target } from './transport'

// In the same chunk: the events and analytics of a showing (the engine's `tell`, delivery/later.ts).
export { signal } from './signals'

export interface DeliveryOptions {
  /** An `http(s)` URL, absolute or same-origin relative (validated by the caller). */
  readonly endpoint?: string
  /** A custom transport instead of `fetch`: resolving acknowledges the response, rejecting retries it. */
  send?(payload: Payload): Promise<void>
  readonly headers?: Readonly<Record<string, string>>
  /** [`'omit'`]: no cookies unless asked for. */
  readonly credentials?: RequestCredentials
  /** Reshapes the body: it is `JSON.stringify(transform(response))`. */
  transform?(payload: Payload): unknown
  /** Where the queue (key `queue`), the versions already delivered (`done`) and the flusher's lease (`lease`) are kept. */
  readonly store: Store
  /** A dropped response (4xx), a page load that gave up retrying one (it stays queued), a full queue. */
  readonly onError: (error: Error) => void
  readonly now?: () => number
  readonly random?: () => number
  /** Backoff and attempts per page load (see `core/retry.ts`) [1 s doubling to 60 s, 6 attempts]. */
  readonly retry?: RetryPolicy
  /** An attempt not answered within this long is aborted and counts as a network error [20 000]. */
  readonly timeoutMs?: number
}

export interface Delivery {
  /** Persist first, then try to send. Called twice per response (complete false, then true) with the same id; once per event. */
  enqueue(payload: Payload): void
  /** Try to send what is queued (e.g. on load once consent is granted, on `online`). Resolves when this attempt round ends. */
  flush(): Promise<void>
  /** Removes listeners and timers. Queued items stay in storage for the next page. */
  destroy(): void
}

// The fetch spec's limit on the bodies of all keepalive requests in flight from one page.
const KEEPALIVE_BYTES = 65536

/**
 * Delivers responses at least once, in practice exactly once: each is persisted before it
 * is sent and deleted only after a 2xx, one flusher across tabs (Web Locks, else a lease in
 * storage), retries with backoff by `core/retry.ts`, and a last keepalive/beacon flush when
 * the page is hidden or left. Never throws; every failure ends as an `onError` or a retry.
 */
export function createDelivery(options: DeliveryOptions): Delivery {
  const { store, send, transform = (r: Payload) => r, now = Date.now, random = Math.random, retry = {} } = options
  const target: Target = {
    url: options.endpoint ?? '',
    headers: options.headers,
    credentials: options.credentials ?? 'omit',
    timeoutMs: options.timeoutMs ?? 20_000,
  }
  const me = random().toString(36).slice(2)
  const ttl = target.timeoutMs + 5000
  // Exact versions on the wire (JSON): never sent twice at once, but a newer version of the same id may go.
  const inflight = new Set<string>()
  const mine = new Map<string, Payload>()
  const tries = new Map<string, number>()
  let keptBytes = 0
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let again = false
  let locked = false
  let dead = false
  // Set once the page-exit flush ran, until the page is visible again: pagehide and
  // visibilitychange both fire on the way out, and the second must not send again.
  let left = false

  const write = (queue: Payload[]) => (queue.length ? store.set('queue', JSON.stringify(queue)) : store.remove('queue'))
  /**
   * The queue as storage has it, mended. Tabs share it but each tab's renderer caches
   * localStorage, so a tab can write over another's fresh change with a stale copy. Two
   * things undo that: `done` (best effort, in storage) names versions already delivered,
   * which are never sent again; and what this instance enqueued (`mine`) and has not
   * seen delivered is put back if a stale write took it out.
   */
  const read = () => {
    const done = store.get('done') ?? ''
    const stored = parseQueue(store.get('queue'), now())
    let queue = stored.filter((r) => !done.includes(keyOf(r)))
    let mended = queue.length < stored.length
    for (const r of mine.values()) {
      if (done.includes(keyOf(r))) mine.delete(r.id)
      else if (!queue.some((q) => keyOf(q) === keyOf(r))) (queue = upsert(queue, r)), (mended = true)
    }
    if (mended) write(queue)
    return queue
  }
  const fail = (message: string) => {
    try {
      options.onError(new Error('npskit: ' + message))
    } catch {
      // The page's handler is not ours to crash on.
    }
  }
  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = dead ? undefined : setTimeout(() => ((timer = undefined), void flush()), ms)
  }

  /** One attempt at one response; resolves with the wait before retrying, if one is due. */
  const deliver = async (response: Payload, exit?: boolean): Promise<number | void> => {
    const key = keyOf(response)
    let bytes = 0
    inflight.add(key)
    const [status, retryAfter] = await within(target.timeoutMs, (signal): PromiseLike<Attempt> => {
      if (send) return send(response).then(() => [200])
      const body = JSON.stringify(transform(response))
      bytes = new Blob([body]).size
      // Keepalive whenever it fits, so that leaving the page never cancels a request on the wire.
      const keep = keptBytes + bytes <= KEEPALIVE_BYTES
      if (!keep && exit) return beacon(target, body)
      keptBytes += keep ? bytes : (bytes = 0)
      return post(target, body, keep, signal, exit ? beacon : xhr)
    })
    keptBytes -= bytes
    inflight.delete(key)
    const outcome = classify(status)
    if (outcome === 'retry') {
      const n = (tries.get(response.id) ?? 0) + 1
      tries.set(response.id, n)
      if (!shouldGiveUp(n, retry)) return nextDelay(failures++, { ...retry, retryAfterMs: parseRetryAfter(retryAfter, now()) }, random)
      return fail(`delivery failed ${n} times (${status}); the next page retries`)
    }
    // Named in `done` first, so that `read` drops it from the queue and no stale copy brings it back.
    store.set('done', (key + ' ' + (store.get('done') ?? '')).slice(0, 8000))
    read()
    tries.delete(response.id)
    // An event refused names itself: a collector older than events (issue #19) refuses each of them.
    if (outcome === 'drop') fail(`the collector refused ${'type' in response ? 'an event' : 'a response'} with ${status}`)
    else failures = 0
  }

  const claim = () => takeLease(store, me, now(), ttl, locked)

  /** Sends queued responses one by one while they succeed; a retry ends the round with a timer. */
  const round = async () => {
    for (;;) {
      const next = read().find((r) => !inflight.has(keyOf(r)) && !shouldGiveUp(tries.get(r.id) ?? 0, retry))
      if (!next || dead || !claim()) return
      const wait = await deliver(next)
      if (wait !== undefined) return schedule(wait)
    }
  }

  /** Runs a round if no other tab or instance is flushing; otherwise looks again shortly. */
  const exclusive = async () => {
    // Nothing queued: no lock and no lease written, so a page with nothing to send stores nothing.
    if (!read().length) return
    const busy = () => schedule(1000 + random() * 1000)
    const inside = async () => {
      try {
        await round()
      } finally {
        locked = false
        dropLease(store, me)
      }
    }
    try {
      const locks = navigator.locks
      if (locks?.request) {
        return await locks.request('npskit:queue', { ifAvailable: true }, (lock) => (lock ? ((locked = true), inside()) : busy()))
      }
    } catch {
      // No navigator (Node), or locks refused (opaque origins): the lease alone.
    }
    return claim() ? inside() : busy()
  }

  const flush = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    clearTimeout(timer)
    timer = undefined
    return (running = exclusive().then(() => {
      running = undefined
      if (again && !timer && !dead) {
        again = false
        return flush()
      }
      again = false
    }))
  }

  /** Hidden or leaving: everything queued goes now, keepalive within budget, then by beacon. */
  const exit = (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return void (left = false)
    if (left || !claim()) return
    left = true
    const sent = read()
      .filter((r) => !inflight.has(keyOf(r)))
      .map((r) => deliver(r, true).then((wait) => wait !== undefined && schedule(wait)))
    // If the page lives on (only hidden), the other tabs may flush again once these are answered.
    void Promise.all(sent).then(() => locked || dropLease(store, me))
  }
  const online = () => {
    tries.clear()
    failures = 0
    void flush()
  }

  // No unload/beforeunload listeners: they keep pages out of the back-forward cache.
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    const g = globalThis as Partial<typeof globalThis>
    g[method]?.('pagehide', exit)
    g[method]?.('online', online)
    g.document?.[method]('visibilitychange', exit)
  }
  listen('addEventListener')

  return {
    enqueue(response) {
      const queue = read()
      if (queue.length >= QUEUE_LIMITS.items && !queue.some((r) => r.id === response.id)) fail('the delivery queue is full: dropped its oldest response')
      mine.set(response.id, response)
      tries.delete(response.id) // a new version gets its own attempts
      write(upsert(queue, response))
      if (!timer) void flush()
    },
    flush,
    destroy() {
      dead = true
      clearTimeout(timer)
      listen('removeEventListener')
    },
  }
}
