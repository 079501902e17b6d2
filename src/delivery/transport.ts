/** What one attempt came to: an HTTP status, a network error (timeouts included), and `Retry-After`. */
export type Attempt = [status: number | 'network-error', retryAfter?: string | null]

/** How to reach the collector. */
export interface Target {
  readonly url: string
  readonly headers: Readonly<Record<string, string>> | undefined
  readonly credentials: RequestCredentials
  readonly timeoutMs: number
}

const FAILED: Attempt = ['network-error']

/**
 * Settles with `attempt`'s result or, after `ms`, with a network error (aborting `signal`),
 * so a collector that never answers, or a transport that never settles, can't hold the queue.
 * Never rejects: a throw or a rejection is a network error too.
 */
export function within(ms: number, attempt: (signal: AbortSignal) => PromiseLike<Attempt> | Attempt): Promise<Attempt> {
  const abort = new AbortController()
  return new Promise((done) => {
    const timer = setTimeout(() => {
      abort.abort()
      done(FAILED)
    }, ms)
    new Promise<Attempt>((r) => r(attempt(abort.signal))).then(done, () => done(FAILED)).finally(() => clearTimeout(timer))
  })
}

/**
 * POSTs one body with `fetch`, looked up at each call so a polyfill or wrapper the page
 * installs later is used. Plain text, so a cross-origin collector needs no preflight
 * unless `headers` ask for one. When `fetch` is missing, throws, or resolves to something
 * that is not a response (a host page that broke it), `fallback` sends it instead.
 */
export function post(target: Target, body: string, keepalive: boolean, signal: AbortSignal, fallback: typeof xhr): Promise<Attempt> {
  let pending: Promise<Response> | undefined
  try {
    pending = fetch(target.url, {
      method: 'POST',
      body,
      keepalive,
      credentials: target.credentials,
      ...(target.headers && { headers: target.headers }),
      signal,
    })
  } catch {
    // A broken fetch: the fallback below.
  }
  return pending?.then
    ? pending.then((r) => (typeof r?.status === 'number' ? [r.status, r.headers?.get('retry-after')] : fallback(target, body)))
    : fallback(target, body)
}

/** The same POST by XMLHttpRequest, for pages whose `fetch` is broken. */
export function xhr(target: Target, body: string): Promise<Attempt> {
  return new Promise((done) => {
    const x = new XMLHttpRequest()
    x.open('POST', target.url)
    x.withCredentials = target.credentials === 'include'
    for (const name in target.headers) x.setRequestHeader(name, target.headers[name]!)
    x.onloadend = () => done(x.status ? [x.status, x.getResponseHeader('retry-after')] : FAILED)
    x.send(body)
  })
}

/**
 * On page exit, where an XMLHttpRequest would die with the page: hands the body to
 * `sendBeacon` (a string body goes as `text/plain`, so no preflight). Whether it arrives
 * is never known, so the response stays queued: settles as a network error.
 */
export function beacon(target: Target, body: string): Promise<Attempt> {
  try {
    navigator.sendBeacon(target.url, body)
  } catch {
    // Nothing more to try on the way out; the next page load retries.
  }
  return Promise.resolve(FAILED)
}
