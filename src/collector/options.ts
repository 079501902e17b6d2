import type { Alerts } from './alerts/index'
import type { LinkOptions } from './landing/options'
import type { Logger } from './log'
import type { RateLimitOptions } from './rateLimit'
import type { Database, Store } from './storage/index'

/** Options of {@link createCollector}. */
export interface CollectorOptions {
  /** The storage, from `createStore(db)`; or give `db` and the collector makes it. */
  readonly store?: Store
  /** A database from `openDatabase()`, when no `store` is given. */
  readonly db?: Database
  /** Origins (https://shop.example) whose pages may post responses; `['*']` for any [none but the collector's own]. */
  readonly allowedOrigins?: readonly string[]
  /**
   * The admin token for the read, export, follow-up and erasure routes and the dashboard. Without
   * it those answer only requests from this machine (loopback). At least 16 characters.
   */
  readonly adminToken?: string | undefined
  /** Where the collector is reached, e.g. `https://nps.shop.example`: the only `Host` besides loopback names the admin routes answer. */
  readonly publicUrl?: string | undefined
  /** How many proxies in front of the collector append to `X-Forwarded-For` [0: none, the header is ignored]. */
  readonly trustProxy?: number
  /** The rate limit of POST /api/responses per client, or false for none [20 at once, 60 a minute]. */
  readonly rateLimit?: RateLimitOptions | false
  /** The rate limit of sign-in attempts per client [5 at once, 5 a minute]. */
  readonly loginRateLimit?: RateLimitOptions
  /** The IANA time zone of the dashboard's weeks ['UTC']. */
  readonly timeZone?: string | undefined
  /** Serve the dashboard (with its inbox) at /dashboard and the sign-in page at /login [true]. */
  readonly dashboard?: boolean
  /** The longest pause between two chunks of a request body, in ms [10 000]. */
  readonly bodyTimeoutMs?: number
  /** Where log lines go [console.error]. They never carry an e-mail address, a user or a comment. */
  readonly log?: Logger
  /**
   * Alerts from `createAlerts(db, options)` on the same database: each stored response's alert is
   * written in the same transaction, and the worker woken. Start and stop the worker yourself.
   */
  readonly alerts?: Alerts | undefined
  /**
   * The landing page of email survey links (`GET /r/<token>?score=N`, from signSurveyLink): at least
   * the `secret` the links are signed with (`LINK_SECRET`). Without it /r/ answers that links are
   * not set up.
   */
  readonly links?: LinkOptions | undefined
}

/** The options with their defaults, checked. */
export interface ResolvedOptions {
  readonly allowedOrigins: readonly string[]
  readonly adminToken: string | undefined
  readonly publicUrl: URL | undefined
  readonly trustProxy: number
  readonly rateLimit: RateLimitOptions | false
  readonly loginRateLimit: RateLimitOptions
  readonly timeZone: string
  readonly dashboard: boolean
  readonly bodyTimeoutMs: number
  readonly log: Logger
  readonly alerts: Alerts | null
}

const originPattern = /^https?:\/\/[^/?#\s]+$/

/** Checks the options; a bad one is a TypeError or RangeError naming it. */
export function resolveOptions(options: CollectorOptions): ResolvedOptions {
  const { allowedOrigins = [], adminToken, publicUrl, trustProxy = 0, rateLimit = {}, loginRateLimit = { burst: 5, perMinute: 5 } } = options
  if (!Array.isArray(allowedOrigins)) throw new TypeError('allowedOrigins must be an array of origins')
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !(typeof origin === 'string' && originPattern.test(origin))) {
      throw new RangeError(`allowedOrigins: ${JSON.stringify(origin)} is not an origin such as https://shop.example (no path, no trailing slash)`)
    }
  }
  if (adminToken !== undefined && (typeof adminToken !== 'string' || adminToken.length < 16 || /\s/.test(adminToken))) {
    throw new RangeError('adminToken must be at least 16 characters without spaces (e.g. `openssl rand -hex 32`)')
  }
  let url: URL | undefined
  if (publicUrl !== undefined) {
    try {
      url = new URL(publicUrl)
    } catch {
      throw new RangeError(`publicUrl must be a URL such as https://nps.shop.example, not ${JSON.stringify(publicUrl)}`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('publicUrl must be an http or https URL')
  }
  if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 10) throw new RangeError(`trustProxy must be a whole number of proxies from 0 to 10, not ${String(trustProxy)}`)
  const timeZone = options.timeZone ?? 'UTC'
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new RangeError(`timeZone must be an IANA time zone such as Europe/Oslo, not ${JSON.stringify(timeZone)}`)
  }
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000
  if (!(Number.isFinite(bodyTimeoutMs) && bodyTimeoutMs > 0)) throw new RangeError('bodyTimeoutMs must be a positive number of milliseconds')
  return {
    allowedOrigins,
    adminToken,
    publicUrl: url,
    trustProxy,
    rateLimit,
    loginRateLimit,
    timeZone,
    dashboard: options.dashboard ?? true,
    bodyTimeoutMs,
    alerts: checkAlerts(options.alerts),
    log: options.log ?? ((line) => console.error(line)),
  }
}

function checkAlerts(alerts: Alerts | undefined): Alerts | null {
  if (alerts === undefined) return null
  if (typeof alerts !== 'object' || alerts === null || typeof alerts.enqueue !== 'function' || typeof alerts.wake !== 'function') {
    throw new TypeError('alerts must come from createAlerts(db, options)')
  }
  return alerts
}
