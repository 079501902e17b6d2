/** A Web Storage–like place to keep strings: `localStorage` itself fits, or your own object. */
export interface StorageAdapter {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** Where npskit keeps the visitor's history and the delivery queue. */
export type StorageOption = 'local' | 'session' | 'memory' | StorageAdapter

/** What the rest of npskit uses: prefixed keys, and it never throws. */
export interface Store {
  get(key: string): string | null
  /** False when the value only lives in memory (storage full, blocked or absent). */
  set(key: string, value: string): boolean
  remove(key: string): void
}

/**
 * Wraps a storage so that nothing it does can throw into the page. Storage that is missing,
 * blocked (Safari private mode, sandboxed iframes, cookies disabled) or full falls back to
 * memory for this page's lifetime; a value kept in memory wins over the stored one until a
 * write succeeds again.
 *
 * Touching `window.localStorage` can itself throw, so the backend is resolved on first use,
 * never at creation: a store made before consent is known costs no storage access.
 *
 * @example
 * const store = createStore('local', 'npskit:')
 * store.set('history', '{}') // → true, under the key 'npskit:history'
 */
export function createStore(option: StorageOption = 'local', prefix = 'npskit:'): Store {
  const memory = new Map<string, string>()
  let backend: StorageAdapter | null | undefined
  const open = (): StorageAdapter | null => {
    if (backend === undefined) {
      backend = null
      try {
        backend = typeof option === 'object' ? option : option === 'memory' ? null : globalThis[option === 'session' ? 'sessionStorage' : 'localStorage']
      } catch {
        // A SecurityError on access: memory it is.
      }
    }
    return backend ?? null
  }
  return {
    get(key) {
      const k = prefix + key
      if (memory.has(k)) return memory.get(k) ?? null
      try {
        const value = open()?.getItem(k)
        return typeof value === 'string' ? value : null
      } catch {
        return null
      }
    },
    set(key, value) {
      const k = prefix + key
      try {
        const b = open()
        if (b) {
          b.setItem(k, value)
          memory.delete(k)
          return true
        }
      } catch {
        // Quota exceeded or storage gone: keep it for this page at least.
      }
      memory.set(k, value)
      return false
    },
    remove(key) {
      const k = prefix + key
      memory.delete(k)
      try {
        open()?.removeItem(k)
      } catch {
        // Nothing to do: it is gone from memory, and storage is unusable anyway.
      }
    },
  }
}
