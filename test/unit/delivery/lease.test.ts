import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStore, type StorageAdapter } from '../../../src/adapters/storage'
import { createDelivery, type Delivery } from '../../../src/delivery/index'
import { dropLease, takeLease } from '../../../src/delivery/lease'
import type { SurveyResponse } from '../../../src/types'
import { response, T0 } from './helpers'

function memory(): StorageAdapter & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) }
}

describe('takeLease / dropLease', () => {
  it('is taken when free, refused while another holds it, taken again once it expired', () => {
    const store = createStore(memory(), '')
    expect(takeLease(store, 'a', 1000, 500)).toBe(true)
    expect(store.get('lease')).toBe('a 1500')
    expect(takeLease(store, 'b', 1499, 500)).toBe(false)
    expect(takeLease(store, 'a', 1499, 500)).toBe(true) // renewed by its holder
    expect(takeLease(store, 'b', 2000, 500)).toBe(true)
    expect(store.get('lease')).toBe('b 2500')
  })

  it('is taken by force by the holder of the Web Lock', () => {
    const store = createStore(memory(), '')
    takeLease(store, 'a', 0, 1000)
    expect(takeLease(store, 'b', 10, 1000, true)).toBe(true)
  })

  it('treats garbage as free', () => {
    for (const garbage of ['', 'x', ' ', 'a b c', '{"owner":"z"}', 'z NaN']) {
      const storage = memory()
      storage.data.set('lease', garbage)
      expect(takeLease(createStore(storage, ''), 'a', 0, 1000)).toBe(true)
    }
  })

  it('is not held when storage does not keep what was written', () => {
    const lying: StorageAdapter = { getItem: () => 'someone 99999999999999', setItem: () => {}, removeItem: () => {} }
    expect(takeLease(createStore(lying, ''), 'a', 0, 1000, true)).toBe(false)
  })

  it('is only given back by its holder', () => {
    const store = createStore(memory(), '')
    takeLease(store, 'a', 0, 1000)
    dropLease(store, 'b')
    expect(store.get('lease')).toBe('a 1000')
    dropLease(store, 'a')
    expect(store.get('lease')).toBeNull()
  })
})

describe('one flusher across tabs', () => {
  const sent: string[] = []
  let pending: (() => void)[] = []

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 })
    sent.length = 0
    pending = []
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      const r = JSON.parse(init.body as string) as SurveyResponse
      sent.push(`${r.id}:${r.complete}`)
      return new Promise((resolve) => pending.push(() => resolve(new Response(null, { status: 200 }))))
    })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  const answerAll = async () => {
    for (let i = 0; i < 100 && pending.length; i++) {
      pending.shift()!()
      await vi.advanceTimersByTimeAsync(0)
    }
  }

  const tabs = (storage: StorageAdapter, n: number): Delivery[] =>
    Array.from({ length: n }, () =>
      createDelivery({ endpoint: '/r', store: createStore(storage, 'npskit:'), onError: () => {}, now: () => Date.now(), random: Math.random }),
    )

  it('with a storage lease: tabs sharing a queue send each response once', async () => {
    const storage = memory()
    const [a, b] = tabs(storage, 2)
    for (let i = 0; i < 5; i++) {
      a!.enqueue(response('a' + i))
      b!.enqueue(response('b' + i))
    }
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(1)
    await answerAll()
    await vi.advanceTimersByTimeAsync(5000)
    await answerAll()
    expect(sent.sort()).toEqual([...Array.from({ length: 5 }, (_, i) => `a${i}:false`), ...Array.from({ length: 5 }, (_, i) => `b${i}:false`)].sort())
    expect(storage.data.get('npskit:queue')).toBeUndefined()
    expect(storage.data.get('npskit:lease')).toBeUndefined()
  })

  it('with Web Locks: only the lock holder sends; the other looks again later', async () => {
    let held = false
    const requests: string[] = []
    vi.stubGlobal('navigator', {
      locks: {
        request: async (name: string, options: { ifAvailable?: boolean }, callback: (lock: object | null) => Promise<unknown> | unknown) => {
          requests.push(name + (options.ifAvailable ? ' ifAvailable' : ''))
          if (held) return callback(null)
          held = true
          try {
            return await callback({ name })
          } finally {
            held = false
          }
        },
      },
    })
    const storage = memory()
    const [a, b] = tabs(storage, 2)
    a!.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    b!.enqueue(response('b'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual(['a:false'])
    expect(requests.every((r) => r === 'npskit:queue ifAvailable')).toBe(true)
    // A page-exit flush of the tab without the lock sends nothing: the holder's lease says it is busy.
    await answerAll()
    await vi.advanceTimersByTimeAsync(5000)
    await answerAll()
    expect(sent.sort()).toEqual(['a:false', 'b:false'])
  })

  it('the page-exit flush of a tab stays out while another tab holds the lease', async () => {
    const listeners: ((e: Event) => void)[] = []
    vi.stubGlobal('addEventListener', (type: string, l: (e: Event) => void) => type === 'pagehide' && listeners.push(l))
    const storage = memory()
    const [a, b] = tabs(storage, 2)
    a!.enqueue(response('a'))
    b!.enqueue(response('b'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual(['a:false'])
    listeners[1]!(new Event('pagehide')) // b leaves while a is flushing
    expect(sent).toEqual(['a:false'])
    listeners[0]!(new Event('pagehide')) // a, the holder, leaves: the rest goes now
    expect(sent).toEqual(['a:false', 'b:false'])
  })

  it('a page only hidden gives the lease back once its exit flush is answered', async () => {
    const listeners: ((e: Event) => void)[] = []
    vi.stubGlobal('addEventListener', (type: string, l: (e: Event) => void) => type === 'pagehide' && listeners.push(l))
    const storage = memory()
    const [a] = tabs(storage, 1)
    storage.data.set('npskit:queue', JSON.stringify([response('x')]))
    listeners[0]!(new Event('pagehide'))
    expect(sent).toEqual(['x:false'])
    expect(storage.data.get('npskit:lease')).toBeDefined()
    await answerAll()
    expect(storage.data.get('npskit:lease')).toBeUndefined()
    expect(storage.data.get('npskit:queue')).toBeUndefined()
    a!.destroy()
  })

  it('mends what a tab with a stale copy of the queue wrote over', async () => {
    const storage = memory()
    const [a, b] = tabs(storage, 2)
    const stale = (queue: SurveyResponse[]) => storage.data.set('npskit:queue', JSON.stringify(queue))
    // The collector is slow: a holds the lease while b's responses are queued.
    a!.enqueue(response('a'))
    await vi.advanceTimersByTimeAsync(0)
    b!.enqueue(response('b'))
    b!.enqueue(response('b', T0 + 1000, true))
    stale([response('a'), response('b')]) // a's renderer had not yet seen b's comment
    await answerAll()
    await vi.advanceTimersByTimeAsync(5000)
    await answerAll()
    expect(sent).toContain('b:true')
    // …and a stale copy that still holds delivered responses does not send them again.
    const before = sent.length
    stale([response('a'), response('b', T0 + 1000, true)])
    await a!.flush()
    await b!.flush()
    await answerAll()
    expect(sent.length).toBe(before)
    expect(storage.data.get('npskit:queue')).toBeUndefined()
  })
})

