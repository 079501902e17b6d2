import type { BrowserContext, Page } from 'playwright-core'

/** A request the browser made, as Playwright saw it: every fetch, beacon, XHR, script, image, font… */
export interface RecordedRequest {
  readonly url: string
  readonly method: string
  /** Playwright's resource type: 'document', 'script', 'fetch', 'xhr', 'ping' (sendBeacon), 'image', … */
  readonly type: string
  /** The page's URL when it was made. */
  readonly page: string
}

/** A call a script in the page made to a storage or network API. */
export interface RecordedCall {
  /** 'localStorage' | 'sessionStorage' | 'cookie' | 'indexedDB' | 'fetch' | 'sendBeacon' | 'xhr' | 'WebSocket' | 'EventSource' */
  readonly api: string
  /** 'open' (the storage object was touched), 'getItem', 'setItem', 'removeItem', 'clear', 'key', 'length', 'set' (cookie), 'deleteDatabase', 'send', or an HTTP method. */
  readonly op: string
  /** The storage key, the cookie's name or the database's name. */
  readonly key?: string
  /** The URL a network call went to. */
  readonly url?: string
  /** The scripts on the call stack, innermost first (deduplicated), to tell npskit's calls from the page's. */
  readonly from: readonly string[]
  /** The page's URL when it was made. */
  readonly page: string
}

export interface Recorder {
  /** Everything so far, across navigations and every page of the context, in order. */
  readonly requests: readonly RecordedRequest[]
  readonly calls: readonly RecordedCall[]
  /** The calls made with a script matching `script` on the stack, e.g. `/npskit/`. */
  callsFrom(script: RegExp): RecordedCall[]
  /** Forgets everything recorded so far (e.g. after the page has loaded). */
  clear(): void
}

/** What a page holds in its storage right now. */
export interface StorageContents {
  readonly localStorage: Record<string, string>
  readonly sessionStorage: Record<string, string>
  readonly cookie: string
  readonly indexedDB: string[]
}

/**
 * Records every network request and every storage or network API call of a page (or of all
 * pages of a browser context), from the first script on: call it before `page.goto`.
 *
 * Requests come from Playwright (`request` events), so nothing escapes, whichever API made it.
 * Calls come from wrappers installed by an init script before any page script runs:
 * `Storage.prototype` methods and `length`, any access to `window.localStorage` /
 * `window.sessionStorage` (so property-style use such as `localStorage.x = 1` shows as
 * 'open'), the `document.cookie` setter, `indexedDB.open` / `deleteDatabase`, `fetch`,
 * `navigator.sendBeacon`, `XMLHttpRequest`, `WebSocket` and `EventSource`. Each call carries
 * the script URLs on its stack, so a test can ask for npskit's calls alone.
 *
 * @example
 * const recorder = await recordActivity(page)
 * await page.goto(url)
 * expect(recorder.callsFrom(/npskit/)).toEqual([])
 */
export async function recordActivity(target: Page | BrowserContext): Promise<Recorder> {
  const requests: RecordedRequest[] = []
  const calls: RecordedCall[] = []
  const pageOf = (request: { frame(): { url(): string } }) => {
    try {
      return request.frame().url()
    } catch {
      return '' // a service worker's request has no frame
    }
  }
  target.on('request', (request) => {
    requests.push({ url: request.url(), method: request.method(), type: request.resourceType(), page: pageOf(request) })
  })
  await target.exposeBinding('__npskitRecord', (_source, call: RecordedCall) => {
    calls.push(call)
  })
  await target.addInitScript(installWrappers)
  return {
    requests,
    calls,
    callsFrom: (script) => calls.filter((c) => c.from.some((url) => script.test(url))),
    clear() {
      requests.length = 0
      calls.length = 0
    },
  }
}

/**
 * What the page's storage holds. Its reads go through the wrappers too, but from a script
 * without a URL: they show in `calls` with an empty `from`, never in `callsFrom(…)`.
 */
export function storageContents(page: Page): Promise<StorageContents> {
  return page.evaluate(async () => {
    const dump = (s: Storage) => {
      const out: Record<string, string> = {}
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i)!
        out[key] = s.getItem(key)!
      }
      return out
    }
    const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : []
    return { localStorage: dump(localStorage), sessionStorage: dump(sessionStorage), cookie: document.cookie, indexedDB: dbs.map((d) => d.name ?? '') }
  })
}

