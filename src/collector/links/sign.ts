import { landingUrl, secretBytes, signature, version, type Payload } from './format'
import type { SignedSurveyLink, SignSurveyLinkOptions } from './types'

const day = 86_400_000
const names = ['secret', 'baseUrl', 'orderId', 'email', 'userId', 'locale', 'journeyPoint', 'expiresInDays', 'now']
// The response schema's limits, so whatever a link carries fits the response it becomes.
const maxText = 200

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : String(value)
}

function fail(name: string, must: string, got: unknown, Type: typeof TypeError = TypeError): never {
  throw new Type(`npskit/collector: option "${name}" must be ${must}; got ${describe(got)}`)
}

function text(name: string, v: unknown, pattern = /\S/, must = 'a non-empty string'): string {
  if (typeof v !== 'string' || !pattern.test(v)) fail(name, must, v)
  if (v.length > maxText) fail(name, `at most ${maxText} characters`, v, RangeError)
  return v
}

const optional = (name: string, v: unknown, pattern?: RegExp, must?: string): string | undefined =>
  v === undefined ? undefined : text(name, v, pattern, must)

function time(v: unknown): number {
  if (v === undefined) return Date.now()
  const ms = v instanceof Date ? v.getTime() : v
  return typeof ms === 'number' && Number.isFinite(ms) ? ms : fail('now', 'a valid Date or a number of ms since the epoch', v)
}

/**
 * Makes the signed link of one email survey: the collector (`LINK_SECRET`) checks its signature and
 * expiry before it shows or records anything, so nobody can answer for an order they were not asked
 * about, or after the link ran out. The token is HMAC-SHA256 signed, not encrypted: put nothing in it
 * the customer may not read. Bad options throw a TypeError (RangeError for a value out of range)
 * naming the option.
 *
 * @example
 * import { signSurveyLink } from 'npskit/collector'
 * import { surveyEmail } from 'npskit/email'
 *
 * const links = signSurveyLink({
 *   secret: process.env.LINK_SECRET,
 *   baseUrl: 'https://nps.nordhandel.no',
 *   orderId: 'NH-2026-1042',
 *   locale: 'nb',
 *   journeyPoint: 'order-delivered',
 *   expiresInDays: 30,
 * })
 * links.url(9) // → 'https://nps.nordhandel.no/r/v1.eyJv….Kx3…?score=9'
 * const { subject, html, text } = surveyEmail({ brand: 'Nordhandel', locale: 'nb', links })
 */
export function signSurveyLink(options: SignSurveyLinkOptions): SignedSurveyLink {
  if (typeof options !== 'object' || options === null) fail('options', 'an object', options)
  for (const name of Object.keys(options)) {
    if (!names.includes(name)) throw new TypeError(`npskit/collector: unknown option "${name}"`)
  }
  const secret = secretBytes(options.secret)
  const { baseUrl, expiresInDays } = options as { baseUrl: unknown; expiresInDays: unknown }
  if (typeof baseUrl !== 'string' || !/^https?:\/\/[^\s"'<>\\/?#@]+(\/[^\s"'<>\\?#]*)?$/i.test(baseUrl)) {
    fail('baseUrl', 'an absolute http(s) URL without query or fragment', baseUrl)
  }
  if (typeof expiresInDays !== 'number' || Number.isNaN(expiresInDays)) fail('expiresInDays', 'a number of days', expiresInDays)
  if (!(expiresInDays > 0 && expiresInDays <= 366)) fail('expiresInDays', 'more than 0 and at most 366', expiresInDays, RangeError)
  const now = time(options.now)
  const payload: Payload = {
    l: text('locale', options.locale, /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i, "a BCP 47 tag such as 'nb' or 'pt-BR'"),
    j: text('journeyPoint', options.journeyPoint),
    iat: Math.floor(now / 1000),
    exp: Math.floor((now + expiresInDays * day) / 1000),
  }
  const orderId = optional('orderId', options.orderId)
  const email = optional('email', options.email, /^[^\s@]+@[^\s@]+$/, 'an email address')
  const userId = optional('userId', options.userId)
  if (orderId !== undefined) payload.o = orderId
  if (email !== undefined) payload.e = email
  if (userId !== undefined) payload.u = userId
  const signed = `${version}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
  const token = `${signed}.${signature(secret, signed)}`
  const base = baseUrl.replace(/\/+$/, '')
  return {
    baseUrl: base,
    token,
    expiresAt: new Date(payload.exp * 1000),
    url: (score) => {
      if (score !== undefined && !(Number.isInteger(score) && score >= 0 && score <= 10)) {
        throw new RangeError(`npskit/collector: a score must be an integer from 0 to 10; got ${describe(score)}`)
      }
      return landingUrl(base, token, score)
    },
  }
}
