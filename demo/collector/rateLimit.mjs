// A token bucket per client: `burst` requests at once, then `perMinute` on average. A widget
// sends two or three requests per answer, so the defaults never touch a real customer, but a
// script flooding the endpoint gets 429 with Retry-After (which npskit's retries respect).

/** @returns {(key: string, now?: number) => { ok: true } | { ok: false, retryAfter: number }} */
export function rateLimiter({ burst = 20, perMinute = 60, maxClients = 10_000 } = {}) {
  const perMs = perMinute / 60_000
  /** @type {Map<string, { tokens: number, at: number }>} */
  const buckets = new Map()
  return function take(key, now = Date.now()) {
    let bucket = buckets.get(key)
    if (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs)
      bucket.at = now
      // Maps iterate in insertion order: re-inserting keeps the most recent clients last.
      buckets.delete(key)
    } else {
      bucket = { tokens: burst, at: now }
      // Memory stays bounded under many addresses: forget the longest-idle client.
      if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value)
    }
    buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) }
  }
}
