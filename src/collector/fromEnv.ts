import { resolve } from 'node:path'
import { alertOptionsFromEnv, type AlertOptions } from './alerts/index'
import { randomLooking, resolveLinks, type LinkOptions } from './landing/options'
import { minSecretBytes } from './links/format'
import { resolveOptions, type CollectorOptions } from './options'
import type { RateLimitOptions } from './rateLimit'
import type { OpenOptions } from './storage/index'

/** What `npskit-collector` runs, read from its environment. */
export interface CollectorConfig {
  readonly port: number
  readonly host: string
  readonly database: OpenOptions
  readonly collector: Omit<CollectorOptions, 'store' | 'db' | 'log' | 'alerts'>
  /** The alerts (ALERT_WEBHOOK_URL, ALERT_EMAIL_TO, …), or undefined when none is set. */
  readonly alerts: AlertOptions | undefined
  /** Delete responses older than this many days, daily; undefined keeps them. */
  readonly retentionDays: number | undefined
}

type Env = Readonly<Record<string, string | undefined>>

const set = (env: Env, name: string) => {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

function whole(env: Env, name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const value = set(env, name)
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`)
  return Number(value)
}

function rateLimit(env: Env): RateLimitOptions | false {
  const value = set(env, 'RATE_LIMIT')
  if (value === undefined) return {}
  if (value === 'off') return false
  const m = /^(\d+)\/(\d+)$/.exec(value)
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new RangeError(`RATE_LIMIT must be burst/perMinute such as 20/60, or off, not ${JSON.stringify(value)}`)
  return { burst: Number(m[1]), perMinute: Number(m[2]) }
}

/**
 * Reads the collector's configuration from environment variables (the README's table lists each).
 * A bad value is a RangeError naming the variable.
 *
 * @example
 * const config = collectorConfigFromEnv(process.env)
 */
export function collectorConfigFromEnv(env: Env): CollectorConfig {
  const url = set(env, 'DATABASE_URL')
  const adminToken = set(env, 'ADMIN_TOKEN')
  const publicUrl = set(env, 'PUBLIC_URL')
  const timeZone = set(env, 'TIME_ZONE')
  const allowedOrigins = (set(env, 'ALLOWED_ORIGINS') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  // Checked here, before a database is opened, and named as the variable the user set.
  const checks = { ADMIN_TOKEN: { adminToken }, PUBLIC_URL: { publicUrl }, ALLOWED_ORIGINS: { allowedOrigins }, TIME_ZONE: { timeZone } }
  for (const [name, options] of Object.entries(checks)) {
    try {
      resolveOptions(options)
    } catch (error) {
      throw new RangeError(`${name}: ${(error as Error).message}`)
    }
  }
  const links = linksFromEnv(env)
  return {
    port: whole(env, 'PORT', 8080, 0, 65535)!,
    host: set(env, 'HOST') ?? '127.0.0.1',
    database: url ? { url } : { dataDir: resolve(set(env, 'DATA_DIR') ?? './npskit-data') },
    collector: {
      allowedOrigins,
      ...(adminToken === undefined ? {} : { adminToken }),
      ...(publicUrl === undefined ? {} : { publicUrl }),
      ...(timeZone === undefined ? {} : { timeZone }),
      trustProxy: whole(env, 'TRUST_PROXY', 0, 0, 10)!,
      rateLimit: rateLimit(env),
      ...(links === undefined ? {} : { links }),
    },
    retentionDays: whole(env, 'RETENTION_DAYS', undefined, 1, 36_500),
    alerts: alertOptionsFromEnv(env),
  }
}

/**
 * LINK_SECRET (several, comma-separated, while rotating: the first signs) and LINK_BRAND: the landing
 * page of email survey links. Checked here like every setting, so a short or guessable secret stops
 * the start with the variable's name, never its value.
 */
function linksFromEnv(env: Env): LinkOptions | undefined {
  const secret = set(env, 'LINK_SECRET')
  const brand = set(env, 'LINK_BRAND')
  if (secret === undefined) {
    if (brand !== undefined) throw new RangeError('LINK_BRAND is set but LINK_SECRET is not: the landing page of email links needs the secret they are signed with')
    return undefined
  }
  const secrets = secret.split(',').map((s) => s.trim())
  secrets.forEach((s, i) => {
    const name = secrets.length > 1 ? `LINK_SECRET (secret ${i + 1} of ${secrets.length})` : 'LINK_SECRET'
    const bytes = Buffer.byteLength(s)
    if (bytes < minSecretBytes) throw new RangeError(`${name} must be at least ${minSecretBytes} bytes (e.g. \`openssl rand -base64 32\`), not ${bytes}`)
    if (!randomLooking(s)) throw new RangeError(`${name} must be random (e.g. \`openssl rand -base64 32\`), not a word or a repeated pattern`)
  })
  const links: LinkOptions = { secret: secrets.length === 1 ? secrets[0]! : secrets, ...(brand === undefined ? {} : { brand }) }
  try {
    resolveLinks(links)
  } catch (error) {
    throw new RangeError(`LINK_BRAND: ${(error as Error).message}`)
  }
  return links
}
