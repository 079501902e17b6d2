import { describe, expect, it } from 'vitest'
import { createStore, type StorageAdapter } from '../../../src/adapters/storage'

function mapStorage(): StorageAdapter & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) }
}

const throwing: StorageAdapter = {
  getItem() {
    throw new Error('SecurityError')
  },
  setItem() {
    throw new Error('QuotaExceededError')
  },
  removeItem() {
    throw new Error('SecurityError')
  },
}

describe('createStore', () => {
  it('prefixes keys in the adapter', () => {
    const s = mapStorage()
    const store = createStore(s, 'p:')
    expect(store.set('a', '1')).toBe(true)
    expect(s.data.get('p:a')).toBe('1')
    expect(store.get('a')).toBe('1')
    store.remove('a')
    expect(s.data.size).toBe(0)
    expect(store.get('a')).toBeNull()
  })

  it('falls back to memory when the adapter throws, and never throws itself', () => {
    const store = createStore(throwing)
    expect(store.get('x')).toBeNull()
    expect(store.set('x', 'kept')).toBe(false)
    expect(store.get('x')).toBe('kept')
    expect(() => store.remove('x')).not.toThrow()
    expect(store.get('x')).toBeNull()
  })

  it('memory keeps values for the page only', () => {
    const a = createStore('memory')
    expect(a.set('k', 'v')).toBe(false)
    expect(a.get('k')).toBe('v')
    expect(createStore('memory').get('k')).toBeNull()
  })

  it('treats a missing localStorage (Node, workers) as memory', () => {
    const store = createStore('local')
    expect(store.set('k', 'v')).toBe(false)
    expect(store.get('k')).toBe('v')
  })

  it('a value kept in memory after a failed write wins until a write succeeds', () => {
    const s = mapStorage()
    s.data.set('npskit:q', 'old')
    let full = true
    const flaky: StorageAdapter = { ...s, setItem: (k, v) => (full ? (() => { throw new Error('full') })() : s.setItem(k, v)) }
    const store = createStore(flaky)
    expect(store.set('q', 'new')).toBe(false)
    expect(store.get('q')).toBe('new')
    full = false
    expect(store.set('q', 'newer')).toBe(true)
    expect(store.get('q')).toBe('newer')
    expect(s.data.get('npskit:q')).toBe('newer')
  })

  it('does not touch storage until first used', () => {
    let touched = 0
    const spy = new Proxy(mapStorage(), { get: (t, p, r) => (touched++, Reflect.get(t, p, r)) })
    const store = createStore(spy)
    expect(touched).toBe(0)
    store.get('a')
    expect(touched).toBeGreaterThan(0)
  })

  it('ignores non-string values from a foreign adapter', () => {
    const odd = { getItem: () => 42 as unknown as string, setItem() {}, removeItem() {} }
    expect(createStore(odd).get('a')).toBeNull()
  })
})
