import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStore, type StorageAdapter } from '../../../src/adapters/storage'
import { parseQueue } from '../../../src/core/queue'
import { createDelivery, type DeliveryOptions } from '../../../src/delivery/index'
import type { SurveyResponse } from '../../../src/types'
import { response, T0 } from './helpers'

type Reply = Promise<Response>
interface Call {
  url: string
  init: RequestInit
  body: SurveyResponse
}

const reply = (status: number, headers: Record<string, string> = {}): Reply => Promise.resolve(new Response(null, { status, headers }))
const never = (): Reply => new Promise(() => {})

function memory(): StorageAdapter & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) }
}

/** A delivery with a fake fetch answering with `answer` (200 by default), fake timers and captured listeners. */
function setup(options: Partial<DeliveryOptions> = {}, storage = memory()) {
  const calls: Call[] = []
  const errors: string[] = []
  const state = { answer: (_call: Call): Reply => reply(200) }
  const fetch = vi.fn((url: string, init: RequestInit) => {
    const call = { url, init, body: JSON.parse(init.body as string) as SurveyResponse }
    calls.push(call)
    return state.answer(call)
  })
  vi.stubGlobal('fetch', fetch)
  const delivery = createDelivery({
    endpoint: 'https://collector.example/responses',
    store: createStore(storage, 'npskit:'),
    onError: (e) => errors.push(e.message),
    now: () => Date.now(),
    random: () => 0.5,
    ...options,
  })
  const queued = () => parseQueue(storage.data.get('npskit:queue') ?? null, Date.now()) as SurveyResponse[]
  return { delivery, calls, errors, state, fetch, storage, queued, phases: () => calls.map((c) => `${c.body.id}:${c.body.complete}`) }
}

const listeners = new Map<string, Set<(e: Event) => void>>()
const fire = (type: string) => {
  for (const l of listeners.get(type) ?? []) l(new Event(type))
}
const target = {
  addEventListener: (type: string, l: (e: Event) => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
  removeEventListener: (type: string, l: (e: Event) => void) => void listeners.get(type)?.delete(l),
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
  listeners.clear()
  vi.stubGlobal('addEventListener', target.addEventListener)
  vi.stubGlobal('removeEventListener', target.removeEventListener)
  vi.stubGlobal('document', { visibilityState: 'hidden', ...target })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createDelivery: send and acknowledge', () => {
  it('persists before sending and deletes after a 2xx', async () => {
    const t = setup()
    let queuedWhenSent: SurveyResponse[] = []
    t.state.answer = () => ((queuedWhenSent = t.queued()), reply(204))
    t.delivery.enqueue(response('a'))
    expect(t.queued().map((r) => r.id)).toEqual(['a'])
    await vi.advanceTimersByTimeAsync(0)
    expect(queuedWhenSent.map((r) => r.id)).toEqual(['a'])
    expect(t.queued()).toEqual([])
    expect(t.storage.data.has('npskit:queue')).toBe(false)
    expect(t.errors).toEqual([])
  })

  it('posts JSON as text/plain with credentials omitted, keepalive and no cookies', async () => {
    const t = setup()
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    const { url, init } = t.calls[0]!
    expect(url).toBe('https://collector.example/responses')
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', keepalive: true })
    expect(init.headers).toBeUndefined()
    expect(typeof init.body).toBe('string')
    expect(new Request(url, init).headers.get('content-type')).toBe('text/plain;charset=UTF-8')
  })

  it('applies headers, credentials and transform', async () => {
    const t = setup({ headers: { 'x-api-key': 'k' }, credentials: 'include', transform: (r) => ({ data: { id: r.id } }) })
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.calls[0]!.init).toMatchObject({ credentials: 'include', headers: { 'x-api-key': 'k' }, body: '{"data":{"id":"a"}}' })
    expect(t.queued()).toEqual([])
  })

  it('sends several queued responses one after another', async () => {
    const t = setup()
    for (const id of ['a', 'b', 'c']) t.delivery.enqueue(response(id))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.phases()).toEqual(['a:false', 'b:false', 'c:false'])
    expect(t.queued()).toEqual([])
  })
})

describe('createDelivery: complete replaces incomplete', () => {
  it('sends the complete version after the incomplete one on the wire, never the other way round', async () => {
    const t = setup()
    let release!: () => void
    t.state.answer = (c) => (c.body.complete ? reply(200) : new Promise((r) => (release = () => r(new Response(null, { status: 200 })))))
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    t.delivery.enqueue(response('a', T0 + 3000, true))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.phases()).toEqual(['a:false'])
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(t.phases()).toEqual(['a:false', 'a:true'])
    expect(t.queued()).toEqual([])
  })

  it('sends only the complete version when both were queued while the collector was down', async () => {
    const t = setup()
    t.state.answer = () => Promise.reject(new TypeError('Failed to fetch'))
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    t.delivery.enqueue(response('a', T0 + 3000, true))
    expect(t.queued().map((r) => r.complete)).toEqual([true])
    t.state.answer = () => reply(200)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.phases()).toEqual(['a:false', 'a:true'])
    expect(t.queued()).toEqual([])
  })
})

