/** A token bucket per client: `burst` requests at once, then `perMinute` on average. */
export interface RateLimitOptions {
  /** Requests a client may make at once [20]. */
  readonly burst?: number
  /** Requests a minute on average after the burst [60]. */
  readonly perMinute?: number
  /** Clients remembered at most; the longest idle is forgotten first [10 000]. */
  readonly maxClients?: number
}

/** `ok`, or how many seconds until the client may try again. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfter: number }

/**
 * A widget sends two or three requests per answer, so the defaults never touch a real customer,
 * but a script flooding the endpoint gets 429 with Retry-After (which npskit's retries respect).
 *
 * @example
 * const take = rateLimiter({ burst: 5, perMinute: 10 })
 * if (!take(clientAddress).ok) answer429()
 */
export function rateLimiter({ burst = 20, perMinute = 60, maxClients = 10_000 }: RateLimitOptions = {}): (key: string, now?: number) => RateDecision {
  for (const [name, value] of Object.entries({ burst, perMinute, maxClients })) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`rateLimit.${name} must be a positive number, not ${String(value)}`)
  }
  const perMs = perMinute / 60_000
  const buckets = new Map<string, { tokens: number; at: number }>()
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
      if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value!)
    }
    buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) }
  }
}