// Runs in the page before any of its scripts (serialised by Playwright: self-contained).
function installWrappers(): void {
  type Binding = (call: unknown) => void
  const w = window as unknown as Record<string, unknown> & Window & typeof globalThis
  if (w.__npskitRecorderInstalled) return
  Object.defineProperty(w, '__npskitRecorderInstalled', { value: true })
  const record = (api: string, op: string, extra: { key?: string; url?: string } = {}) => {
    const from: string[] = []
    for (const match of (new Error().stack ?? '').matchAll(/(?:https?|file|blob|data):[^\s)]+?(?=:\d+:\d+)/g)) {
      if (!from.includes(match[0])) from.push(match[0])
    }
    const call = { api, op, ...extra, from, page: location.href }
    try {
      ;(w.__npskitRecord as Binding | undefined)?.(call)
    } catch {
      // The binding is gone while the page unloads: nothing to record into.
    }
  }
  const wrapMethod = (proto: object, name: string, describe: (self: unknown, args: unknown[]) => [string, string, { key?: string; url?: string }?]) => {
    const original = (proto as Record<string, unknown>)[name]
    if (typeof original !== 'function') return
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        const [api, op, extra] = describe(this, args)
        record(api, op, extra)
        return (original as (...a: unknown[]) => unknown).apply(this, args)
      },
    })
  }

  // Storage. Which one a call is on is found by identity, taken once before the page runs.
  let local: Storage | undefined
  let session: Storage | undefined
  try {
    local = w.localStorage
    session = w.sessionStorage
  } catch {
    // Storage is blocked here (sandboxed frame): every access throws, which is fine to leave.
  }
  const which = (s: unknown) => (s === local ? 'localStorage' : s === session ? 'sessionStorage' : 'Storage')
  for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
    wrapMethod(Storage.prototype, name, (self, args) => [which(self), name, name === 'clear' || name === 'key' ? {} : { key: String(args[0]) }])
  }
  const length = Object.getOwnPropertyDescriptor(Storage.prototype, 'length')
  if (length?.get) {
    const get = length.get
    Object.defineProperty(Storage.prototype, 'length', {
      ...length,
      get(this: Storage) {
        record(which(this), 'length')
        return get.call(this)
      },
    })
  }
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    let owner: object | null = w
    while (owner && !Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner)
    const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name)
    if (!owner || !descriptor?.get || !descriptor.configurable) continue
    const get = descriptor.get
    Object.defineProperty(owner, name, {
      ...descriptor,
      get(this: Window) {
        record(name, 'open')
        return get.call(this)
      },
    })
  }

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')
  if (cookie?.set) {
    const set = cookie.set
    Object.defineProperty(Document.prototype, 'cookie', {
      ...cookie,
      set(this: Document, value: string) {
        record('cookie', 'set', { key: String(value).split('=')[0]!.trim() })
        set.call(this, value)
      },
    })
  }
  wrapMethod(IDBFactory.prototype, 'open', (_, args) => ['indexedDB', 'open', { key: String(args[0]) }])
  wrapMethod(IDBFactory.prototype, 'deleteDatabase', (_, args) => ['indexedDB', 'deleteDatabase', { key: String(args[0]) }])

  // Network.
  const urlOf = (x: unknown) => {
    try {
      return new URL(x instanceof Request ? x.url : String(x), location.href).href
    } catch {
      return String(x)
    }
  }
  const fetch = w.fetch
  w.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    record('fetch', (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(), { url: urlOf(input) })
    return fetch.call(this, input, init)
  }
  wrapMethod(Navigator.prototype, 'sendBeacon', (_, args) => ['sendBeacon', 'POST', { url: urlOf(args[0]) }])
  wrapMethod(XMLHttpRequest.prototype, 'open', (_, args) => ['xhr', String(args[0]).toUpperCase(), { url: urlOf(args[1]) }])
  wrapMethod(XMLHttpRequest.prototype, 'send', () => ['xhr', 'send'])
  for (const name of ['WebSocket', 'EventSource'] as const) {
    const Original = w[name] as unknown as new (...args: unknown[]) => object
    if (typeof Original !== 'function') continue
    const Wrapped = new Proxy(Original, {
      construct(target, args, newTarget) {
        record(name, 'open', { url: urlOf(args[0]) })
        return Reflect.construct(target, args, newTarget)
      },
    })
    Object.defineProperty(w, name, { configurable: true, writable: true, value: Wrapped })
  }
}