describe('createDelivery: retries', () => {
  it('retries a 500 after the jittered backoff, then stops on a 200', async () => {
    const t = setup()
    const statuses = [500, 503, 200]
    t.state.answer = () => reply(statuses.shift()!)
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.calls).toHaveLength(1)
    // random 0.5 × 1000 ms, then 0.5 × 2000 ms
    await vi.advanceTimersByTimeAsync(499)
    expect(t.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(t.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(999)
    expect(t.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(t.calls).toHaveLength(3)
    expect(t.queued()).toEqual([])
    await vi.advanceTimersByTimeAsync(600_000)
    expect(t.calls).toHaveLength(3)
    expect(t.errors).toEqual([])
  })

  it('retries network errors, and an enqueue during the backoff does not cut it short', async () => {
    const t = setup()
    t.state.answer = () => Promise.reject(new TypeError('Failed to fetch'))
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    for (let i = 0; i < 20; i++) t.delivery.enqueue(response('b' + i))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.calls).toHaveLength(1)
    t.state.answer = () => reply(200)
    await vi.advanceTimersByTimeAsync(500)
    expect(t.calls).toHaveLength(22)
    expect(new Set(t.phases()).size).toBe(21)
    expect(t.queued()).toEqual([])
  })

  it('waits at least what Retry-After asks', async () => {
    const t = setup()
    const answers = [() => reply(429, { 'retry-after': '30' }), () => reply(200)]
    t.state.answer = () => answers.shift()!()
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(29_999)
    expect(t.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(501) // 30 000 + 0.5 × 1000 jitter
    expect(t.calls).toHaveLength(2)
    expect(t.queued()).toEqual([])
  })

  it('reads a Retry-After date too, and caps a huge one', async () => {
    const t = setup({ retry: { capRetryAfterMs: 10_000 } })
    const answers = [() => reply(503, { 'retry-after': new Date(T0 + 3_600_000).toUTCString() }), () => reply(200)]
    t.state.answer = () => answers.shift()!()
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(9_999)
    expect(t.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(t.calls).toHaveLength(2)
  })

  it('drops a 4xx response with an error naming the status, and goes on with the next', async () => {
    const t = setup()
    t.state.answer = (c) => reply(c.body.id === 'bad' ? 422 : 200)
    t.delivery.enqueue(response('bad'))
    t.delivery.enqueue(response('good'))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.errors).toEqual(['npskit: the collector refused a response with 422'])
    expect(t.phases()).toEqual(['bad:false', 'good:false'])
    expect(t.queued()).toEqual([])
  })

  it('delivers an event like a response, once, and names it when it is refused (a collector older than events)', async () => {
    const t = setup()
    const event = (id: string) => ({ type: 'event' as const, id, event: 'shown' as const, surveyId: 'nps', responseId: null, journeyPoint: null, channel: 'web' as const, locale: 'en', page: '', user: null, at: new Date(T0).toISOString(), sdk: { name: 'npskit' as const, version: '0.1.0' } })
    t.state.answer = (c) => reply(c.body.id === 'old-collector' ? 400 : 201)
    t.delivery.enqueue(event('e1'))
    t.delivery.enqueue(event('old-collector'))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.calls.map((c) => c.body.id)).toEqual(['e1', 'old-collector'])
    expect(t.errors).toEqual(['npskit: the collector refused an event with 400'])
    expect(t.queued()).toEqual([])
  })

  it('gives up after the bounded attempts, keeps the response for the next page, and tries again when online', async () => {
    const t = setup({ retry: { maxAttempts: 3 } })
    t.state.answer = () => reply(503)
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(t.calls).toHaveLength(3)
    expect(t.errors).toEqual(['npskit: delivery failed 3 times (503); the next page retries'])
    expect(t.queued().map((r) => r.id)).toEqual(['a'])
    t.state.answer = () => reply(200)
    fire('online')
    await vi.advanceTimersByTimeAsync(0)
    expect(t.calls).toHaveLength(4)
    expect(t.queued()).toEqual([])
  })

  it('gives a new version of a response given up on its own attempts', async () => {
    const t = setup({ retry: { maxAttempts: 2 } })
    t.state.answer = () => reply(503)
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.calls).toHaveLength(2)
    t.state.answer = () => reply(200)
    t.delivery.enqueue(response('a', T0 + 90_000, true))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.phases()).toEqual(['a:false', 'a:false', 'a:true'])
    expect(t.queued()).toEqual([])
  })

  it('the next page load delivers what an earlier one gave up on', async () => {
    const storage = memory()
    const first = setup({ retry: { maxAttempts: 1 } }, storage)
    first.state.answer = () => reply(500)
    first.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(60_000)
    first.delivery.destroy()
    const second = setup({}, storage)
    await second.delivery.flush()
    expect(second.phases()).toEqual(['a:false'])
    expect(second.queued()).toEqual([])
  })

  it('aborts an attempt that is not answered in timeoutMs and retries it', async () => {
    const t = setup({ timeoutMs: 5000 })
    const answers = [never, () => reply(200)]
    t.state.answer = () => answers.shift()!()
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(4999)
    expect(t.calls[0]!.init.signal!.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(t.calls[0]!.init.signal!.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(500)
    expect(t.calls).toHaveLength(2)
    expect(t.queued()).toEqual([])
  })
})

describe('createDelivery: hostile pages and storage', () => {
  it('says so when the full queue drops its oldest response', async () => {
    const t = setup()
    t.state.answer = never
    for (let i = 0; i < 101; i++) t.delivery.enqueue(response('r' + i))
    t.delivery.enqueue(response('r100', T0 + 1, true))
    expect(t.errors).toEqual(['npskit: the delivery queue is full: dropped its oldest response'])
    expect(t.queued()).toHaveLength(100)
    expect(t.queued()[0]!.id).toBe('r1')
  })

  it('reads past corrupt or foreign data under its key', async () => {
    const storage = memory()
    storage.data.set('npskit:queue', '{"this is":"not ours"')
    const t = setup({}, storage)
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.phases()).toEqual(['a:false'])
    storage.data.set('npskit:queue', JSON.stringify([null, 7, { id: 'b', updatedAt: new Date(T0).toISOString() }, 'x']))
    await t.delivery.flush()
    expect(t.calls.map((c) => c.body.id)).toEqual(['a', 'b'])
  })

  it('keeps the queue in memory when storage throws', async () => {
    const throwing: StorageAdapter & { data: Map<string, string> } = {
      data: new Map(),
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      },
    }
    const t = setup({}, throwing)
    t.state.answer = () => reply(503)
    t.delivery.enqueue(response('a'))
    t.delivery.enqueue(response('a', T0 + 1, true))
    await vi.advanceTimersByTimeAsync(0)
    t.state.answer = () => reply(200)
    await vi.advanceTimersByTimeAsync(1000)
    expect(t.phases()).toEqual(['a:false', 'a:true'])
    expect(t.errors).toEqual([])
  })

  it('falls back to XMLHttpRequest when the page broke fetch', async () => {
    const sent: { url: string; body: string; credentials: boolean; headers: Record<string, string> }[] = []
    class FakeXhr {
      status = 0
      url = ''
      withCredentials = false
      headers: Record<string, string> = {}
      onloadend: (() => void) | null = null
      open(_method: string, url: string) {
        this.url = url
      }
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value
      }
      getResponseHeader() {
        return null
      }
      send(body: string) {
        sent.push({ url: this.url, body, credentials: this.withCredentials, headers: this.headers })
        this.status = 201
        setTimeout(() => this.onloadend?.(), 0)
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const t = setup({ headers: { 'x-k': 'v' } })
    for (const broken of [
      () => {
        throw new Error('host fetch is broken')
      },
      () => 'not a promise',
      () => Promise.resolve({ ok: true }),
    ]) {
      vi.stubGlobal('fetch', broken)
      t.delivery.enqueue(response('r' + sent.length))
      await vi.advanceTimersByTimeAsync(0)
    }
    vi.stubGlobal('fetch', undefined)
    t.delivery.enqueue(response('r3'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((s) => (JSON.parse(s.body) as SurveyResponse).id)).toEqual(['r0', 'r1', 'r2', 'r3'])
    expect(sent[0]).toMatchObject({ url: 'https://collector.example/responses', credentials: false, headers: { 'x-k': 'v' } })
    expect(t.queued()).toEqual([])
  })

  it('survives a throwing onError handler', async () => {
    const t = setup({
      onError: () => {
        throw new Error('host bug')
      },
    })
    t.state.answer = () => reply(400)
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.queued()).toEqual([])
  })
})

