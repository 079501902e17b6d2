import { createHash } from 'node:crypto'
import type { AlertFormat, AlertOptions, AlertWhen } from './types'
import { resolveWording, type AlertWording } from './wording'
import { resolveWhen } from './when'

/** One place an alert goes. `key` names it in the outbox without storing a secret URL. */
export interface Target {
  readonly key: string
  /** What logs and the dashboard show: `webhook <origin>` or `email`. */
  readonly label: string
  readonly kind: 'webhook' | 'email'
  readonly url: string
  readonly to: readonly string[]
  readonly from: string
}

/** The options with every default filled in and every value checked. */
export interface ResolvedAlertOptions {
  readonly targets: readonly Target[]
  readonly format: AlertFormat
  readonly when: readonly AlertWhen[]
  readonly secret: string | null
  readonly wording: AlertWording
  readonly windowMs: number
  readonly inboxUrl: (id: string) => string | null
  readonly pollMs: number
  readonly leaseMs: number
  readonly timeoutMs: number
  readonly giveUpAfterMs: number
  readonly retryBaseMs: number
  readonly retryMaxMs: number
  readonly concurrency: number
  readonly log: (message: string) => void
}

const formats: readonly AlertFormat[] = ['json', 'slack', 'teams']
const day = 86_400_000

/**
 * Checks alert options and fills in the defaults. Every bad value is a TypeError or RangeError
 * that names the option.
 *
 * @example
 * resolveAlertOptions({ webhooks: 'https://hooks.slack.com/services/T/B/x', format: 'slack' }).windowMs // → 120000
 */
export function resolveAlertOptions(options: AlertOptions): ResolvedAlertOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('alerts: expected an options object')
  const publicUrl = options.publicUrl === undefined ? null : httpUrl(options.publicUrl, 'alerts.publicUrl')
  const inboxPath = options.inboxPath ?? ((id: string) => '/dashboard#inbox/' + encodeURIComponent(id))
  if (typeof inboxPath !== 'function') throw new TypeError('alerts.inboxPath: expected a function')
  const webhooks = list(options.webhooks, 'alerts.webhooks').map((url) => webhookTarget(httpUrl(url, 'alerts.webhooks')))
  const targets = [...webhooks, ...(options.email ? [emailTarget(options.email, publicUrl)] : [])]
  if (targets.length === 0) throw new TypeError('alerts: give alerts.webhooks or alerts.email, or leave alerts out')
  const format = options.format ?? 'json'
  if (!formats.includes(format)) throw new RangeError(`alerts.format: expected one of ${formats.join(', ')}, got ${String(format)}`)
  if (options.secret !== undefined && (typeof options.secret !== 'string' || options.secret === '')) {
    throw new TypeError('alerts.secret: expected a non-empty string')
  }
  if (options.log !== undefined && typeof options.log !== 'function') throw new TypeError('alerts.log: expected a function')
  return {
    targets,
    format,
    when: resolveWhen(options.when ?? 'detractor'),
    secret: options.secret ?? null,
    wording: resolveWording(options.locale ?? 'en', 'alerts.locale'),
    windowMs: ms(options.windowMs, 120_000, 'alerts.windowMs', 0, 7 * day),
    inboxUrl: (id) => (publicUrl ? new URL(inboxPath(id), publicUrl).href : null),
    pollMs: ms(options.pollMs, 1000, 'alerts.pollMs', 10, 600_000),
    leaseMs: ms(options.leaseMs, 60_000, 'alerts.leaseMs', 100, day),
    timeoutMs: ms(options.timeoutMs, 10_000, 'alerts.timeoutMs', 10, 600_000),
    giveUpAfterMs: ms(options.giveUpAfterMs, day, 'alerts.giveUpAfterMs', 0, 30 * day),
    retryBaseMs: ms(options.retryBaseMs, 1000, 'alerts.retryBaseMs', 1, day),
    retryMaxMs: ms(options.retryMaxMs, 900_000, 'alerts.retryMaxMs', 1, day),
    concurrency: ms(options.concurrency, 8, 'alerts.concurrency', 1, 256),
    log: options.log ?? ((message) => console.warn(message)),
  }
}

function list(value: string | readonly string[] | undefined, name: string): string[] {
  if (value === undefined) return []
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean)
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new TypeError(`${name}: expected a string or an array of strings`)
  return value.map((s: string) => s.trim()).filter(Boolean)
}

function httpUrl(value: unknown, name: string): URL {
  if (typeof value !== 'string') throw new TypeError(`${name}: expected a URL string`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new RangeError(`${name}: not an absolute URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`${name}: expected an http(s) URL`)
  return url
}

function webhookTarget(url: URL): Target {
  // The URL of a Slack or Teams webhook is its secret: the outbox keeps a hash of it, the log its origin.
  return { key: 'webhook:' + hash(url.href), label: 'webhook ' + url.origin, kind: 'webhook', url: url.href, to: [], from: '' }
}

function emailTarget(email: AlertOptions['email'] & object, publicUrl: URL | null): Target {
  if (typeof email !== 'object') throw new TypeError('alerts.email: expected { to, smtpUrl }')
  const to = list(email.to, 'alerts.email.to')
  if (to.length === 0) throw new TypeError('alerts.email.to: expected one or more addresses')
  for (const address of to) if (!/^[^\s@<>,;]+@[^\s@<>,;]+$/.test(address)) throw new RangeError(`alerts.email.to: not an address: ${address}`)
  if (typeof email.smtpUrl !== 'string') throw new TypeError('alerts.email.smtpUrl: expected an smtp:// or smtps:// URL')
  let smtp: URL
  try {
    smtp = new URL(email.smtpUrl)
  } catch {
    throw new RangeError('alerts.email.smtpUrl: not a URL')
  }
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:') throw new RangeError('alerts.email.smtpUrl: expected smtp:// or smtps://')
  if (email.from !== undefined && (typeof email.from !== 'string' || email.from.trim() === '')) throw new TypeError('alerts.email.from: expected a string')
  const from = email.from ?? `npskit <npskit@${publicUrl?.hostname || 'localhost'}>`
  return { key: 'email:' + hash([...to].sort().join(',')), label: 'email', kind: 'email', url: smtp.href, to, from }
}

function ms(value: number | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`${name}: expected an integer`)
  if (value < min || value > max) throw new RangeError(`${name}: expected ${min} to ${max}, got ${value}`)
  return value
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24)
}
