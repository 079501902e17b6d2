import { parseHttpDate } from './httpDate'

/** What to do with a queued response after one delivery attempt. */
export type Outcome = 'ack' | 'retry' | 'drop'

/**
 * Sorts the result of one delivery attempt. 2xx is delivered. Network errors, 408, 429
 * and 5xx are worth another try, except 501 and 505: those say the server will never
 * take this request, however often it is sent. Everything else (other 4xx, and 1xx, 3xx
 * or non-HTTP numbers that `fetch` should never surface) is dropped, because sending
 * the same bytes again cannot change the answer.
 *
 * @example
 * classify(204) // → 'ack'
 * classify(503) // → 'retry'
 * classify(422) // → 'drop'
 */
export function classify(status: number | 'network-error'): Outcome {
  if (status === 'network-error' || status === 408 || status === 429) return 'retry'
  if (!Number.isInteger(status)) return 'drop'
  if (status >= 200 && status < 300) return 'ack'
  return status >= 500 && status < 600 && status !== 501 && status !== 505 ? 'retry' : 'drop'
}

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Delay-seconds is strictly digits, so `-5`, `1.5` and `2e3` are garbage, not guesses.
 * A date in the past means "now".
 *
 * @param now - epoch ms, to turn a date into a delay.
 * @returns the delay in ms (≥ 0), or `undefined` when the header is absent or unreadable.
 * @example
 * parseRetryAfter('120', now) // → 120000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now) // → ms until then, or 0
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const text = header?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = parseHttpDate(text, now)
  return date === undefined ? undefined : Math.max(0, date - now)
}

/** How long to wait before retrying. All durations in ms. */
export interface DelayOptions {
  /** The first retry waits up to this long; each further one doubles it. Default 1000. */
  baseMs?: number
  /** The ceiling of the doubling. Default 60 000. */
  maxMs?: number
  /** What the server asked for in `Retry-After` (see {@link parseRetryAfter}). */
  retryAfterMs?: number | undefined
  /** The longest `Retry-After` honoured; a server asking for more gets this. Default 300 000. */
  capRetryAfterMs?: number
}

// setTimeout fires at once for delays past 2^31 − 1 ms, so no delay may exceed it.
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * The wait before retry number `attempt + 1`, by exponential backoff with full jitter:
 * `random() * min(maxMs, baseMs * 2 ** attempt)`. Full jitter spreads the clients a
 * collector outage knocked over, so they do not all come back at the same instant.
 *
 * A `Retry-After` is a floor, never shortened by jitter: the delay is `retryAfterMs`
 * plus the same full-jitter term, so a server that tells every client "120" still
 * sees them come back spread out. The sum is capped at `capRetryAfterMs`: a server
 * asking for an hour gets the cap, and what is still queued then waits for the next page.
 *
 * @param attempt - failed attempts before this one, minus one: 0 for the first retry.
 * @param random - returns a number in [0, 1), e.g. `Math.random`.
 * @returns ms in [0, min(2^31 − 1, cap)], where cap is `maxMs` without Retry-After
 *   and `max(maxMs, capRetryAfterMs)` with it.
 * @example
 * nextDelay(3, {}, Math.random) // → somewhere in [0, 8000)
 * nextDelay(0, { retryAfterMs: 30_000 }, Math.random) // → somewhere in [30000, 31000)
 */
export function nextDelay(attempt: number, options: DelayOptions, random: () => number): number {
  const { baseMs = 1000, maxMs = 60_000, retryAfterMs, capRetryAfterMs = 300_000 } = options
  // Past 2^52 the product is already beyond any ceiling; stopping there avoids 0 * Infinity = NaN.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 0) || 0, 52))
  const r = random()
  let delay = (r > 0 ? Math.min(r, 1) : 0) * ceiling
  // Math.max: a cap set below maxMs must not let a Retry-After shorten the usual backoff.
  if (retryAfterMs !== undefined && retryAfterMs >= 0) delay = Math.max(delay, Math.min(capRetryAfterMs, retryAfterMs + delay))
  return delay > 0 ? Math.min(delay, MAX_TIMER_MS) : 0
}

/** How hard one page load tries to deliver a response before leaving it to the next. */
export interface RetryPolicy extends DelayOptions {
  /** Attempts per page load, the first send included. Default 6. */
  maxAttempts?: number
}

/**
 * Whether this page load has tried enough. The response stays queued either way:
 * giving up here only means the next page load retries it.
 *
 * @param attempts - attempts already made on this page load.
 * @example
 * shouldGiveUp(6, {}) // → true
 * shouldGiveUp(2, { maxAttempts: 3 }) // → false
 */
export function shouldGiveUp(attempts: number, policy: RetryPolicy): boolean {
  return !(attempts < (policy.maxAttempts ?? 6))
}
