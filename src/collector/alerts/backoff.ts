/**
 * How long to wait before attempt `attempt + 1`: exponential from `baseMs`, capped at `maxMs`,
 * with "equal jitter" (half fixed, half random) so many alerts failing together do not retry
 * together, yet none retries at once.
 *
 * @example
 * retryDelay(3, 1000, 900_000, () => 0.5) // → 3000 (4 s, jittered between 2 and 4 s)
 */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}

/**
 * Reads a `Retry-After` header: seconds, or an HTTP date. Returns milliseconds from `now`, or
 * null when absent or unreadable.
 *
 * @example
 * retryAfterMs('120') // → 120000
 */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}
