import type { Store } from '../adapters/storage'

/**
 * A lease on the queue kept in storage: `"<owner> <expiry ms>"` under the key `lease`.
 * Where Web Locks exist the lock decides and the holder only writes its lease for others
 * to see (the page-exit flush must decide at once, and a lock can't be asked synchronously);
 * elsewhere the lease is the lock itself. Storage is not atomic across tabs, so a write is
 * read back; two tabs racing within the same millisecond can still both win, which is why
 * collectors deduplicate by `id` anyway.
 *
 * @param force - take it whoever holds it (we hold the Web Lock).
 * @returns whether `owner` holds the lease until `now + ttl`.
 */
export function takeLease(store: Store, owner: string, now: number, ttl: number, force?: boolean): boolean {
  const [holder, until] = (store.get('lease') ?? '').split(' ')
  if (!force && holder && holder !== owner && Number(until) > now) return false
  store.set('lease', owner + ' ' + (now + ttl))
  return store.get('lease')?.split(' ')[0] === owner
}

/** Gives the lease back, if `owner` still holds it. */
export function dropLease(store: Store, owner: string): void {
  if (store.get('lease')?.split(' ')[0] === owner) store.remove('lease')
}