describe('createDelivery: custom send', () => {
  it('a resolved promise acknowledges, a rejected one retries, and fetch is never used', async () => {
    const seen: string[] = []
    let fail = true
    const t = setup({
      send: async (r) => {
        seen.push(r.id)
        if (fail) throw new Error('offline')
      },
    })
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    fail = false
    await vi.advanceTimersByTimeAsync(500)
    expect(seen).toEqual(['a', 'a'])
    expect(t.fetch).not.toHaveBeenCalled()
    expect(t.queued()).toEqual([])
  })

  it('a send that throws synchronously or never settles is retried', async () => {
    let n = 0
    const t = setup({
      timeoutMs: 1000,
      send: (() => {
        n++
        if (n === 1) throw new Error('sync')
        if (n === 2) return new Promise(() => {})
        return Promise.resolve()
      }) as NonNullable<DeliveryOptions['send']>,
    })
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(n).toBe(3)
    expect(t.queued()).toEqual([])
  })
})

describe('createDelivery: page exit', () => {
  const big = (id: string) => response(id, T0, true, { comment: 'x'.repeat(3000) })

  it('on pagehide sends all queued with keepalive under 64 KiB in all, the rest by sendBeacon as text', async () => {
    const beacons: { url: string; body: unknown }[] = []
    vi.stubGlobal('navigator', { sendBeacon: (url: string, body: unknown) => (beacons.push({ url, body }), true) })
    const t = setup()
    t.state.answer = () => reply(503)
    t.delivery.enqueue(big('first'))
    await vi.advanceTimersByTimeAsync(0) // first attempt failed; the rest wait for the backoff
    t.state.answer = never
    for (let i = 0; i < 40; i++) t.delivery.enqueue(big('r' + i))
    const before = t.calls.length
    fire('pagehide')
    const keepalive = t.calls.slice(before)
    expect(keepalive.every((c) => c.init.keepalive)).toBe(true)
    const bytes = keepalive.reduce((sum, c) => sum + new Blob([c.init.body as string]).size, 0)
    expect(bytes).toBeLessThanOrEqual(65536)
    expect(bytes).toBeGreaterThan(65536 - 3200)
    expect(typeof beacons[0]!.body).toBe('string')
    // Every queued response went one way or the other, each once.
    const ids = [...keepalive.map((c) => c.body.id), ...beacons.map((b) => (JSON.parse(b.body as string) as SurveyResponse).id)]
    expect(ids.sort()).toEqual(['first', ...Array.from({ length: 40 }, (_, i) => 'r' + i)].sort())
    // Nothing is deleted without an acknowledgement.
    expect(t.queued()).toHaveLength(41)
  })

  it('on visibilitychange to hidden sends what waits for a retry, and handles the answers if the page lives on', async () => {
    const t = setup()
    t.state.answer = () => reply(503)
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    t.state.answer = () => reply(200)
    fire('visibilitychange')
    await vi.advanceTimersByTimeAsync(0)
    expect(t.calls).toHaveLength(2)
    expect(t.queued()).toEqual([])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.calls).toHaveLength(2)
  })

  it('does not send again what is already on the wire, but does send its newer version', async () => {
    const t = setup()
    t.state.answer = never
    t.delivery.enqueue(response('a'))
    t.delivery.enqueue(response('b'))
    await vi.advanceTimersByTimeAsync(0)
    expect(t.phases()).toEqual(['a:false'])
    t.delivery.enqueue(response('a', T0 + 1, true))
    fire('pagehide')
    expect(t.phases()).toEqual(['a:false', 'b:false', 'a:true'])
  })

  it('sends once when pagehide follows visibilitychange, and again after the page was visible', () => {
    const t = setup()
    t.state.answer = () => Promise.reject(new TypeError('aborted by unload'))
    t.delivery.enqueue(response('a'))
    t.state.answer = never
    fire('visibilitychange')
    const n = t.calls.length
    fire('pagehide')
    expect(t.calls.length).toBe(n)
    vi.stubGlobal('document', { visibilityState: 'visible', ...target })
    fire('visibilitychange')
    vi.stubGlobal('document', { visibilityState: 'hidden', ...target })
    t.delivery.enqueue(response('b'))
    fire('visibilitychange')
    expect(t.calls.length).toBeGreaterThan(n)
  })

  it('ignores visibilitychange to visible and listens to no unload events', () => {
    vi.stubGlobal('document', { visibilityState: 'visible', ...target })
    const t = setup()
    t.state.answer = never
    expect([...listeners.keys()].sort()).toEqual(['online', 'pagehide', 'visibilitychange'])
    t.delivery.enqueue(response('a'))
    const n = t.calls.length
    fire('visibilitychange')
    expect(t.calls.length).toBe(n)
  })

  it('destroy removes listeners and timers and leaves the queue in storage', async () => {
    const t = setup()
    t.state.answer = () => reply(503)
    t.delivery.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    t.delivery.destroy()
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true)
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(t.calls).toHaveLength(1)
    expect(t.queued()).toHaveLength(1)
  })
})
